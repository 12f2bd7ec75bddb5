"""`make serve` serves both languages and rebuilds when a page is saved."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from conftest import ROOT, replace_once

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]  # getsockname() is typed Any; an AF_INET address is (host, port)
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return None


def wait_for(predicate: Callable[[], T], seconds: float) -> T | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def serve_command(*make_args: str) -> list[str]:
    """What `make serve` runs (make's dry run, its set-up taken as done), run with this interpreter."""
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "setup", "serve", *make_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    match = re.search(r"^\S*/mkdocs (serve .+)$", dry.stdout, re.M)
    assert match is not None, f"`make serve` runs no mkdocs serve: {dry.stdout}{dry.stderr}"
    return [sys.executable, "-m", "mkdocs", *match.group(1).split()]


def test_serve_takes_the_port_it_is_given_and_8000_by_default() -> None:
    assert "127.0.0.1:8000" in serve_command()
    assert "127.0.0.1:8001" in serve_command("PORT=8001")


def test_serve_serves_both_languages_and_reloads_an_edited_page(project_copy: Path) -> None:
    port = free_port()
    command = serve_command(f"PORT={port}")
    assert f"127.0.0.1:{port}" in command and "--livereload" in command
    server = subprocess.Popen(
        command,
        cwd=project_copy,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        home = wait_for(lambda: fetch(base), 120)
        assert home and '<html lang="zh"' in home
        english = fetch(base + "en/part1/")
        assert english and '<html lang="en"' in english and 'id="part1-a1-p2"' in english
        replace_once(
            project_copy / "docs" / "en" / "part1.md",
            "**Lu Feng:**{ .speaker } ",
            "**Lu Feng:**{ .speaker } LIVE-RELOAD-MARK ",
        )
        assert wait_for(lambda: "LIVE-RELOAD-MARK" in (fetch(base + "en/part1/") or ""), 60)
    finally:
        server.terminate()
        server.wait(timeout=20)
