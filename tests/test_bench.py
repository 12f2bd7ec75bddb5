"""The benchmark's own parts (scripts/bench/): statistics, tables, the README section, the synthetic
corpora and the measurements' plumbing. The full `make bench` is not part of the tests: it measures,
and speed is never asserted by a test."""

import gzip
import json
import re
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from scripts import bench
from scripts.bench import corpus, lighthouse, live_reload, page_weight, processes, report, stats, tables, timing
from scripts.core.config import nav_pages
from scripts.text.blocks import parse_page

# --- statistics ----------------------------------------------------------------------------------------------


def test_summarize_gives_the_median_and_the_spread_of_the_runs() -> None:
    stat = stats.summarize([3.0, 1.0, 2.0, 5.0, 4.0])
    assert (stat.median, stat.low, stat.high, stat.spread) == (3.0, 1.0, 5.0, 4.0)
    assert stats.summarize([1, 2, 3, 10]).median == 2.5
    assert stat.to_json()["samples"] == [3.0, 1.0, 2.0, 5.0, 4.0] and stat.to_json()["runs"] == 5


def test_summarize_refuses_an_empty_measurement() -> None:
    with pytest.raises(ValueError):
        stats.summarize([])


def test_a_ratio_pairs_the_runs_one_by_one() -> None:
    assert stats.ratio([2.0, 6.0, 3.0], [1.0, 2.0, 3.0]).samples == (2.0, 3.0, 1.0)
    with pytest.raises(ValueError):
        stats.ratio([1.0], [1.0, 2.0])


def test_seconds_per_thousand_paragraphs() -> None:
    assert stats.per_thousand(stats.summarize([2.0, 4.0]), 500).samples == (4.0, 8.0)


def test_the_added_cost_per_paragraph_is_level_for_linear_growth_and_rises_for_quadratic() -> None:
    linear = stats.marginal([(100, 1.0 + 0.01 * 100), (1000, 1.0 + 0.01 * 1000), (5000, 1.0 + 0.01 * 5000)])
    assert linear[0] is None and linear[1] == pytest.approx(10.0) and linear[2] == pytest.approx(10.0)
    quadratic = stats.marginal([(n, 1e-5 * n * n) for n in (100, 1000, 5000)])
    first, second = quadratic[1], quadratic[2]
    assert first is not None and second is not None and second > 5 * first


def _scale(copies: int, paragraphs: int, build: float, links: float, html: int) -> timing.ScaleResult:
    w = page_weight.Weight(html, html // 4)
    none = page_weight.Weight(0, 0)
    page = page_weight.PageWeight("home", "index.html", w, none, none, none)
    return timing.ScaleResult(
        corpus.Corpus(Path("."), copies, copies, paragraphs),
        stats.summarize([build]),
        stats.summarize([links + 1.0]),
        "links",
        {"links": stats.summarize([links]), "data": stats.summarize([1.0])},
        {"zh": page},
        {"zh": page_weight.Weight(100, 100)},
    )


def test_each_step_s_growth_is_the_last_step_over_the_first_from_ten_copies_on() -> None:
    # build: 3 s per 1000 paragraphs throughout (linear); links: 2 s, then 4 s per 1000 (worse than linear)
    results = [
        _scale(1, 100, 1.3, 0.5, 1000),
        _scale(10, 1000, 4.0, 2.3, 1000),
        _scale(50, 5000, 16.0, 10.3, 1000),
        _scale(200, 20000, 61.0, 70.3, 1000),
    ]
    rows = {row[0]: row[1:] for row in timing.growth_table(results).rows}
    assert rows["build"] == ["3.00 s", "3.00 s", "3.00 s", "1.00×"]
    assert rows["`links`"] == ["2.00 s", "2.00 s", "4.00 s", "2.00×"]
    assert rows["`data`"][-1] == "—"  # no added cost to grow from


def test_the_download_at_each_size_is_told_against_the_smallest() -> None:
    results = [_scale(1, 100, 1.0, 1.0, 4000), _scale(50, 5000, 9.0, 9.0, 4400)]
    rows = timing.download_table(results).rows
    assert [r[-1] for r in rows] == ["1.00×", f"{(1100 + 100) / (1000 + 100):.2f}×"]


# --- tables and the README ---------------------------------------------------------------------------------


def test_a_markdown_table_escapes_its_cells_and_aligns_numbers_right() -> None:
    table = tables.markdown_table(["what", "median"], [["a|b", "1.00 s"], ["c\nd", "2.00 s"]])
    assert table.split("\n") == ["| what | median |", "| --- | ---: |", "| a\\|b | 1.00 s |", "| c d | 2.00 s |"]
    assert tables.markdown_table(["a", "b"], [], align="rl").split("\n")[1] == "| ---: | --- |"


def test_a_markdown_table_refuses_a_row_of_the_wrong_length() -> None:
    with pytest.raises(ValueError):
        tables.markdown_table(["a", "b"], [["only one"]])


def test_times_are_shown_with_their_unit_and_spread() -> None:
    assert tables.seconds(stats.summarize([1.234, 1.5, 1.0])) == ("1.23 s", "1.00–1.50 s")
    assert tables.times(stats.summarize([1.1, 1.3])) == ("1.20×", "1.10–1.30")
    assert tables.kib(2048) == "2.0 KiB"


def test_the_results_replace_only_the_readme_section_between_its_markers() -> None:
    text = f"# Title\n\nbefore\n\n{report.BEGIN_MARK}\n\nold table\n\n{report.END_MARK}\n\nafter\n"
    new = report.replace_generated(text, "#### new table\n")
    assert new == f"# Title\n\nbefore\n\n{report.BEGIN_MARK}\n\n#### new table\n\n{report.END_MARK}\n\nafter\n"
    assert report.replace_generated(new, "#### new table\n") == new
    with pytest.raises(bench.BenchError):
        report.replace_generated("# no markers\n", "table")


def test_the_readme_has_the_section_that_make_bench_rewrites() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert report.BEGIN_RE.search(readme) and report.END_MARK in readme
    assert report.replace_generated(readme, "x").count(report.END_MARK) == 1


def test_the_results_render_every_section_with_its_title() -> None:
    table = tables.Table("1. Build", ["", "median", "spread"], [["Project", "1.00 s", "0.90–1.10 s"]], ["A note."])
    text = tables.render([table], "Header.")
    assert text.startswith("Header.\n\n#### 1. Build\n\n|") and text.endswith("A note.\n")


# --- synthetic corpora ---------------------------------------------------------------------------------------


def test_suffixing_renames_every_block_id_and_leaves_generated_sections_alone() -> None:
    page = "\n".join(
        [
            "# 标题 { #part9 }",
            "",
            '<div class="turn" id="part9-a1" data-speaker="lufeng" markdown>',
            "",
            "**逯峰：**{ .speaker }正文。",
            "{ #part9-a1-p1 }",
            "",
            "</div>",
            "",
            "<!-- generated:headline (generated) -->",
            '<div class="data-table" id="section-headline">',
            '<a href="../part1/#part1-a1-p1">原文</a>',
            "</div>",
            "<!-- /generated:headline -->",
            "",
            "说明。",
            "{ #part9-note .label }",
            "",
        ]
    )
    out = corpus.suffix_ids(page, "-c3")
    assert "# 标题 { #part9-c3 }" in out and 'id="part9-a1-c3"' in out and "{ #part9-a1-p1-c3 }" in out
    assert "{ #part9-note-c3 .label }" in out and "{ .speaker }" in out
    assert 'id="section-headline"' in out and "#part1-a1-p1" in out  # the generated section as it was


def test_a_copy_s_data_keeps_every_record_and_cites_the_copy_s_paragraphs() -> None:
    doc = yaml.safe_load((ROOT / "data" / "figures" / "operations.yml").read_text(encoding="utf-8"))
    copy = corpus.own_records(doc, "-c2")
    assert {k: len(v) for k, v in copy.items() if isinstance(v, list)} == {
        k: len(v) for k, v in doc.items() if isinstance(v, list)
    }  # the roundups and the results of them, every one: the copy's data counts its own
    assert [f["key"] for f in copy["figures"]] == [f["key"] for f in doc["figures"]]  # unique within its document
    cited = [r["paragraph"] for kind in ("operations", "figures") for r in copy[kind] if "paragraph" in r]
    assert cited and all(p.endswith("-c2") for p in cited)
    localities = yaml.safe_load((ROOT / "data" / "figures" / "localities.yml").read_text(encoding="utf-8"))
    first = corpus.own_records(localities, "-c2")["localities"][0]
    assert first["paragraphs"] == [p + "-c2" for p in localities["localities"][0]["paragraphs"]]
    assert first["reasons"] == localities["localities"][0]["reasons"]  # keys of its own data, not paragraphs


# The pages of the interview that a copy repeats: those with text, and the Data page (read off mkdocs.yml).
COPIED = ["index.md", "background.md", "part1.md", "part2.md", "part3.md", "data.md"]


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=root, capture_output=True, text=True, env=processes.environment()
    )


def test_a_synthetic_corpus_makes_each_copy_a_document_of_its_own_that_passes_the_checks(tmp_path: Path) -> None:
    synthetic = corpus.make_corpus(tmp_path / "corpus", 3)
    root = synthetic.root
    # the interview is the project's own, byte for byte: its settings, data, state, source and pages
    kept = [
        "documents/hurricane2016/document.yml",
        "data/translation-state.json",
        "source/interview.zh.txt",
        *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "data" / "figures").glob("*.yml"))),
        *(f"docs/{lang}/{page}" for lang in ("zh", "en") for page in nav_pages(ROOT)),
    ]
    assert [f for f in kept if (root / f).read_bytes() != (ROOT / f).read_bytes()] == []
    pages = nav_pages(root)
    assert pages[: len(nav_pages(ROOT))] == nav_pages(ROOT)
    assert pages[len(nav_pages(ROOT)) :] == [f"c{k}/{p}" for k in (2, 3) for p in COPIED]
    for k in (2, 3):
        described = yaml.safe_load((root / f"documents/c{k}/document.yml").read_text(encoding="utf-8"))
        assert described["folder"] == f"c{k}" and described["pages"] == [f"c{k}/{p}" for p in COPIED]
        assert described["data"] == f"documents/c{k}/figures" and described["data_page"] == f"c{k}/data.md"
        assert (root / described["source"]).read_bytes() == (ROOT / "source" / "interview.zh.txt").read_bytes()
        own = sorted(p.name for p in (root / f"documents/c{k}/figures").glob("*.yml"))
        assert own == sorted(p.name for p in (ROOT / "data" / "figures").glob("*.yml"))
        # its generated tables are made from its own data: they cite its own paragraphs, beside its own pages
        part1 = (root / f"docs/zh/c{k}/part1.md").read_text(encoding="utf-8")
        assert f'href="../part1/#part1-a1-p1-c{k}"' in part1 and 'href="../part1/#part1-a1-p1"' not in part1
        assert (root / f"docs/en/c{k}/charts/roundups.svg").exists()
        assert (root / f"docs/zh/downloads/hurricane2016-c{k}-data.json").exists()
    _, original = corpus.count_paragraphs(ROOT)
    copied = sum(
        1
        for lang in ("zh", "en")
        for page in COPIED
        for b in parse_page(ROOT / "docs" / lang / page)
        if b.kind == "paragraph"
    )
    assert synthetic.paragraphs == original + 2 * copied
    for lang in ("zh", "en"):  # distinct across the site, as the anchors of its search results need
        ids = Counter(b.id for page in pages for b in parse_page(root / "docs" / lang / page))
        assert [i for i, n in ids.items() if n > 1] == []
        assert {"part1-a1-p1", "part1-a1-p1-c2", "part1-a1-p1-c3"} <= set(ids)
    for args in (["fidelity"], ["translation"], ["glossary"], ["status"], ["data"], ["tables", "--check"]):
        result = _run(root, *args)
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    # each copy's data is held to its own text: a wrong figure of the last copy is its finding alone
    headline = root / "documents/c3/figures/headline.yml"
    text = headline.read_text(encoding="utf-8")
    assert text.count("value: 655000") == 1
    headline.write_text(text.replace("value: 655000", "value: 655001"), encoding="utf-8")
    result = _run(root, "data")
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "documents/c3/figures/headline.yml:" in out
    assert "docs/zh/c3/part1.md:" in out and "(documents/c3/figures/) nor on the not-data list" in out
    assert "data/figures/headline.yml" not in out.replace("documents/c3/figures/", "")
    # the corpus is made in its folder: the repository's pages, documents and data are untouched
    assert not (ROOT / "docs" / "zh" / "c2").exists() and not (ROOT / "documents" / "c2").exists()


def test_a_corpus_of_separate_documents_builds_strictly_and_its_links_resolve(tmp_path: Path) -> None:
    root = corpus.make_corpus(tmp_path / "corpus", 2).root
    site = tmp_path / "site"
    built = subprocess.run(
        processes.mkdocs_build(site), cwd=root, capture_output=True, text=True, env=processes.environment()
    )
    assert built.returncode == 0, built.stderr[-3000:]
    for name in ("links", "offline", "safety"):
        result = _run(root, name, str(site))
        assert result.returncode == 0, (name, result.stdout[-2000:], result.stderr[-2000:])
    # the copy's aligned downloads, which its Data page lists, and its side-by-side view's link up to About
    assert (site / "downloads" / "hurricane2016-c2-aligned.tmx").exists()
    assert 'href="../../about/"' in (site / "parallel" / "c2" / "index.html").read_text(encoding="utf-8")


# --- measurements ------------------------------------------------------------------------------------------


def test_the_bare_build_has_the_same_markdown_and_nothing_of_the_project_s_own(tmp_path: Path) -> None:
    config = yaml.safe_load(timing.bare_config(tmp_path).read_text(encoding="utf-8"))
    project = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config["theme"] == {"name": "material"} and config["docs_dir"] == str(ROOT / "docs")
    assert "hooks" not in config and "plugins" not in config and "extra_css" not in config
    assert config["markdown_extensions"] and all(
        str(next(iter(e)) if isinstance(e, dict) else e) in project for e in config["markdown_extensions"]
    )


def test_the_live_reload_measures_the_makefile_s_serve_command() -> None:
    assert live_reload.serve_arguments()[:1] == ["serve"] and "--livereload" in live_reload.serve_arguments()


def test_each_checker_command_of_the_project_is_measured() -> None:
    names = {name.split()[0] for name, _ in timing.CHECKS}
    assert names == {
        "fidelity",
        "translation",
        "glossary",
        "status",
        "data",
        "tables",
        "links",
        "offline",
        "safety",
        "workflows",
    }
    assert timing.check_command(["links", "SITE"], Path("/s"))[-2:] == ["links", "/s"]


def test_page_weight_counts_the_html_and_what_it_loads(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "search").mkdir()
    (site / "assets" / "a.css").write_text("body{}" * 100)
    (site / "assets" / "b.js").write_text("var x;" * 100)
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": []}))
    (site / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="assets/a.css">'
        '<link rel="stylesheet" href="https://cdn.invalid/x.css">'
        '<script src="assets/b.js"></script></head><body></body></html>'
    )
    w = page_weight.page_weight(site, "index.html", "Home")
    assert w.css.raw == 600 and w.js.raw == 600 and w.html.raw == (site / "index.html").stat().st_size
    assert w.css.gz == len(gzip.compress(b"body{}" * 100, page_weight.GZIP_LEVEL, mtime=0))
    assert w.total.raw == w.html.raw + 600 + 600 + w.index.raw


def test_the_local_server_for_lighthouse_gzips_as_github_pages_does(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>" + "text " * 200 + "</p>")
    with lighthouse.static_server(tmp_path, processes.free_port()) as base:
        request = urllib.request.Request(base, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == (tmp_path / "index.html").read_text()
        with urllib.request.urlopen(base, timeout=10) as response:
            assert response.headers["Content-Encoding"] is None


def test_lighthouse_scores_each_languages_home_largest_page_and_largest_side_by_side_page(tmp_path: Path) -> None:
    sizes = {"": 10, "part1/": 30, "data/": 50, "parallel/part1/": 90, "parallel/part3/": 70,
             "en/": 10, "en/part2/": 60, "en/data/": 40, "en/parallel/part2/": 80}  # fmt: skip
    for path, size in sizes.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("x" * size)
    assert [p for p, _ in lighthouse.lighthouse_pages(tmp_path)] == [
        "",
        "data/",
        "parallel/part1/",
        "en/",
        "en/part2/",
        "en/parallel/part2/",
    ]


def test_lighthouse_is_pinned_in_its_own_package_and_runs_against_debian_s_chromium() -> None:
    own = json.loads((ROOT / "bench" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "bench" / "package-lock.json").read_text(encoding="utf-8"))
    assert own["devDependencies"] == {"lighthouse": "12.2.3"}
    assert lock["packages"]["node_modules/lighthouse"]["version"] == "12.2.3"
    assert "lighthouse" not in (ROOT / "package.json").read_text(encoding="utf-8")
    command = lighthouse.lighthouse_command("http://127.0.0.1:1/", Path("/tmp/r.json"))
    flags = next(a for a in command if a.startswith("--chrome-flags="))
    assert all(f in flags for f in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic"))
    assert lighthouse.CHROMIUM == "/usr/bin/chromium"


def test_make_bench_installs_lighthouse_from_its_lock_and_is_not_part_of_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    bench_recipe = re.search(r"^bench:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert bench_recipe
    recipe = bench_recipe.group(1)
    assert "npm ci --prefix bench" in recipe and "python -m scripts bench" in recipe
    test = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert test and "bench" not in test.group(0)


def test_suffixing_leaves_a_generated_section_that_is_never_closed_alone_to_the_end() -> None:
    page = (
        "# 标题 { #part9 }\n<!-- generated:headline (generated) -->\n{ #part9-x }\n"
        "<!-- /generated:other -->\n{ #part9-y }"
    )
    assert corpus.suffix_ids(page, "-c2").split("\n") == ["# 标题 { #part9-c2 }", *page.split("\n")[1:]]


def test_the_command_line_refuses_no_runs_before_measuring_anything() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "bench", "--runs", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=processes.environment(),
        timeout=60,
    )
    assert result.returncode == 2 and result.stderr.strip() == "bench: --runs must be 1 or more"
    assert result.stdout == ""
