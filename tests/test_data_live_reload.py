"""Editing a data file while `make serve` runs regenerates the tables and the page in the browser
reloads; the rebuild settles, and bad data leaves the pages as they were."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, replace_once

from scripts.bench import live_reload

MARK = "LIVE-DATA-MARK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]  # getsockname() is typed Any; an AF_INET address is (host, port)
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def generated(project: Path) -> dict[Path, int]:
    docs = project / "docs"
    return {
        p: p.stat().st_mtime_ns for p in [*docs.glob("*/*.md"), *docs.glob("*/charts/*"), *docs.glob("zh/downloads/*")]
    }


def test_editing_a_data_file_during_serve_updates_the_page(project_copy: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", *live_reload.serve_arguments(port)]  # what `make serve PORT=…` runs
    watch = re.search(r"^watch:\n((?:  - .+\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert watch and "  - data\n" in watch.group(1)
    server = subprocess.Popen(
        command,
        cwd=project_copy,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Criminal cases filed" in fetch(base + "en/part1/"), 120)
        assert "livereload" in fetch(base + "en/part1/")  # the page asks the server to reload it
        replace_once(
            project_copy / "data" / "figures" / "headline.yml",
            "en: Criminal cases filed}",
            f"en: Criminal cases filed {MARK}}}",
        )
        assert wait_for(lambda: MARK in fetch(base + "en/part1/") and MARK in fetch(base + "en/data/"), 90)
        assert MARK in (project_copy / "docs" / "en" / "part1.md").read_text(encoding="utf-8")
        # the rebuild that the regenerated files trigger writes nothing more: it settles
        time.sleep(4)
        settled = generated(project_copy)
        time.sleep(4)
        assert generated(project_copy) == settled
        # bad data: reported in the log, nothing written, the server keeps serving the last pages
        replace_once(project_copy / "data" / "figures" / "headline.yml", "value: 655000", "value: many")
        time.sleep(6)
        assert generated(project_copy) == settled
        assert MARK in fetch(base + "en/part1/")
    finally:
        server.terminate()
        server.wait(timeout=20)
