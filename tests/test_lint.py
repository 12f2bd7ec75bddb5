"""ruff and mypy, as `make lint` runs them with pyproject.toml's settings, fail on what they are there to catch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_mypy_rejects_an_unannotated_function_and_a_wrong_type(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text('def f(x):\n    return x\n\n\ndef g() -> int:\n    return "one"\n', encoding="utf-8")
    result = run("mypy", "--config-file", str(ROOT / "pyproject.toml"), str(broken))
    assert result.returncode == 1
    assert "broken.py:1: error: Function is missing a type annotation  [no-untyped-def]" in result.stdout
    assert 'broken.py:6: error: Incompatible return value type (got "str", expected "int")' in result.stdout


def test_ruff_rejects_an_unused_import_and_unformatted_code(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("import os\nx = {'a':1}\n", encoding="utf-8")
    config = ["--config", str(ROOT / "pyproject.toml")]
    lint = run("ruff", "check", *config, "--no-cache", str(broken))
    assert lint.returncode == 1 and "F401" in lint.stdout
    fmt = run("ruff", "format", *config, "--check", "--no-cache", str(broken))
    assert fmt.returncode == 1 and "1 file would be reformatted" in fmt.stdout + fmt.stderr
