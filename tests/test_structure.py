"""The Chinese text is split into pages, turns and paragraphs with stable, readable IDs."""

import re
from pathlib import Path

import pytest
from conftest import ROOT

from scripts.core.config import nav_pages
from scripts.text.blocks import ID_RE, Block, FormatError, load_language, parse_text

SOURCE = (ROOT / "source" / "interview.zh.txt").read_text(encoding="utf-8")


def turns(lang: str) -> list[Block]:
    return [b for blocks in load_language(lang).values() for b in blocks if "turn" in b.classes]


def test_every_question_and_answer_is_a_turn_with_its_speaker() -> None:
    # counted in the published text, independently of the pages
    questions = len(re.findall(r"(?:^| )记者:", SOURCE, flags=re.M))
    answers = len(re.findall(r"^逯峰:", SOURCE, flags=re.M))
    zh = turns("zh")
    assert [t.speaker for t in zh].count("reporter") == questions == 12
    assert [t.speaker for t in zh].count("lufeng") == answers == 12
    # questions and answers alternate, a question first
    assert [t.speaker for t in zh] == ["reporter", "lufeng"] * 12


def test_every_turn_starts_with_its_speaker_label() -> None:
    labels = {"reporter": "记者：", "lufeng": "逯峰："}
    for blocks in load_language("zh").values():
        firsts: dict[str, Block] = {}
        for b in blocks:
            if b.kind == "paragraph" and b.parent and b.parent not in firsts:
                firsts[b.parent] = b
        for turn in [b for b in blocks if "turn" in b.classes]:
            first = firsts[turn.id]
            assert first.text.startswith(labels[turn.speaker]), first.where()
            assert "{ .speaker }" in first.markdown, first.where()


def test_ids_are_readable_and_unique_across_the_site() -> None:
    seen: dict[str, str] = {}
    for blocks in load_language("zh").values():
        for b in blocks:
            assert re.fullmatch(ID_RE, b.id), b.where()
            assert not re.fullmatch(r"p\d+", b.id), f"{b.where()}: ID '{b.id}' says nothing of where it is"
            assert b.id not in seen, f"{b.where()}: '{b.id}' also on {seen[b.id]}"
            seen[b.id] = b.where()


def test_pages_follow_the_interview() -> None:
    assert nav_pages()[:5] == ["index.md", "background.md", "part1.md", "part2.md", "part3.md"]
    pages = load_language("zh")
    h1 = {p: next(b for b in blocks if b.kind == "heading" and b.level == 1) for p, blocks in pages.items() if blocks}
    assert h1["part1.md"].text == "开展“飓风2016”专项行动 持续保持严打高压态势"
    assert h1["part2.md"].text == "刑事立案数持续下降 破案数不断提升"
    assert h1["part3.md"].text == "落实打击犯罪新机制 提炼固化“飓风”模式"
    ids = {b.id for blocks in pages.values() for b in blocks}
    assert {"credits", "editors-note", "box-region", "box-police", "captions", "closing-credit"} <= ids
    captions = [b.text for blocks in pages.values() for b in blocks if "caption" in b.classes]
    assert captions == ["专案总指挥部", "中缅警方交接犯罪嫌疑人现场", "专案组凯旋"]


def test_the_paragraph_broken_by_the_pdf_is_joined() -> None:
    text = [b.text for blocks in load_language("zh").values() for b in blocks]
    assert any("组织广州、深圳等重点地市" in t for t in text)


@pytest.mark.parametrize(
    "markdown, message",
    [
        ("段落没有编号。\n", "paragraph has no ID"),
        ("## 标题\n", "heading has no ID"),
        ("甲。\n{ #a }\n\n乙。\n{ #a }\n", "duplicate ID 'a'"),
        ('<div class="turn" id="t1" markdown>\n\n甲。\n{ #a }\n', "is never closed"),
        ("</div>\n", "without an open <div>"),
        ("<script>alert(1)</script>\n", "unexpected HTML line"),
    ],
)
def test_format_errors_name_file_and_line(markdown: str, message: str) -> None:
    with pytest.raises(FormatError) as err:
        parse_text("# 标题 { #t }\n\n" + markdown, Path("docs/zh/x.md"))
    assert message in str(err.value)
    assert re.match(r"docs/zh/x\.md:\d+: ", str(err.value))
