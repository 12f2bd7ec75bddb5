"""The glossary forbids: a rendering it lists as wrong for a term is reported, with file and line, in the
English twin of a paragraph that has the term; Chinese marked as Chinese is not a leftover."""

from __future__ import annotations

from pathlib import Path

from test_translation import edit_paragraph

from scripts.checks import translation
from scripts.core.findings import Finding
from scripts.text import glossary as gl


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_south_guangdong_for_nanyue_is_rejected_with_its_file_and_line(project_copy: Path) -> None:
    edit_paragraph(
        project_copy, "part1.md", "part1-q1-p1", "Guangdong Draws the Sword", "South Guangdong Draws the Sword"
    )
    findings = translation.check(project_copy / "docs", project_copy / "data" / "glossary.yml")
    line = _line_of(project_copy / "docs" / "en" / "part1.md", "South Guangdong Draws the Sword")
    wrong = [f for f in findings if isinstance(f, Finding) and "wrong rendering" in f.message]
    assert [(f.file, f.line, f.check, f.id) for f in wrong] == [("docs/en/part1.md", line, "glossary", "part1-q1-p1")]
    assert wrong[0].message.startswith(
        "'South Guangdong' is a wrong rendering of 南粤亮剑: use 'Guangdong Draws the Sword'"
    )


def test_a_wrong_rendering_counts_only_where_the_chinese_has_the_term(project_copy: Path) -> None:
    # "major traffic accidents" is wrong for 较大交通事故, and right for 重大 where that stands
    edit_paragraph(project_copy, "part1.md", "part1-a1-p8", "police work", "police work and major traffic accidents")
    findings = translation.check(project_copy / "docs", project_copy / "data" / "glossary.yml")
    assert not [f for f in findings if "wrong rendering" in str(f)]


def test_the_glossary_lists_wrong_renderings_that_the_pages_avoid() -> None:
    terms = {t.zh: t for t in gl.load()}
    assert "South Guangdong" in terms["南粤亮剑"].wrong and "South Guangdong" in terms["南粤"].wrong
    assert "pornography and gambling" in terms["涉黄赌"].wrong
    assert translation.check() == []


def test_chinese_in_a_zh_span_is_meant_and_elsewhere_a_leftover(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part1.md", "part1-a1-p2", "measures", 'measures (<span lang="zh">措施</span>)')
    assert translation.check(project_copy / "docs", project_copy / "data" / "glossary.yml") == []
    edit_paragraph(project_copy, "part1.md", "part1-a1-p2", "(<span", "措施 (<span")
    findings = [str(f) for f in translation.check(project_copy / "docs", project_copy / "data" / "glossary.yml")]
    assert len(findings) == 1 and "[leftovers] part1-a1-p2:" in findings[0] and "'措施'" in findings[0]
