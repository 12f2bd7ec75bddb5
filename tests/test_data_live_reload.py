"""Editing a data file while `make serve` runs regenerates the tables and the page in the browser
reloads; the rebuild settles, and bad data leaves the pages as they were.

Nothing here waits a fixed time: each step waits for the server's own account of its rebuild
(MkDocs logs "Detected file changes", then "Reloading browsers" or "An error happened during the
rebuild"), with a generous overall timeout for a loaded machine."""

import os
import re
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT, replace_once

from scripts.bench import live_reload

MARK = "LIVE-DATA-MARK"
TIMEOUT = 240  # seconds for any one step: a rebuild of the whole site on a busy machine
REBUILT = re.compile(r"Reloading browsers|An error happened during the rebuild")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]  # getsockname() is typed Any; an AF_INET address is (host, port)
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


class ServerLog:
    """The lines `mkdocs serve` prints, read as they come, and waited on."""

    def __init__(self, server: "subprocess.Popen[str]") -> None:
        self.server = server
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.server.stdout is not None
        for line in self.server.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("")  # the end of the output: the server has stopped
            self.changed.notify_all()

    def wait_for(self, pattern: re.Pattern[str], start: int) -> int:
        """The index of the first line from `start` on that matches; AssertionError with the log if the
        server stops or none comes within TIMEOUT seconds."""
        found: list[int] = []

        def seen() -> bool:
            found[:] = [i for i in range(start, len(self.lines)) if pattern.search(self.lines[i])][:1]
            return bool(found) or self.server.poll() is not None

        with self.changed:
            self.changed.wait_for(seen, TIMEOUT)
            assert found, f"mkdocs serve logged no {pattern.pattern!r}:\n" + "\n".join(self.lines[start:][-40:])
            return found[0]

    def rebuild(self, start: int) -> tuple[int, list[str]]:
        """The next rebuild after line `start` (a change detected, then the build done or failed): the
        index of its last line and its lines."""
        detected = self.wait_for(re.compile("Detected file changes"), start)
        done = self.wait_for(REBUILT, detected)
        with self.changed:
            return done, self.lines[detected : done + 1]

    def mark(self) -> int:
        with self.changed:
            return len(self.lines)


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, ServerLog]]:
    """`make serve`'s command on `project`: the base URL, once the first build is served, and its log."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", *live_reload.serve_arguments(port)]  # what `make serve PORT=…` runs
    server = subprocess.Popen(
        command,
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1"),
    )
    log = ServerLog(server)
    try:
        log.wait_for(re.compile(r"Serving on http://127\.0\.0\.1:" + str(port)), 0)
        yield f"http://127.0.0.1:{port}/", log
    finally:
        server.terminate()
        server.wait(timeout=60)


def generated(project: Path) -> dict[Path, int]:
    docs = project / "docs"
    return {
        p: p.stat().st_mtime_ns for p in [*docs.glob("*/*.md"), *docs.glob("*/charts/*"), *docs.glob("zh/downloads/*")]
    }


def live_data_findings(project: Path) -> list[str]:
    """What goes wrong when `make serve` runs on `project` and a data file is edited, then broken: the page
    not updated by the rebuild, the rebuild not settling, bad data written or unreported."""
    headline = project / "data" / "figures" / "headline.yml"
    with serving(project) as (base, log):
        page = fetch(base + "en/part1/")
        if "Criminal cases filed" not in page or "livereload" not in page:  # the page asks to be reloaded
            return [f"en/part1/ as first served is not the page with its live reload: {page[:200]!r}"]
        start = log.mark()
        replace_once(headline, "en: Criminal cases filed}", f"en: Criminal cases filed {MARK}}}")
        end, lines = log.rebuild(start)
        if not any("tables: regenerated docs/en/part1.md" in line for line in lines):
            return ["the rebuild after the data edit regenerated no docs/en/part1.md:\n" + "\n".join(lines)]
        for path in ("en/part1/", "en/data/"):
            if MARK not in fetch(base + path):
                return [f"{path} does not show the edited label after the rebuild:\n" + "\n".join(lines)]
        if MARK not in (project / "docs" / "en" / "part1.md").read_text(encoding="utf-8"):
            return ["docs/en/part1.md was not regenerated from the edited data"]
        # the files regenerated trigger a rebuild of their own, which must write nothing more: it settles
        while any("tables: regenerated" in line for line in lines):
            end, lines = log.rebuild(end)
        settled = generated(project)
        # bad data: reported in the log, nothing written, the server keeps serving the last pages
        start = log.mark()
        replace_once(headline, "value: 655000", "value: many")
        end, lines = log.rebuild(start)
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
    replace_once(project_copy / "mkdocs.yml", "\n  - bilingual\n", "\n  - bilingual:\n      generated: 'off'\n")
    findings = live_data_findings(project_copy)
    assert len(findings) == 1 and findings[0].startswith("en/part1/ does not show the edited label after the rebuild")
