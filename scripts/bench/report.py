"""The results of a complete run: bench/results.md, bench/results.json and the README's section between
`<!-- generated:bench … -->` and `<!-- /generated:bench -->`, each written whole or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import subprocess
from typing import Any

from scripts.bench.errors import BenchError
from scripts.bench.lighthouse import CHROMIUM, LIGHTHOUSE
from scripts.bench.processes import log
from scripts.core.files import write_if_changed
from scripts.core.generated import close_marker, open_marker
from scripts.core.paths import ROOT

RESULTS_MD = ROOT / "bench" / "results.md"
RESULTS_JSON = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
SECTION = "bench"  # the name of the README's generated section
BEGIN_RE = re.compile(r"^<!-- generated:" + SECTION + r"\b.*-->$", re.M)
BEGIN_MARK = open_marker(SECTION, "make bench", "bench/results.json")
END_MARK = close_marker(SECTION)


def replace_generated(text: str, content: str) -> str:
    """`text` (the README) with the bench section replaced by `content`; BenchError without its markers."""
    begin = BEGIN_RE.search(text)
    end = text.find(END_MARK, begin.end()) if begin else -1
    if not begin or end < 0:
        raise BenchError(f"README.md has no '{BEGIN_MARK}' … '{END_MARK}' section for the results")
    return text[: begin.start()] + BEGIN_MARK + "\n\n" + content.strip("\n") + "\n\n" + text[end:]


def versions() -> dict[str, str]:
    from importlib.metadata import version

    out = {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-static-i18n": version("mkdocs-static-i18n"),
        "jieba": version("jieba"),
    }
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out["chromium"] = subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    with contextlib.suppress(OSError, ValueError):
        out["lighthouse"] = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]
    return out


def header(runs: int, when: str) -> str:
    return (
        f"Measured by `make bench` on {when}: {runs} runs of each figure, on {os.cpu_count()} CPUs "
        f"({platform.machine()}, {platform.system()}), Python {platform.python_version()}. "
        "Median and spread (lowest–highest) of the runs."
    )


def write(text: str, data: dict[str, Any]) -> None:
    """The results (`text`, the tables; `data`, the figures) into bench/results.* and the README."""
    write_if_changed(RESULTS_JSON, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_if_changed(RESULTS_MD, text)
    readme = README.read_text(encoding="utf-8")
    write_if_changed(README, replace_generated(readme, text))
    log(f"wrote {RESULTS_MD.relative_to(ROOT)}, {RESULTS_JSON.relative_to(ROOT)} and the table in README.md")
