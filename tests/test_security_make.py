"""An interrupted make target stops its children: the Makefile runs each recipe line in a process group of
its own (scripts/make_shell.sh), which `kill` of make stops whole, the line's Python and its children."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.core.paths import ROOT

# Stands in for the venv's Python in a recipe: a child that starts a grandchild (as pytest starts a build,
# or a browser), writes both process IDs, and waits.
FAKE_PYTHON = """#!/bin/sh
sleep 300 &
echo $! > "$PIDS/grandchild"
echo $$ > "$PIDS/child"
wait
"""


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def interrupted_make(project: Path, tmp_path: Path) -> tuple[int, int, int]:
    """Start `make tables` on a fake Python in `project`, kill make (SIGTERM) once its child runs; the
    exit code of make and the child's and grandchild's process IDs."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(FAKE_PYTHON, encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    stamp, project_stamp = tmp_path / "stamp", tmp_path / "project-stamp"
    stamp.touch()
    project_stamp.touch()
    make = subprocess.Popen(
        ["make", "tables", f"BIN={bin_dir}", f"STAMP={stamp}", f"PROJECT_STAMP={project_stamp}"],
        cwd=project,
        env=dict(os.environ, PIDS=str(tmp_path)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own session: the signals of this test reach nothing else
    )
    assert wait_for(lambda: (tmp_path / "child").exists() and (tmp_path / "grandchild").exists())
    child, grandchild = (int((tmp_path / name).read_text()) for name in ("child", "grandchild"))
    os.kill(make.pid, signal.SIGTERM)
    return make.wait(timeout=60), child, grandchild


def test_killing_make_stops_its_python_and_that_python_s_children(project_copy: Path, tmp_path: Path) -> None:
    code, child, grandchild = interrupted_make(project_copy, tmp_path)
    assert code != 0
    assert wait_for(lambda: not alive(child) and not alive(grandchild)), "a child outlived its make target"


def test_without_the_recipe_shell_a_grandchild_outlives_make(project_copy: Path, tmp_path: Path) -> None:
    """The broken copy: a Makefile without its SHELL line leaves the grandchild running."""
    makefile = project_copy / "Makefile"
    text = makefile.read_text(encoding="utf-8")
    assert "SHELL := $(CURDIR)/scripts/make_shell.sh\n" in text
    makefile.write_text(text.replace("SHELL := $(CURDIR)/scripts/make_shell.sh\n", ""), encoding="utf-8")
    _, child, grandchild = interrupted_make(project_copy, tmp_path)
    try:
        assert not wait_for(lambda: not alive(grandchild), seconds=2)
    finally:
        for pid in (grandchild, child):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("line, code", [("true", 0), ("exit 3", 3), ("echo 'a b' | grep -q 'a b'", 0)])
def test_the_recipe_shell_runs_a_line_and_returns_its_exit_code(line: str, code: int) -> None:
    result = subprocess.run([str(ROOT / "scripts" / "make_shell.sh"), "-c", line], capture_output=True, timeout=60)
    assert result.returncode == code
