"""Unreadable input is told with its file and line, exit code 2 and no traceback: bytes that are not UTF-8,
a byte order mark, NaN or infinity, malformed JSON or YAML. Sizes have limits that give both numbers, and
an interrupted writer leaves no temporary file that git would pick up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, build, replace_once

from scripts.checks import limits
from scripts.core.policy import for_root
from scripts.text.blocks import parse_page


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=project, capture_output=True, text=True, timeout=300
    )


def unreadable(result: subprocess.CompletedProcess[str], where: str) -> None:
    """The run stopped on unreadable input, naming it, without a traceback."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert where in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_page_with_bytes_that_are_not_utf8_is_named_at_its_line(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    data = page.read_bytes().split(b"\n")
    line = next(n for n, text in enumerate(data) if text.startswith(b"**Lu Feng:**"))
    data[line] = data[line][:5] + b"\xff" + data[line][5:]
    page.write_bytes(b"\n".join(data))
    message = f"docs/en/part1.md:{line + 1}: not UTF-8: byte 0xff at column 6; save the file as UTF-8"
    for command in ("check", "translation", "safety", "status"):
        unreadable(run(project_copy, command), message)


def test_a_page_that_starts_with_a_bom_is_told_so_not_that_a_paragraph_has_no_id(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = run(project_copy, "check")
    unreadable(result, "docs/en/part1.md:1: starts with a byte order mark (U+FEFF): save the file as UTF-8 without BOM")
    assert "has no ID" not in result.stderr


@pytest.mark.parametrize("value, shown", [(".nan", ".nan"), (".inf", ".inf"), ("-.Inf", "-.inf")])
def test_nan_or_infinity_in_the_data_is_named_at_its_line(project_copy: Path, value: str, shown: str) -> None:
    path = project_copy / "data" / "figures" / "police.yml"
    replace_once(path, "    value: 2350\n", f"    value: {value}\n")
    line = path.read_text(encoding="utf-8").split("\n").index(f"    value: {value}") + 1
    for command in ("data", "check") if value == ".nan" else ("data",):  # `check` reads the data as `data` does
        unreadable(
            run(project_copy, command),
            f"data/figures/police.yml:{line}: figures[3].value: {shown} is not a number the data can hold",
        )


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xef\xbb\xbfterms: []\n", "data/glossary.yml:1: starts with a byte order mark"),
        (
            b"terms:\n  - {zh: \xe9\x80, en: x, kind: person}\n",
            "data/glossary.yml:2: not UTF-8: byte 0xe9 at column 10",
        ),
        (b"terms: [\n", "data/glossary.yml:2: malformed YAML"),
    ],
)
def test_an_unreadable_glossary_is_named_at_its_line(project_copy: Path, data: bytes, message: str) -> None:
    (project_copy / "data" / "glossary.yml").write_bytes(data)
    unreadable(run(project_copy, "translation"), message)


@pytest.mark.parametrize(
    "text, message",
    [
        ('{\n "paragraphs": {\n  "a": "b",\n }\n}\n', "data/translation-state.json:4: malformed JSON"),
        ("[]\n", 'data/translation-state.json:1: expected {"paragraphs": {block ID: fingerprint, …}}'),
        ('{"paragraphs": {"a": 1}}\n', 'data/translation-state.json:1: expected {"paragraphs"'),
        ('\ufeff{"paragraphs": {}}\n', "data/translation-state.json:1: starts with a byte order mark"),
    ],
)
def test_status_on_a_malformed_translation_state_names_it_without_a_traceback(
    project_copy: Path, text: str, message: str
) -> None:
    (project_copy / "data" / "translation-state.json").write_text(text, encoding="utf-8")
    for command in ("status", "check") if text == "[]\n" else ("status",):  # `check` reads it as `status` does
        unreadable(run(project_copy, command), message)


def test_a_build_on_a_malformed_translation_state_names_it_without_a_traceback(
    project_copy: Path, tmp_path: Path
) -> None:
    (project_copy / "data" / "translation-state.json").write_text("{\n", encoding="utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0 and "data/translation-state.json:2: malformed JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_mkdocs_yml_with_bytes_that_are_not_utf8_is_named(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_bytes(config.read_bytes().replace(b"strict: true", b"strict: \xfftrue", 1))
    unreadable(run(project_copy, "check"), "mkdocs.yml:")
    unreadable(run(project_copy, "policy"), "not UTF-8: byte 0xff")


# --- limits ------------------------------------------------------------------------------------------


def test_a_paragraph_over_the_limit_is_told_with_both_numbers(project_copy: Path) -> None:
    replace_once(
        project_copy / "docs" / "en" / "part1.md",
        "**Reporter:**{ .speaker }",
        "**Reporter:**{ .speaker } " + "x" * 20000,
    )
    block = parse_page(project_copy / "docs" / "en" / "part1.md")[2]
    assert [str(f) for f in limits.check(project_copy / "docs", for_root(project_copy))] == [
        f"docs/en/part1.md:{block.line}: [limits] {block.id}: the paragraph is {len(block.markdown):,} characters, "
        "over the limit of 16,000 characters (limits.paragraph_chars of data/policy/allowlist.yml)"
    ]


def test_a_five_megabyte_paragraph_fails_the_checks_on_the_size_of_its_page(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    replace_once(page, "**Reporter:**{ .speaker }", "**Reporter:**{ .speaker } " + "x" * 5_000_000)
    size = page.stat().st_size
    result = run(project_copy, "check")
    assert result.returncode == 1
    assert (
        f"docs/en/part1.md:1: [limits] the page is {size:,} bytes, over the limit of 262,144 bytes "
        "(limits.page_bytes of data/policy/allowlist.yml)" in result.stdout
    )


def test_a_built_page_over_the_limit_is_told_with_both_numbers(site_copy: Path) -> None:
    page = site_copy / "en" / "part1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!--" + "x" * 1_100_000 + "-->", encoding="utf-8")
    size = page.stat().st_size
    assert [str(f) for f in limits.check_site(site_copy)] == [
        f"en/part1/index.html:1: [limits] the built page is {size:,} bytes, over the limit of 1,048,576 bytes "
        "(limits.site_page_bytes of data/policy/allowlist.yml)"
    ]


# --- the atomic writer --------------------------------------------------------------------------------


def test_the_atomic_writers_temporary_files_are_ignored_by_git(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text((ROOT / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    name = "docs/zh/downloads/.hurricane2016-data.json.k2j4x9.tmp"  # as write_atomic names it
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-v", name], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0 and ".*.tmp" in result.stdout


def test_a_command_stopped_by_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    script = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from pathlib import Path
        from scripts import __main__ as cli
        from scripts.core import files

        cli._stop_on_signals()
        real_replace = files.os.replace

        def slow_replace(src, dst):
            Path({str(tmp_path / "writing")!r}).touch()
            time.sleep(60)
            real_replace(src, dst)

        files.os.replace = slow_replace
        files.write_atomic(Path({str(target)!r}), b"new")
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    for _ in range(600):
        if (tmp_path / "writing").exists() or process.poll() is not None:
            break
        subprocess.run(["sleep", "0.05"], check=True)
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # it is writing
    os.kill(process.pid, signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["writing"]
