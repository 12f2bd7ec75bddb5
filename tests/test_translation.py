"""Every English page mirrors its Chinese twin; each translation check catches the error meant for it."""

import re
from pathlib import Path

import pytest
from conftest import drop_paragraph

from scripts.checks import translation
from scripts.core.findings import Finding
from scripts.text import glossary as gl
from scripts.text.blocks import load_language


def findings_of(project: Path) -> list[Finding]:
    return translation.check(project / "docs", project / "data" / "glossary.yml")


def check(project: Path) -> list[str]:
    """The findings as printed: `file:line: [check] ID: message`."""
    return [str(f) for f in findings_of(project)]


def edit_paragraph(project: Path, page: str, pid: str, old: str, new: str) -> None:
    """Replace `old` with `new` inside the English paragraph `pid` only."""
    path = project / "docs" / "en" / page
    text = path.read_text(encoding="utf-8")
    end = text.index("{ #" + pid + " ")
    start = text.rindex("\n\n", 0, end)
    body = text[start:end]
    assert old in body, f"{old!r} not in {pid}"
    path.write_text(text[:start] + body.replace(old, new, 1) + text[end:], encoding="utf-8")


def test_every_chinese_paragraph_has_an_english_twin_and_all_checks_pass() -> None:
    assert translation.check() == []
    zh, en = load_language("zh"), load_language("en")
    assert list(zh) == list(en)
    for page in zh:
        assert [b.id for b in zh[page]] == [b.id for b in en[page]]


def test_the_glossary_has_at_least_sixty_terms_of_every_kind() -> None:
    terms = gl.load()
    assert len(terms) >= 60
    assert {t.kind for t in terms} >= {"institution", "campaign", "slogan", "legal", "crime", "place", "person"}
    for zh in [
        "飓风2016",
        "雷霆扫毒",
        "南粤亮剑",
        "一门式一网式",
        "钉子地",
        "全链条",
        "合成作战",
        "逢车必查",
        "立案",
        "破案",
        "刑拘",
        "逮捕",
        "涉案金额",
    ]:
        assert zh in {t.zh for t in terms}, zh


def test_a_magnitude_slip_is_caught(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part3.md", "part3-a1-p1", "972 million", "97.2 million")
    findings = check(project_copy)
    assert len(findings) == 1
    assert re.match(
        r"docs/en/part3\.md:\d+: \[numbers\] part3-a1-p1: expected 972,000,000 \('9\.72亿'\) as in the Chinese, "
        r"found 97,200,000 \('97\.2 million'\)$",
        findings[0],
    ), findings[0]


def test_a_figure_the_chinese_lacks_is_caught(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part1.md", "part1-a1-p2", ".", ", with 30 more.")
    findings = check(project_copy)
    assert (
        len(findings) == 1
        and "[numbers] part1-a1-p2: expected no figure the Chinese lacks, found 30 ('30')" in findings[0]
    )


def test_a_flipped_direction_is_caught(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part3.md", "part3-a1-p1", "down 38.2%", "up 38.2%")
    findings = check(project_copy)
    assert len(findings) == 1
    assert "[direction] part3-a1-p1: expected 38.2% to be down as in the Chinese, found up" in findings[0]


def test_a_finding_names_the_english_block_by_file_line_check_and_id(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part3.md", "part3-a1-p1", "down 38.2%", "up 38.2%")
    line = next(b.line for b in load_language("en", project_copy / "docs")["part3.md"] if b.id == "part3-a1-p1")
    assert findings_of(project_copy) == [
        Finding(
            "docs/en/part3.md",
            line,
            "direction",
            "part3-a1-p1",
            "expected 38.2% to be down as in the Chinese, found up",
        )
    ]


def test_a_dropped_paragraph_is_caught(project_copy: Path) -> None:
    drop_paragraph(project_copy / "docs" / "en" / "part1.md", "part1-a1-p2")
    findings = check(project_copy)
    assert len(findings) == 1
    assert re.match(
        r"docs/en/part1\.md:\d+: \[alignment\] part1-a1-p2: expected paragraph 'part1-a1-p2' "
        r"\(docs/zh/part1\.md:\d+\) after line \d+, found none$",
        findings[0],
    ), findings[0]


def test_two_swapped_ids_are_caught(project_copy: Path) -> None:
    path = project_copy / "docs" / "en" / "part1.md"
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("{ #part1-a1-p3 }", "{ #SWAP }")
        .replace("{ #part1-a1-p4 }", "{ #part1-a1-p3 }")
        .replace("{ #SWAP }", "{ #part1-a1-p4 }")
    )
    path.write_text(text, encoding="utf-8")
    findings = check(project_copy)
    assert any(
        "[alignment] part1-a1-p4: expected 'part1-a1-p3' here as in the Chinese order, found 'part1-a1-p4'" in f
        for f in findings
    ), findings


def test_a_different_speaker_or_heading_level_is_caught(project_copy: Path) -> None:
    path = project_copy / "docs" / "en" / "part2.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('id="part2-q1" data-speaker="reporter"', 'id="part2-q1" data-speaker="lufeng"')
    text = re.sub(r"^## (.*\{ #part2-a2-s1 )", r"### \1", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    findings = check(project_copy)
    assert any(
        "[alignment] part2-q1:" in f
        and "speaker=reporter" in f
        and "found level=0 classes=['turn'] speaker=lufeng" in f
        for f in findings
    ), findings
    assert any("[alignment] part2-a2-s1: expected heading level=2" in f and "found level=3" in f for f in findings), (
        findings
    )


def test_a_glossary_term_translated_another_way_is_caught(project_copy: Path) -> None:
    path = project_copy / "docs" / "en" / "part3.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Ministry of Public Security", "Public Security Ministry"), encoding="utf-8")
    findings = check(project_copy)
    assert findings and all(
        "[glossary]" in f and "expected 'Ministry of Public Security' for 公安部" in f for f in findings
    )


def test_a_leftover_chinese_phrase_is_caught(project_copy: Path) -> None:
    edit_paragraph(project_copy, "part1.md", "part1-a1-p2", ".", " 飓风，")
    findings = check(project_copy)
    assert len(findings) == 1
    assert (
        "[leftovers] part1-a1-p2: expected no Chinese characters or full-width punctuation, found '飓风，'"
        in findings[0]
    )


def test_a_broken_glossary_is_reported_with_its_line(project_copy: Path) -> None:
    path = project_copy / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: person}", "kind: persn}", 1), encoding="utf-8")
    with pytest.raises(gl.GlossaryError, match=r"data/glossary\.yml:\d+: terms\[\d+\]\.kind: 'persn' is not one of"):
        check(project_copy)
    path.write_text("terms: [\n", encoding="utf-8")
    with pytest.raises(gl.GlossaryError, match=r"data/glossary\.yml:\d+: malformed YAML"):
        check(project_copy)


def test_the_cli_exits_non_zero_with_findings(project_copy: Path) -> None:
    import subprocess
    import sys

    edit_paragraph(project_copy, "part3.md", "part3-a1-p1", "down 38.2%", "up 38.2%")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "translation"], cwd=project_copy, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "[direction] part3-a1-p1" in result.stdout


def test_the_glossary_page_is_published_in_both_languages_and_fresh(project_copy: Path) -> None:
    import subprocess
    import sys

    def run(*a: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "scripts", "glossary", *a], cwd=project_copy, capture_output=True, text=True
        )

    assert run().returncode == 0
    for lang, title in [("zh", "# 术语表"), ("en", "# Glossary")]:
        page = (project_copy / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
        assert title in page and "generated by `python -m scripts glossary --write`" in page
        assert "雷霆扫毒" in page and "Thunder Drug Sweep" in page
    path = project_copy / "data" / "glossary.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("en: Thunder Drug Sweep", "en: Thunder Sweep"), encoding="utf-8"
    )
    result = run()
    assert result.returncode == 1
    assert "docs/zh/glossary.md:1: [generated] glossary: differs from what data/glossary.yml gives" in result.stdout
    assert run("--write").returncode == 0 and run().returncode == 0
    assert "Thunder Sweep" in (project_copy / "docs" / "en" / "glossary.md").read_text(encoding="utf-8")
