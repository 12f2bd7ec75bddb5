"""The house style a machine can check, in the English text only: American spelling (codespell and its
British-to-American dictionary), curly quotes, en dashes in ranges. IDs, file names, keys, syntax and code
are not text. Each rule is seen to fail on a broken copy, at the file and line of the break."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import replace_once

from scripts.checks import style
from scripts.core.findings import Finding


def line_of(path: Path, text: str) -> int:
    """The 1-based line of `path` that holds `text`."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def findings_of(project: Path) -> list[Finding]:
    return style.check(project)


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=project, capture_output=True, text=True, timeout=120
    )


def test_the_english_text_follows_the_house_style() -> None:
    assert style.check() == []


def test_a_british_spelling_in_a_page_is_reported_at_its_line_and_paragraph(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "background.md"
    replace_once(page, "National May Day Labor Medal", "National May Day Labour Medal")
    assert findings_of(project_copy) == [
        Finding(
            "docs/en/background.md",
            line_of(page, "Labour Medal"),
            "style",
            "box-police-p2",
            "'Labour': write 'Labor' (codespell: American spelling, common misspellings)",
        )
    ]


def test_a_british_spelling_in_a_translators_note_a_data_label_and_a_glossary_note_is_reported(
    project_copy: Path,
) -> None:
    note = project_copy / "docs" / "en" / "part3.md"
    replace_once(note, "a name borrowed from computing", "a name borrowed from computing, favourite of")
    data = project_copy / "data" / "figures" / "honours.yml"
    replace_once(data, 'en: "Honors, 2016"', 'en: "Honours, 2016"')
    terms = project_copy / "data" / "glossary.yml"
    replace_once(
        terms, "Sworn police officers (literally", "Sworn police officers, in uniform or plain colours (literally"
    )
    found = [(f.file, f.line, f.id, f.message.split(":")[0]) for f in findings_of(project_copy)]
    assert found == [
        ("data/figures/honours.yml", line_of(data, "Honours, 2016"), "honours", "'Honours'"),
        ("data/glossary.yml", line_of(terms, "plain colours"), "民警", "'colours'"),
        ("docs/en/part3.md", line_of(note, "favourite"), "part3-a1-p1", "'favourite'"),
    ]


def test_ids_file_names_keys_syntax_and_wrong_renderings_are_not_text() -> None:
    line = '<div class="data-table" id="section-honours"><a href="honours/colour.html" title="Honours">Labor</a> `colour` { #honours .label }'
    assert style.blank(line).split() == ["Labor"] and len(style.blank(line)) == len(line)
    texts = style.english_texts()
    assert not any("honours" in t.text.lower() for t in texts)  # table-honours, honours.yml: IDs and names
    assert not any("judgement" in t.text for t in texts)  # a wrong rendering in the glossary is not written


def test_straight_quotes_in_text_are_reported_and_in_syntax_are_not(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "background.md"
    replace_once(page, "“Guangdong Province Workers’ Pioneer.”", '"Guangdong Province Workers\' Pioneer."')
    replace_once(page, "the province’s police were awarded", "the province's police were awarded")
    line = line_of(page, "Workers' Pioneer")
    messages = [(f.line, f.id, f.message) for f in findings_of(project_copy)]
    quotes = "use curly quotes “…” (‘…’ inside them), or ’ for an apostrophe"
    assert messages == [
        (line, "box-police-p2", m)
        for m in (
            f'straight quote " in [Province Workers\' Pioneer." One officer]: {quotes}',
            f'straight quote " in [named a "Guangdong Province Workers\']: {quotes}',
            f"straight quote ' in [\"Guangdong Province Workers' Pioneer.\" One]: {quotes}",
            "straight quote ' in [2016, the province's police were]: use ’ for the apostrophe",
        )
    ]  # and none for the attribute values and IDs on the same page


def test_a_hyphen_in_a_range_of_years_or_figures_is_reported(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    text = page.read_text(encoding="utf-8")
    assert "Over the past three years" in text
    replace_once(page, "Over the past three years", "Over the past three years (2014-2016, 20-character, No. 3+2)")
    line = line_of(page, "2014-2016")
    assert [(f.line, f.message) for f in findings_of(project_copy)] == [
        (line, "hyphen in the range [2014-2016]: use an en dash, 2014–2016")
    ]


def test_the_command_prints_findings_and_exits_1_and_is_part_of_check(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "honours.yml", 'en: "Honors, 2016"', 'en: "Honours, 2016"')
    result = run(project_copy, "style")
    assert result.returncode == 1
    assert result.stdout == (
        "data/figures/honours.yml:2: [style] honours: 'Honours': write 'Honors' "
        "(codespell: American spelling, common misspellings)\n"
    )
    assert "style: 1 finding(s)" in result.stderr
    check = run(project_copy, "check")
    assert check.returncode == 1 and "style 1" in check.stderr and result.stdout in check.stdout


def test_unreadable_data_exits_2_naming_file_and_line(project_copy: Path) -> None:
    (project_copy / "data" / "figures" / "honours.yml").write_text("title: {zh: x, en: [\n", encoding="utf-8")
    result = run(project_copy, "style")
    assert result.returncode == 2
    assert "data/figures/honours.yml:2: malformed YAML" in result.stderr and "Traceback" not in result.stderr


def test_codespell_missing_or_misconfigured_is_said_plainly(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(style, "CODESPELL", "codespell_lib_not_installed")
    with pytest.raises(style.StyleError, match=r"codespell is not installed: `make setup` installs it"):
        style.check(project_copy)
    monkeypatch.undo()
    replace_once(project_copy / "pyproject.toml", 'builtin = "clear,rare,en-GB_to_en-US"', 'builtin = "clear,nonesuch"')
    result = run(project_copy, "style")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "style: codespell failed with the settings of pyproject.toml [tool.codespell]: "
        "ERROR: Unknown builtin dictionary: nonesuch" in result.stderr
    )
