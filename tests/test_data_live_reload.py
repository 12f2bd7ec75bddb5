"""Editing a data file while `make serve` runs regenerates the tables and the page in the browser
reloads; the rebuild settles, and bad data leaves the pages as they were.

Nothing here waits a fixed time: each step waits for the server's own account of its rebuild
(MkDocs logs "Detected file changes", then "Reloading browsers" or "An error happened during the
rebuild"), with a generous overall timeout for a loaded machine."""

import re
from pathlib import Path

from conftest import ROOT, replace_once

from scripts.bench import live_reload, processes
from scripts.bench.processes import ServerLog, free_port

MARK = "LIVE-DATA-MARK"
TIMEOUT = 240  # seconds for any one step: a rebuild of the whole site on a busy machine
REBUILT = re.compile(r"Reloading browsers|An error happened during the rebuild")


def fetch(url: str) -> str:
    return processes.fetch(url, timeout=30)


def wait_for(log: ServerLog, pattern: re.Pattern[str], start: int) -> int:
    """The index of the first line of the server's log from `start` on that matches; AssertionError with
    the log if the server stops or none comes within TIMEOUT seconds."""
    found = log.wait_for(pattern, start, TIMEOUT)
    assert found is not None, f"mkdocs serve logged no {pattern.pattern!r}:\n" + "\n".join(log.text(start)[-40:])
    return found


def rebuild(log: ServerLog, start: int) -> tuple[int, list[str]]:
    """The next rebuild after line `start` (a change detected, then the build done or failed): the index
    of its last line and its lines."""
    detected = wait_for(log, live_reload.DETECTED, start)
    done = wait_for(log, REBUILT, detected)
    return done, log.text(detected, done + 1)


def generated(project: Path) -> dict[Path, int]:
    docs = project / "docs"
    return {
        p: p.stat().st_mtime_ns for p in [*docs.glob("*/*.md"), *docs.glob("*/charts/*"), *docs.glob("zh/downloads/*")]
    }


def live_data_findings(project: Path) -> list[str]:
    """What goes wrong when `make serve` runs on `project` and a data file is edited, then broken: the page
    not updated by the rebuild, the rebuild not settling, bad data written or unreported."""
    headline = project / "data" / "figures" / "headline.yml"
    with live_reload.serving(project, free_port()) as (base, log):  # what `make serve PORT=…` runs
        page = fetch(base + "en/part1/")
        if "Criminal cases filed" not in page or "livereload" not in page:  # the page asks to be reloaded
            return [f"en/part1/ as first served is not the page with its live reload: {page[:200]!r}"]
        start = log.mark()
        replace_once(headline, "en: Criminal cases filed}", f"en: Criminal cases filed {MARK}}}")
        end, lines = rebuild(log, start)
        for path in ("en/part1/", "en/data/"):
            if MARK not in fetch(base + path):
                return [f"{path} does not show the edited label after the rebuild:\n" + "\n".join(lines)]
        if MARK not in (project / "docs" / "en" / "part1.md").read_text(encoding="utf-8"):
            return ["docs/en/part1.md was not regenerated from the edited data"]
        if not any("tables: regenerated docs/en/part1.md" in line for line in lines):
            return ["the rebuild after the data edit regenerated no docs/en/part1.md:\n" + "\n".join(lines)]
        # the files regenerated trigger a rebuild of their own, which must write nothing more: it settles
        while any("tables: regenerated" in line for line in lines):
            end, lines = rebuild(log, end)
        settled = generated(project)
        # bad data: reported in the log, nothing written, the server keeps serving the last pages
        start = log.mark()
        replace_once(headline, "value: 655000", "value: many")
        end, lines = rebuild(log, start)
        findings = []
        if not any("tables: not regenerated, the data has problems" in line for line in lines):
            findings.append("the bad data is not reported in the log:\n" + "\n".join(lines))
        if generated(project) != settled:
            findings.append("the bad data changed generated files")
        if MARK not in fetch(base + "en/part1/"):
            findings.append("after the bad data, en/part1/ is no longer the last good page")
        return findings


def test_editing_a_data_file_during_serve_updates_the_page(project_copy: Path) -> None:
    watch = re.search(r"^watch:\n((?:  - .+\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert watch and "  - data\n" in watch.group(1)
    assert live_data_findings(project_copy) == []


def test_a_serve_that_does_not_regenerate_from_the_data_fails_the_live_reload_check(project_copy: Path) -> None:
    replace_once(project_copy / "mkdocs.yml", "  - bilingual:\n", "  - bilingual:\n      generated: 'off'\n")
    findings = live_data_findings(project_copy)
    assert len(findings) == 1 and findings[0].startswith("en/part1/ does not show the edited label after the rebuild")
