"""A PO file checked by the tools translators know: GNU gettext's `msgfmt --check` and translate-toolkit's
`pofilter`, with the tests that data/pofilter.yml lists under `run` (and why it excludes the others).

Each problem is one `file:line: [tool] …` line. msgfmt is Debian's `gettext` (`make translator-setup`
installs it when missing); pofilter comes with translate-toolkit, in the virtual environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import read_yaml

CONFIG = ROOT / "data" / "pofilter.yml"
POFILTER = Path(sys.executable).parent / "pofilter"


class ToolError(ValueError):
    """A tool that is missing, or a configuration it cannot use; str() says which."""


def pofilter_tests(config: Path = CONFIG) -> tuple[dict[str, str], dict[str, str]]:
    """The tests that run and those excluded, each with its reason, from data/pofilter.yml."""
    doc, lines = read_yaml(config)
    if not isinstance(doc, dict) or set(doc) != {"run", "excluded"}:
        raise ToolError(f"{rel(config)}:1: expected the two mappings 'run' and 'excluded'")
    out: list[dict[str, str]] = []
    for part in ("run", "excluded"):
        tests = doc[part]
        if not isinstance(tests, dict):
            raise ToolError(f"{rel(config)}:{lines.get((part,), 1)}: '{part}' maps each test to its reason")
        for name, reason in tests.items():
            if not isinstance(reason, str) or not reason.strip():
                raise ToolError(f"{rel(config)}:{lines.get((part, name), 1)}: test '{name}' has no reason")
        out.append(tests)
    both = set(out[0]) & set(out[1])
    if both:
        raise ToolError(f"{rel(config)}:1: listed both to run and excluded: {', '.join(sorted(both))}")
    return out[0], out[1]


def known_tests() -> list[str]:
    """Every test this pofilter has (`pofilter --listfilters`)."""
    result = subprocess.run([str(POFILTER), "--listfilters"], capture_output=True, text=True, check=True)
    return [line.split("\t")[0] for line in (result.stdout + result.stderr).splitlines() if "\t" in line]


def msgfmt(path: Path, shown: str) -> list[str]:
    """msgfmt's complaints about a PO file (`--check`: syntax, format strings, header), one a line."""
    exe = shutil.which("msgfmt")
    if exe is None:
        raise ToolError("msgfmt (Debian's gettext) is not installed: `make translator-setup` installs it")
    result = subprocess.run(
        [exe, "--check", "--check-header", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    out = []
    for line in result.stderr.splitlines():
        m = re.match(r"^(?:.*?):(\d+): (.*)$", line)
        if line.strip():
            out.append(f"{shown}:{m.group(1)}: [msgfmt] {m.group(2)}" if m else f"{shown}:1: [msgfmt] {line}")
    return out or ([f"{shown}:1: [msgfmt] exited {result.returncode}"] if result.returncode else [])


def pofilter(path: Path, shown: str, config: Path = CONFIG) -> list[str]:
    """pofilter's failures with the tests of data/pofilter.yml: `file:line: [pofilter test] msgctxt 'ID': …`."""
    run, _ = pofilter_tests(config)
    lines = {e.msgctxt: e.linenum for e in polib.pofile(str(path))}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "failures.po"
        tests = [arg for name in run for arg in ("-t", name)]
        subprocess.run(
            [str(POFILTER), "--progress=none", "--language=en", *tests, str(path), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        failures = polib.pofile(str(out)) if out.exists() else []
    found = []
    for e in failures:
        if not e.msgid:
            continue
        for note in re.split(r"^\(pofilter\) ", e.tcomment or "", flags=re.M):
            test, _, message = note.partition(": ")
            if test.strip():
                line = lines.get(e.msgctxt, 1)
                found.append(f"{shown}:{line}: [pofilter {test}] msgctxt '{e.msgctxt}': {message.split(chr(10))[0]}")
    return found
