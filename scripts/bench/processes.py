"""Running what the benchmark measures: the environment of its commands, a command timed, the strict
build's command line, and waiting on a local server."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from scripts.bench.errors import BenchError


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def run_timed(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, ok: bool = True, timeout: float = 3600
) -> float:
    """Wall-clock seconds of a command; BenchError if it fails (unless `ok` is False)."""
    start = time.perf_counter()
    result = subprocess.run(
        list(command), cwd=cwd, env=env or environment(), capture_output=True, text=True, timeout=timeout
    )
    elapsed = time.perf_counter() - start
    if ok and result.returncode:
        raise BenchError(
            f"`{' '.join(command)}` in {cwd} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    return elapsed


def mkdocs_build(site: Path, config: Path | None = None, python: str = sys.executable) -> list[str]:
    """The strict build that `make build` runs (in the project's folder), into `site`."""
    return [python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)] + (
        ["--config-file", str(config)] if config else []
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 5) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own local http URLs
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_until(predicate: Callable[[], bool], seconds: float, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


class ServerLog:
    """The lines a server prints (`stream`: its merged stdout and stderr), each with the moment it came
    (time.perf_counter()), read as they come by a thread of their own, and waited on."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.ended = False
        self.changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self.changed:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def mark(self) -> int:
        """The number of lines so far: where to start waiting for what comes next."""
        with self.changed:
            return len(self.lines)

    def wait_for(self, pattern: re.Pattern[str], start: int, seconds: float) -> int | None:
        """The index of the first line from `start` on that matches `pattern`, once it has come; None if the
        server stops or no such line comes within `seconds`."""
        found: list[int] = []

        def seen() -> bool:
            found[:] = [i for i in range(start, len(self.lines)) if pattern.search(self.lines[i][1])][:1]
            return bool(found) or self.ended

        with self.changed:
            self.changed.wait_for(seen, seconds)
            return found[0] if found else None

    def text(self, start: int = 0, end: int | None = None) -> list[str]:
        with self.changed:
            return [line for _, line in self.lines[start:end]]


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)
