"""Sections 1 to 3 of the benchmark, what maintainers wait for: the strict build against a bare Material
build of the same Markdown, the test suite and each checker command, and both at the sizes of the
synthetic corpora (scripts/bench/corpus.py)."""

from __future__ import annotations

import itertools
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.bench.corpus import Corpus, interview_pages, make_corpus
from scripts.bench.page_weight import PageWeight, Weight, first_search, page_weight
from scripts.bench.processes import environment, log, mkdocs_build, run_timed
from scripts.bench.stats import Stat, marginal, per_thousand, ratio, summarize
from scripts.bench.tables import Table, kib, seconds, times
from scripts.core.config import mkdocs_config
from scripts.core.files import write_if_changed
from scripts.core.paths import ROOT

SCALES = (1, 10, 50, 200)
ONCE_FROM = 100  # corpora of this many copies and more are built and checked once, not once a run (minutes each)
SUITE_RUNS = 1  # `make test` takes minutes: once, however many runs the other figures have
LINEAR_FROM = 10  # the growth of each step is compared from this size on (README, "Performance")
HOME_PAGES = {"zh": "index.html", "en": "en/index.html"}  # a page whose text is the same in every corpus
CHECKS: list[tuple[str, list[str]]] = [  # (name, arguments of `python -m scripts`); SITE: a built site
    ("fidelity", ["fidelity"]),
    ("translation", ["translation"]),
    ("glossary", ["glossary"]),
    ("status", ["status"]),
    ("data", ["data"]),
    ("tables --check", ["tables", "--check"]),
    ("links", ["links", "SITE"]),
    ("offline", ["offline", "SITE"]),
    ("safety", ["safety", "SITE"]),
    ("workflows", ["workflows"]),
]


def bare_config(dest: Path, project: Path = ROOT) -> Path:
    """The mkdocs.yml of a bare Material build of the project's Markdown files: the same docs folder and
    Markdown extensions, Material's defaults for everything else (its search plugin, no i18n plugin,
    no hooks, no overrides, no extra CSS or JavaScript)."""
    config: dict[str, Any] = {
        "site_name": "bare",
        "docs_dir": str(project / "docs"),
        "theme": {"name": "material"},
        "markdown_extensions": mkdocs_config(project)["markdown_extensions"],
    }
    path = dest / "mkdocs.yml"
    write_if_changed(path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def peer_config(dest: Path, project: Path = ROOT) -> Path:
    """The mkdocs.yml of the peer build: the project's Markdown files as plain mkdocs-static-i18n builds them
    with Material and its default search: the same docs folder, navigation, Markdown extensions, palettes
    and i18n settings (which set each language's palette), and nothing of this project (no bilingual
    plugin, no overrides, no extra CSS or JavaScript)."""
    project_config = mkdocs_config(project)
    i18n = next(p["i18n"] for p in project_config["plugins"] if isinstance(p, dict) and "i18n" in p)
    config: dict[str, Any] = {
        "site_name": "peer",
        "docs_dir": str(project / "docs"),
        "theme": {key: project_config["theme"][key] for key in ("name", "language", "palette")},  # i18n sets each
        "markdown_extensions": project_config["markdown_extensions"],
        "plugins": ["search", {"i18n": i18n}],
        "nav": project_config["nav"],
    }
    path = dest / "mkdocs.yml"
    write_if_changed(path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def check_command(args: list[str], site: Path, python: str = sys.executable) -> list[str]:
    return [python, "-m", "scripts", *(str(site) if a == "SITE" else a for a in args)]


# --- 1. build -----------------------------------------------------------------------------------------------


@dataclass
class BuildResult:
    project: Stat
    bare: Stat
    ratio: Stat
    cold: Stat  # the project's build with its build caches empty
    peer: Stat  # the peer build (peer_config)
    site: Path  # the project's last build, for the checks and the page weight
    peer_site: Path  # the peer's last build, for its page weight


def bench_build(work: Path, runs: int) -> BuildResult:
    bare_dir = work / "bare"
    bare_dir.mkdir()
    config = bare_config(bare_dir)
    peer_dir = work / "peer"
    peer_dir.mkdir()
    peer = peer_config(peer_dir)
    peer_times: list[float] = []
    project_times: list[float] = []
    bare_times: list[float] = []
    cold_times: list[float] = []
    site = work / "site"
    for i in range(runs):
        log(f"build: run {i + 1} of {runs}")
        shutil.rmtree(site, ignore_errors=True)
        project_times.append(run_timed(mkdocs_build(site), ROOT))
        bare_times.append(run_timed(mkdocs_build(bare_dir / "site", config), bare_dir))
        peer_times.append(run_timed(mkdocs_build(peer_dir / "site", peer), peer_dir))
        with tempfile.TemporaryDirectory(dir=work) as empty:  # scripts/plugin/buildcache.py: a first build
            cold_times.append(
                run_timed(mkdocs_build(work / "cold-site"), ROOT, env=environment(BILINGUAL_CACHE_DIR=empty))
            )
    return BuildResult(
        summarize(project_times),
        summarize(bare_times),
        ratio(project_times, bare_times),
        summarize(cold_times),
        summarize(peer_times),
        site,
        peer_dir / "site",
    )


def build_table(result: BuildResult) -> Table:
    t = Table("1. Build", ["", "median", "spread"])
    t.rows.append(["Project: strict build, both languages (`mkdocs build --strict`)", *seconds(result.project)])
    t.rows.append(["Bare Material build of the same Markdown (no i18n plugin, no hooks)", *seconds(result.bare)])
    t.rows.append(["Ratio project / bare (run by run)", *times(result.ratio)])
    t.rows.append(["Project, first build: its build caches empty", *seconds(result.cold)])
    t.rows.append(
        ["Peer: the same Markdown, mkdocs-static-i18n with Material and its default search", *seconds(result.peer)]
    )
    t.notes.append(
        "Each run builds the project, the bare configuration, the peer (both languages, no bilingual plugin, "
        "no overrides), then the project with an empty `BILINGUAL_CACHE_DIR` (scripts/plugin/buildcache.py), "
        "in new processes (start-up included)."
    )
    return t


# --- 2. checks ----------------------------------------------------------------------------------------------


def bench_checks(site: Path, runs: int, with_suite: bool = True) -> dict[str, Stat]:
    samples: dict[str, list[float]] = {name: [] for name, _ in CHECKS}
    suite: list[float] = []
    total: list[float] = []
    for i in range(runs):
        log(f"checks: run {i + 1} of {runs}")
        run_total = 0.0
        for name, args in CHECKS:
            elapsed = run_timed(check_command(args, site), ROOT)
            samples[name].append(elapsed)
            run_total += elapsed
        total.append(run_total)
        if with_suite and i < SUITE_RUNS:
            log("checks: the whole `make test`")
            suite.append(run_timed(["make", "--no-print-directory", "test"], ROOT, timeout=3600))
    out = {name: summarize(s) for name, s in samples.items()}
    out["all checker commands"] = summarize(total)
    if with_suite:
        out["test suite"] = summarize(suite)
    return out


def checks_table(result: dict[str, Stat]) -> Table:
    t = Table("2. Checks", ["", "median", "spread"])
    if "test suite" in result:
        runs = len(result["test suite"].samples)
        t.rows.append(
            [
                f"`make test`: lint, then every test, the browser tests included ({runs} run{'s' * (runs > 1)})",
                *seconds(result["test suite"]),
            ]
        )
    for name, _ in CHECKS:
        t.rows.append(
            [
                f"`python -m scripts {name}`" + (" site" if name in ("links", "offline", "safety") else ""),
                *seconds(result[name]),
            ]
        )
    t.rows.append(["All ten checker commands, one after the other", *seconds(result["all checker commands"])])
    return t


# --- 3. scale -----------------------------------------------------------------------------------------------


@dataclass
class ScaleResult:
    corpus: Corpus
    build: Stat
    checks: Stat
    slowest: str  # the checker command that takes longest at this size
    per_check: dict[str, Stat]  # each checker command
    home: dict[str, PageWeight]  # the home page of each language (HOME_PAGES) and what it loads, as built
    search: dict[str, Weight]  # what a first search of each language fetches, whatever the query
    copy_page: dict[str, Weight] = field(default_factory=dict)  # the HTML of the last copy's last page, by language

    @property
    def total(self) -> Stat:
        return summarize([b + c for b, c in zip(self.build.samples, self.checks.samples, strict=True)])


def bench_scale(work: Path, runs: int, scales: Sequence[int] = SCALES) -> list[ScaleResult]:
    corpora: list[Corpus] = []
    for copies in scales:
        log(f"scale: making the corpus of {copies}x")
        corpora.append(make_corpus(work / f"corpus-{copies}", copies))
    builds: dict[int, list[float]] = {c.copies: [] for c in corpora}
    checks: dict[int, list[float]] = {c.copies: [] for c in corpora}
    per_check: dict[int, dict[str, list[float]]] = {c.copies: {n: [] for n, _ in CHECKS} for c in corpora}
    home: dict[int, dict[str, PageWeight]] = {}
    first: dict[int, dict[str, Weight]] = {}
    copy_page: dict[int, dict[str, Weight]] = {}
    for i in range(runs):
        for corpus in corpora:  # sizes interleaved, so that a slow moment of the machine is shared
            if i and corpus.copies >= ONCE_FROM:
                continue
            log(f"scale: run {i + 1} of {runs}, {corpus.copies}x ({corpus.paragraphs} paragraphs)")
            site = corpus.root / "site"
            shutil.rmtree(site, ignore_errors=True)
            builds[corpus.copies].append(run_timed(mkdocs_build(site), corpus.root))
            home[corpus.copies] = {lang: page_weight(site, path, lang) for lang, path in HOME_PAGES.items()}
            first[corpus.copies] = {lang: first_search(site, lang) for lang in HOME_PAGES}
            copy_page[corpus.copies] = last_copy_page(corpus, site)
            total = 0.0
            for name, args in CHECKS:
                elapsed = run_timed(check_command(args, site), corpus.root)
                per_check[corpus.copies][name].append(elapsed)
                total += elapsed
            checks[corpus.copies].append(total)
    out: list[ScaleResult] = []
    for corpus in corpora:
        medians = {n: statistics.median(s) for n, s in per_check[corpus.copies].items()}
        slowest = max(medians, key=lambda n: medians[n])
        out.append(
            ScaleResult(
                corpus,
                summarize(builds[corpus.copies]),
                summarize(checks[corpus.copies]),
                f"{slowest} {medians[slowest]:.2f} s",
                {n: summarize(s) for n, s in per_check[corpus.copies].items()},
                home[corpus.copies],
                first[corpus.copies],
                copy_page[corpus.copies],
            )
        )
    return out


def last_copy_page(corpus: Corpus, site: Path) -> dict[str, Weight]:
    """The HTML of the last page of the interview's last copy in each language (at 1×, of the interview): the
    same text at every size, in a document of its own (the interview's at 1×: scripts/bench/corpus.py)."""
    stem = Path(interview_pages(corpus.root)[-1]).stem
    last = stem if corpus.copies == 1 else f"c{corpus.copies}/{stem}"
    return {
        lang: page_weight(site, f"{root}{last}/index.html", lang).html for lang, root in (("zh", ""), ("en", "en/"))
    }


def scale_table(results: list[ScaleResult]) -> Table:
    t = Table(
        "3. Scale",
        [
            "corpus",
            "pages",
            "paragraphs",
            "build",
            "checks",
            "build per 1000 ¶",
            "checks per 1000 ¶",
            "added ¶: build per 1000",
            "added ¶: checks per 1000",
            "slowest check",
            "home page HTML, zh / en",
            "a page of the last copy, zh / en",
        ],
        align="lrrrrrrrrlrr",
    )
    build_m = marginal([(r.corpus.paragraphs, r.build.median) for r in results])
    checks_m = marginal([(r.corpus.paragraphs, r.checks.median) for r in results])
    for r, bm, cm in zip(results, build_m, checks_m, strict=True):
        n = r.corpus.paragraphs
        t.rows.append(
            [
                f"{r.corpus.copies}×",
                str(r.corpus.pages),
                str(n),
                seconds(r.build)[0],
                seconds(r.checks)[0],
                f"{per_thousand(r.build, n).median:.2f} s",
                f"{per_thousand(r.checks, n).median:.2f} s",
                "—" if bm is None else f"{bm:.2f} s",
                "—" if cm is None else f"{cm:.2f} s",
                r.slowest,
                " / ".join(f"{kib(w.html.raw)} ({kib(w.html.gz)})" for w in r.home.values()),
                " / ".join(f"{kib(w.raw)} ({kib(w.gz)})" for w in r.copy_page.values()) or "—",
            ]
        )
    t.notes.append(
        f"Medians (a corpus of {ONCE_FROM}× or more: one run). Checks: the ten checker commands one after the other (links, offline and safety on "
        "that corpus's build). ¶: paragraphs of both languages. Per 1000 ¶: the whole time over the "
        "paragraphs (start-up included, so it falls as the corpus grows). Added ¶: the extra time over "
        "the paragraphs added since the size above, which stays level when the cost grows linearly and "
        "rises when it grows worse. Each copy of the interview is a document of its own (scripts/bench/corpus.py). "
        "Home page HTML: raw (gzip -6); the home page lists the site's documents (each copy is one), so it "
        "grows with the copies. A page of the last copy (the interview's last page in the last copy, at 1× "
        "the interview's own): the same text at every size, in a document of its own, so that it grows only "
        "with what every page carries: the navigation of its own document (scripts/plugin/sidebar.py)."
    )
    return t


def growth_table(results: list[ScaleResult]) -> Table:
    """Aim 1 of the performance issue: the cost of each thousand paragraphs added, step by step, for the
    build and each checker; the growth is the last step's over the first from LINEAR_FROM on."""
    steps = [f"{a.corpus.copies}×→{b.corpus.copies}×" for a, b in itertools.pairwise(results)]
    first = next((i for i, r in enumerate(results[:-1]) if r.corpus.copies >= LINEAR_FROM), None)
    t = Table(
        "3b. Scale: each step",
        ["", *(f"{s} per 1000 added ¶" for s in steps), "growth"],
    )
    rows: list[tuple[str, list[Stat]]] = [("build", [r.build for r in results])]
    rows += [(f"`{name}`", [r.per_check[name] for r in results]) for name in results[0].per_check]
    rows.append(("all ten checks", [r.checks for r in results]))
    for name, stats in rows:
        added = marginal([(r.corpus.paragraphs, s.median) for r, s in zip(results, stats, strict=True)])[1:]
        cells = ["—" if a is None else f"{a:.2f} s" for a in added]
        start, last = (added[first], added[-1]) if first is not None and len(added) - first >= 2 else (None, None)
        grown = f"{last / start:.2f}×" if start and last is not None else "—"
        t.rows.append([name, *cells, grown])
    t.notes.append(
        f"Medians; ¶: paragraphs of both languages. Growth: the last step's cost per 1000 added paragraphs over "
        f"the first step's from {LINEAR_FROM}× on; 1.00× is linear growth, and the aim is within 1.25×. A check "
        "that takes well under a second at every size has steps of a few hundredths of a second, where noise "
        "of the machine is most of the figure."
    )
    return t


def download_table(results: list[ScaleResult]) -> Table:
    """Aim 2: what a reader downloads for one page, search included, at each size against the smallest."""
    t = Table(
        "3c. Scale: what a reader downloads",
        ["corpus", "page", "HTML, CSS, JavaScript", "a first search", "all", "against 1×"],
    )
    base: dict[str, int] = {}
    for r in results:
        for lang, page in r.home.items():
            total = page.total + r.search[lang]
            base.setdefault(lang, total.gz)
            t.rows.append(
                [
                    f"{r.corpus.copies}×",
                    f"home page ({lang})",
                    f"{kib(page.total.raw)} ({kib(page.total.gz)})",
                    f"{kib(r.search[lang].raw)} ({kib(r.search[lang].gz)})",
                    f"{kib(total.raw)} ({kib(total.gz)})",
                    f"{total.gz / base[lang]:.2f}×",
                ]
            )
    t.notes.append(
        "Raw (gzip -6). The page: its HTML and the stylesheets and scripts it loads (no search index is fetched "
        "as a page loads). A first search: what any query fetches first (Pagefind's entry, script, WebAssembly "
        "and the index's metadata); the chunks of the query's words and its results' fragments come on top. "
        "Against 1×: the gzipped total over the smallest corpus's."
    )
    return t
