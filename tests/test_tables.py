"""`make tables` generates every table, chart and download from the data, in both languages, writing
only what changes; `make test` fails when a generated file differs from what the data gives."""

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, replace_once

from scripts.core.generated import CLOSE_RE as GEN_CLOSE_RE
from scripts.core.generated import OPEN_RE as GEN_OPEN_RE
from scripts.generators import tables
from scripts.text.blocks import ATTRS_RE, DIV_OPEN_RE, HEADING_RE


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_every_generated_file_is_what_the_data_gives() -> None:
    assert tables.check() == []


def test_a_changed_number_in_a_generated_table_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    replace_once(page, 'data-label="Figure">655,000</td>', 'data-label="Figure">656,000</td>')
    findings = tables.check(project_copy)
    assert len(findings) == 1
    assert findings[0].startswith(
        f"docs/en/part1.md:{line_of(page, '656,000')}: [tables] generated section 'headline' differs"
    )
    assert "expected '…" in findings[0] and '">655,000</td>' in findings[0]
    assert '">656,000</td>' in findings[0] and "run `make tables`" in findings[0]


def test_a_changed_chart_download_or_leftover_file_is_caught(project_copy: Path) -> None:
    docs = project_copy / "docs"
    replace_once(docs / "zh" / "charts" / "changes.svg", "16.46%", "16.47%")
    replace_once(docs / "zh" / "downloads" / "hurricane2016-figures.csv", ",655000,", ",656000,")
    (docs / "en" / "charts" / "old.svg").write_text("<svg/>", encoding="utf-8")
    findings = tables.check(project_copy)
    assert len(findings) == 3
    assert any(
        f.startswith("docs/zh/charts/changes.svg:") and "differs from what the data gives" in f for f in findings
    )
    assert any(f.startswith("docs/zh/downloads/hurricane2016-figures.csv:") for f in findings)
    assert any(
        f.startswith("docs/en/charts/old.svg:1:") and "not generated from the data any more" in f for f in findings
    )


def test_the_check_command_fails_on_a_stale_file_and_make_tables_mends_it(project_copy: Path) -> None:
    replace_once(
        project_copy / "docs" / "zh" / "background.md",
        'data-label="数值">2350多个</td>',
        'data-label="数值">2360多个</td>',
    )
    check = [sys.executable, "-m", "scripts", "tables", "--check"]
    stale = subprocess.run(check, cwd=project_copy, capture_output=True, text=True)
    assert stale.returncode == 1 and "docs/zh/background.md:" in stale.stdout and "'police'" in stale.stdout
    made = subprocess.run([sys.executable, "-m", "scripts", "tables"], cwd=project_copy, capture_output=True, text=True)
    assert made.returncode == 0 and made.stdout.strip() == "wrote docs/zh/background.md"
    assert subprocess.run(check, cwd=project_copy, capture_output=True, text=True).returncode == 0


def test_make_tables_writes_only_what_changes_and_then_settles(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "headline.yml", "en: Fire deaths}", "en: Deaths in fires}")
    before = {p: p.read_text(encoding="utf-8") for p in (project_copy / "docs").rglob("*") if p.is_file()}
    written = set(tables.generate(project_copy))
    changed = {p for p in before if p.read_text(encoding="utf-8") != before[p]}
    assert written == changed
    # exactly the generated files that show that label: its pages, its chart (both layouts, both palettes),
    # the downloads
    assert {p.relative_to(project_copy).as_posix() for p in written} == {
        "docs/en/part1.md",
        "docs/en/data.md",
        "docs/en/charts/changes.svg",
        "docs/en/charts/changes-dark.svg",
        "docs/en/charts/changes-narrow.svg",
        "docs/en/charts/changes-narrow-dark.svg",
        "docs/zh/downloads/hurricane2016-data.json",
        "docs/zh/downloads/hurricane2016-figures.csv",
    }
    assert all("Deaths in fires" in p.read_text(encoding="utf-8") for p in written)
    assert tables.generate(project_copy) == []
    assert not [p for p in project_copy.rglob("*.tmp")]


def sections(path: Path) -> list[tuple[str, str]]:
    """(section name, ID of the block just before it) for each generated section of a page."""
    out: list[tuple[str, str]] = []
    last_id = "top"
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        if m := GEN_OPEN_RE.match(s):
            assert lines[i - 1].strip() == "" and lines[i + 1].strip() == "", f"{path}:{i + 1}: no blank line around"
            out.append((m.group(1), last_id))
        elif GEN_CLOSE_RE.match(s):
            assert lines[i - 1].strip() == "" and lines[i + 1].strip() == "", f"{path}:{i + 1}: no blank line around"
        elif (m := ATTRS_RE.match(s) or HEADING_RE.match(s)) and not s.startswith("<"):
            last_id = m.group(1) if ATTRS_RE.match(s) else m.group(3)
        elif s == "</div>":
            last_id += "/div"
        elif m := DIV_OPEN_RE.match(s):
            div_id = re.search(r'id="([^"]+)"', m.group(1))
            assert div_id is not None, f"{path}:{i + 1}: a <div> without an id"
            last_id = div_id.group(1)
    return out


@pytest.mark.parametrize("page", sorted(tables.placements()))
def test_generated_sections_sit_between_blocks_at_the_same_place_in_both_languages(page: str) -> None:
    zh, en = sections(ROOT / "docs" / "zh" / page), sections(ROOT / "docs" / "en" / page)
    assert zh == en
    assert sorted(name for name, _ in zh) == sorted(tables.placements()[page])


def test_each_table_sits_next_to_the_text_it_summarises() -> None:
    places = dict(
        sections(ROOT / "docs" / "zh" / "part1.md")
        + sections(ROOT / "docs" / "zh" / "part3.md")
        + sections(ROOT / "docs" / "zh" / "part2.md")
    )
    assert places["headline"] == "part1-a1-p1"
    assert places["hurricane"] == "part2-a1-p1"
    assert places["operations"] == "part2-a2-s3-theft-p1"
    assert places["localities"] == "part2-a2-s5-p1"
    assert [places[k] for k in ("fraud", "drugs", "finance", "theft")] == [
        "part3-a1-p1",
        "part3-a3-p1",
        "part3-a5-p1",
        "part3-a7-p1",
    ]


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda t: t.replace(tables.open_marker("headline"), "").replace(tables.close_marker("headline"), ""),
            "part1.md:1: [tables] generated section 'headline' is missing",
        ),
        (lambda t: t.replace(tables.close_marker("headline"), ""), "generated section 'headline' is never closed"),
        (lambda t: t.replace("generated:headline", "generated:headlines"), "unknown generated section 'headlines'"),
    ],
)
def test_a_broken_marker_is_reported_and_nothing_is_written(
    project_copy: Path, edit: Callable[[str], str], message: str
) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    page.write_text(edit(page.read_text(encoding="utf-8")), encoding="utf-8")
    replace_once(project_copy / "data" / "figures" / "headline.yml", "en: Fire deaths}", "en: Deaths in fires}")
    before = {p: p.read_bytes() for p in (project_copy / "docs").rglob("*") if p.is_file()}
    with pytest.raises(tables.TablesError) as err:
        tables.generate(project_copy)
    assert message in str(err.value) and "docs/en/part1.md:" in str(err.value)
    assert {p: p.read_bytes() for p in (project_copy / "docs").rglob("*") if p.is_file()} == before


def test_the_build_fails_when_a_generated_file_is_stale(project_copy: Path, tmp_path: Path) -> None:
    from conftest import build

    replace_once(project_copy / "data" / "figures" / "headline.yml", "en: Fire deaths}", "en: Deaths in fires}")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "run `make tables`" in result.stderr and "docs/en/part1.md" in result.stderr
