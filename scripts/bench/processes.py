"""Running what the benchmark measures: the environment of its commands, a command timed, the strict
build's command line, and waiting on a local server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

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


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)
