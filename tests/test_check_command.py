"""`python -m scripts check [SITE]`: every static check in one process, exit 0 clean, 1 findings, 2 unreadable input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import replace_once


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "check", *args], cwd=project, capture_output=True, text=True, timeout=300
    )


def test_a_clean_project_and_its_built_site_pass_every_check(built_site: Path, project_copy: Path) -> None:
    result = check(project_copy, str(built_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "check: OK (fidelity 0, translation 0, ids 0, glossary 0, changes 0, style 0, status 0, data 0, tables 0, safety 0, workflows 0, "
        "policy 0, symlinks 0, limits 0, links 0, offline 0, lang 0" in result.stderr
    )


def test_findings_of_several_checks_are_printed_together_and_exit_1(project_copy: Path, site_copy: Path) -> None:
    replace_once(project_copy / "docs" / "en" / "part3.md", "down 38.2%", "up 38.2%")
    (site_copy / "en" / "part1" / "index.html").write_text(
        (site_copy / "en" / "part1" / "index.html")
        .read_text(encoding="utf-8")
        .replace("</article>", '<a href="../nowhere/">x</a></article>', 1),
        encoding="utf-8",
    )
    result = check(project_copy, str(site_copy))
    assert result.returncode == 1
    assert "[direction] part3-a1-p1: expected 38.2% to be down as in the Chinese, found up" in result.stdout
    assert "[links]" in result.stdout and "../nowhere/" in result.stdout
    assert "translation 1" in result.stderr and "links 1" in result.stderr


def test_unreadable_input_exits_2_naming_the_file_and_line(project_copy: Path) -> None:
    (project_copy / "data" / "glossary.yml").write_text("terms: [\n", encoding="utf-8")
    result = check(project_copy)
    assert result.returncode == 2
    assert "data/glossary.yml:2: malformed YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_that_is_not_a_built_site_exits_2(project_copy: Path, tmp_path: Path) -> None:
    result = check(project_copy, str(tmp_path))
    assert result.returncode == 2 and "is not a built site" in result.stderr
