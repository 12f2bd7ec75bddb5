"""Section 4 of the benchmark: seconds from saving a page to its rebuilt page being served by the
Makefile's `mkdocs serve`, on a copy of the project."""

from __future__ import annotations

import contextlib
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.corpus import copy_project
from scripts.bench.errors import BenchError
from scripts.bench.processes import ServerLog, environment, fetch, free_port, log, wait_until
from scripts.bench.stats import Stat, summarize
from scripts.bench.tables import Table, seconds
from scripts.core import documents
from scripts.core.paths import ROOT, rel
from scripts.text.blocks import parse_page

RELOAD_RUNS_PER_RUN = 3  # MkDocs polls for changes every 0.5 s: more edits give a steadier median
DETECTED = re.compile(r"Detected file changes")  # what mkdocs serve logs when its polling has seen a change


def serve_arguments(port: int = 8000, root: Path = ROOT) -> list[str]:
    """The arguments of `mkdocs` that `make serve PORT=port` runs (make's dry run, its set-up taken as done)."""
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "setup", "serve", f"PORT={port}"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    m = re.search(r"^\S*/mkdocs (serve .+)$", dry.stdout, re.M)
    if not m:
        raise BenchError(f"Makefile: `make serve` runs no `mkdocs serve …`: {dry.stdout}{dry.stderr}")
    return m.group(1).split()


@contextlib.contextmanager
def serving(project: Path, port: int) -> Iterator[tuple[str, ServerLog]]:
    """`make serve`'s command running on `project` at 127.0.0.1:port; yields the base URL once the site
    is served, and the server's log as it comes."""
    args = serve_arguments(port)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment(PYTHONUNBUFFERED="1"),
    )
    assert server.stdout is not None  # a pipe, as asked
    try:
        base = f"http://127.0.0.1:{port}/"
        server_log = ServerLog(server.stdout)
        if not wait_until(lambda: bool(fetch(base + "en/part1/")), 180, 0.2):
            raise BenchError("mkdocs serve did not serve the site within 180 s:\n" + "\n".join(server_log.text()[-20:]))
        yield base, server_log
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def speaker_anchor(project: Path, path: Path) -> str:
    """Where an edit goes: after the English label of the speaker with the most paragraphs on the page,
    as the speakers of the document at the language root name them (its document.yml)."""
    main = documents.main_document(project)
    labels = {s.key: s.label["en"] for s in (main.speakers if main else ()) if "en" in s.label}
    spoken = Counter(b.speaker for b in parse_page(path) if b.kind == "paragraph" and b.speaker in labels)
    anchor = f"**{labels[spoken.most_common(1)[0][0]]}:**{{ .speaker }} " if spoken else ""
    if not anchor or anchor not in path.read_text(encoding="utf-8"):
        raise BenchError(f"{rel(path)}: no turn of a speaker of {rel(main.path) if main else 'a document'} to edit")
    return anchor


@dataclass(frozen=True)
class ReloadResult:
    total: Stat  # from the save to the rebuilt page served
    polling: Stat  # from the save to mkdocs serve's polling seeing it ("Detected file changes")


def bench_reload(work: Path, runs: int, page: str = "part1.md") -> ReloadResult:
    project = copy_project(work / "serve")
    path = project / "docs" / "en" / page
    url_path = f"en/{Path(page).stem}/"
    anchor = speaker_anchor(project, path)
    samples: list[float] = []
    polling: list[float] = []
    pauses = random.Random(2016)  # noqa: S311 - moments of a polling cycle, not secrets
    edits = runs * RELOAD_RUNS_PER_RUN
    with serving(project, free_port()) as (base, server_log):
        text = path.read_text(encoding="utf-8")
        if anchor not in text:
            raise BenchError(f"docs/en/{page}: no '{anchor}' to edit")
        for i in range(edits + 1):  # the first edit warms the server up and is not counted
            mark = f"BENCH-RELOAD-{i}"
            before = server_log.mark()
            # saved in place, as an editor saves, not by write_atomic's rename: the watcher sees a change
            path.write_text(text.replace(anchor, f"{anchor}{mark} ", 1), encoding="utf-8")
            start = time.perf_counter()
            if not wait_until(lambda: mark in fetch(base + url_path), 120):  # noqa: B023 - called here, at once
                raise BenchError(f"the edit of docs/en/{page} was not served within 120 s")
            served = time.perf_counter()
            detected = server_log.wait_for(DETECTED, before, 10)
            if detected is None:
                raise BenchError(f"mkdocs serve served the edit of docs/en/{page} but logged no '{DETECTED.pattern}'")
            if i:
                samples.append(served - start)
                polling.append(server_log.lines[detected][0] - start)
                log(f"reload: edit {i} of {edits}: {samples[-1]:.2f} s, of which polling {polling[-1]:.2f} s")
            # let the server settle, then save at a random moment of MkDocs' 0.5 s polling cycle: a fixed
            # pause would save at the same moment of it every time, and measure one delay, not the typical
            time.sleep(1.0 + pauses.uniform(0, 0.5))
    return ReloadResult(summarize(samples), summarize(polling))


def reload_table(result: ReloadResult) -> Table:
    t = Table("4. Live reload", ["", "median", "spread"])
    t.rows.append(["Save `docs/en/part1.md` → its rebuilt page served by `mkdocs serve`", *seconds(result.total)])
    t.rows.append(
        [
            "… of which: until MkDocs' polling sees the save (its log's “Detected file changes”)",
            *seconds(result.polling),
        ]
    )
    rest = summarize([a - b for a, b in zip(result.total.samples, result.polling.samples, strict=True)])
    t.rows.append(["… the rest: waiting for more changes, the rebuild, the page served", *seconds(rest)])
    t.notes.append(
        f"{RELOAD_RUNS_PER_RUN} edits per run, saved at random moments of MkDocs' 0.5 s polling for "
        "changes (which adds 0–0.5 s, 0.25 s on average, and 0.1 s of waiting for more changes); "
        "the page polled every 20 ms; one warm-up edit first."
    )
    return t
