"""Translation state per paragraph: a changed Chinese paragraph makes exactly its English twin stale."""

import json
from pathlib import Path

import pytest
from conftest import build, cli, drop_paragraph, git, replace_once

from scripts.text import translation_state as state
from scripts.text.blocks import parse_page


def test_no_translation_is_stale_or_missing() -> None:
    report = state.status()
    problems = [e for ps in report for e in ps.entries if e.status != "translated"]
    assert problems == [], state.format_report(report)
    assert sum(ps.paragraphs for ps in report) == sum(ps.translated for ps in report) > 90


def test_a_changed_chinese_paragraph_makes_exactly_its_twin_stale(project_copy: Path, tmp_path: Path) -> None:
    git(project_copy, "init", "-q")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "base")
    replace_once(project_copy / "docs" / "zh" / "part1.md", "65.5万起", "65.6万起")

    result = cli(project_copy, "status")
    assert result.returncode == 1
    stale = [line for line in result.stdout.splitlines() if "[stale]" in line]
    assert len(stale) == 1
    assert stale[0].startswith("docs/en/part1.md:")
    assert "[stale] part1-a1-p1: the Chinese changed since translation: '5' -> '6'" in stale[0]
    assert "part1.md" in result.stdout and "90.0%" in result.stdout  # 9 of the page's 10 blocks current

    data = json.loads(cli(project_copy, "status", "--json").stdout)
    part1 = next(p for p in data if p["page"] == "part1.md")
    assert part1["stale"] == 1 and [e["id"] for e in part1["stale_entries"]] == ["part1-a1-p1"]

    site = tmp_path / "site"
    assert build(project_copy, site).returncode == 0
    html = (site / "en" / "part1" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="stale-notice"') == 1
    notice = html[html.index('id="part1-a1-p1"') :]
    assert notice.index('class="stale-notice"') < notice.index('id="part1-a1-p2"')
    assert 'href="../../part1/#part1-a1-p1"' in notice
    assert 'class="stale-notice"' not in (site / "part1" / "index.html").read_text(encoding="utf-8")

    assert cli(project_copy, "review", "part1-a1-p1").returncode == 0
    assert cli(project_copy, "status").returncode == 0


def test_a_missing_translation_is_reported(project_copy: Path) -> None:
    drop_paragraph(project_copy / "docs" / "en" / "part2.md", "part2-q1-p1")
    result = cli(project_copy, "status")
    assert result.returncode == 1
    line = next(b.line for b in parse_page(project_copy / "docs" / "zh" / "part2.md") if b.id == "part2-q1-p1")
    assert [x for x in result.stdout.splitlines() if "[missing]" in x] == [
        f"docs/zh/part2.md:{line}: [missing] part2-q1-p1: no English translation"
    ]
    assert cli(project_copy, "review", "part2-q1-p1").returncode == 2


def test_review_rejects_an_unknown_id(project_copy: Path) -> None:
    result = cli(project_copy, "review", "part9-a1-p1")
    assert result.returncode == 2 and "no Chinese block with ID part9-a1-p1" in result.stderr


def test_a_malformed_state_file_names_its_line(project_copy: Path) -> None:
    path = project_copy / "data" / "translation-state.json"
    path.write_text('{\n "paragraphs": {\n  "a": "b",\n }\n}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"data/translation-state\.json:4: malformed JSON"):
        state.load_state(path)


def test_describe_change() -> None:
    assert state.describe_change("同比下降38.2%", "同比上升38.2%") == "'下降' -> '上升'"
    assert state.describe_change("甲乙", "甲乙丙") == "added '丙'"
    assert "not in this repository's history" in state.describe_change(None, "甲")
