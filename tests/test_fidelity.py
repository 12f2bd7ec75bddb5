"""The Chinese pages say exactly what the published source says, and the check catches any slip."""

from pathlib import Path

from conftest import ROOT, replace_once

from scripts.checks import fidelity
from scripts.text.blocks import load_language, normalize

SHARED = ROOT.parent / "shared" / "source" / "interview.zh.txt"


def check(project: Path) -> list[str]:
    """The findings on a copy of the project, as printed: `file:line: [fidelity] ID: message`."""
    return [str(f) for f in fidelity.check(project / "docs", project / "source" / "interview.zh.txt")]


def test_source_is_a_byte_for_byte_copy_of_the_published_text() -> None:
    if not SHARED.exists():  # CI has ../shared; a clone elsewhere may not
        return
    assert (ROOT / "source" / "interview.zh.txt").read_bytes() == SHARED.read_bytes()


def test_chinese_pages_are_faithful_to_the_source() -> None:
    assert fidelity.check() == []


def test_chinese_pages_use_full_width_punctuation() -> None:
    for page in sorted((ROOT / "docs" / "zh").glob("*.md")):
        from scripts.text.blocks import parse_page

        for block in parse_page(page):
            text = block.text
            for ch in ",:;?()!":
                # half-width punctuation only between Latin letters or digits (P2P, 24小时 …)
                for i, c in enumerate(text):
                    if c == ch:
                        before, after = text[i - 1 : i], text[i + 1 : i + 2]
                        assert before.isascii() and after.isascii(), (
                            f"{block.where()} {block.id}: half-width '{ch}' in '{text[max(0, i - 8) : i + 8]}'"
                        )


def test_one_changed_character_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "zh" / "part1.md"
    replace_once(page, "65.5万起", "65.6万起")
    line = next(b.line for b in load_language("zh", project_copy / "docs")["part1.md"] if b.id == "part1-a1-p1")
    assert check(project_copy) == [
        f"docs/zh/part1.md:{line}: [fidelity] part1-a1-p1: differs from source/interview.zh.txt:14 at character 176 "
        "of that source line: expected '…,全省共立刑事案件65.5万起,同比下降16.4…', found '…,全省共立刑事案件65.6万起,同比下降16.4…'"
    ]


def test_a_dropped_paragraph_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "zh" / "part1.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("成绩的取得得益于")
    end = text.index("{ #part1-a1-p2 }") + len("{ #part1-a1-p2 }")
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    findings = check(project_copy)
    assert len(findings) == 1
    assert "interview.zh.txt:15" in findings[0]  # the source line that went missing
    assert "成绩的取得" in findings[0]


def test_an_added_sentence_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "zh" / "part2.md"
    replace_once(page, "成效显著。", "成效显著。这是一句新话。")
    findings = check(project_copy)
    assert len(findings) == 1 and "part2-q1-p1" in findings[0] and "这是一句新话" in findings[0]


def test_text_added_after_the_end_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "zh" / "part3.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n补充一句。\n{ #extra }\n", encoding="utf-8")
    findings = check(project_copy)
    assert findings and "text not in the source" in findings[0] and "extra" in findings[0]


def test_structural_labels_are_not_held_to_the_source(project_copy: Path) -> None:
    page = project_copy / "docs" / "zh" / "part1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</div>\n", "</div>\n\n## 新标签 { #new-label .label }\n", 1), encoding="utf-8")
    assert fidelity.check(project_copy / "docs", project_copy / "source" / "interview.zh.txt") == []
    page.write_text(text.replace("</div>\n", "</div>\n\n## 新标题 { #new-heading }\n", 1), encoding="utf-8")
    assert fidelity.check(project_copy / "docs", project_copy / "source" / "interview.zh.txt") != []


def test_normalisation_equates_half_and_full_width_punctuation_only() -> None:
    assert normalize("记者:请问, 如何?") == normalize("记者：请问，如何？")
    assert normalize("(追授)") == normalize("（追授）")
    assert normalize("下降") != normalize("上升")
