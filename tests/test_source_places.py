"""The source column of every generated table says where in the text its figure stands, as a reader
finds it ("第二部分第3段" / "Part 2, ¶ 3"), computed from the paragraph's place on its page, and still
links to the paragraph (`page/#paragraph-id`)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, attr, one, replace_once

from scripts.generators import tables
from scripts.text.places import Places


def source_links(docs: Path, lang: str) -> list[tuple[str, str, str]]:
    """(page, link text, href) of every link in a source column of the generated tables."""
    out: list[tuple[str, str, str]] = []
    for page in tables.placements():
        soup = BeautifulSoup((docs / lang / page).read_text(encoding="utf-8"), "lxml")
        out += [(page, a.get_text(), attr(a, "href")) for a in soup.select(".data-table td.source a")]
    return out


def test_the_source_column_names_the_part_and_the_paragraph_in_each_language() -> None:
    for lang, where in (("zh", "第一部分第2段"), ("en", "Part 1, ¶ 2")):
        soup = BeautifulSoup((ROOT / "docs" / lang / "part1.md").read_text(encoding="utf-8"), "lxml")
        link = one(one(soup, 'tr[data-key="criminal-cases"]'), "td.source a")
        assert link.get_text() == where and attr(link, "href") == "../part1/#part1-a1-p1"


def test_every_source_link_says_where_the_paragraph_it_links_to_stands() -> None:
    places = Places()
    for lang in ("zh", "en"):
        links = source_links(ROOT / "docs", lang)
        assert len(links) > 100
        for page, text, href in links:
            assert text == places.text(href.split("#")[1], lang), (lang, page, href)
            assert text not in ("原文", "text") and ("¶" in text if lang == "en" else text.endswith("段"))


def test_pages_are_named_by_part_or_title_and_only_paragraphs_of_the_text_are_counted() -> None:
    places = Places()
    assert places.text("part3-a9-p1", "zh") == "第三部分第33段"  # questions count: a reader sees them as paragraphs
    assert places.text("part2-a2-s3-fraud-p1", "en") == "Part 2, ¶ 9"  # the added section headings do not
    assert places.text("box-region-p1", "zh") == "背景资料第1段"  # nor does the box's title
    assert places.text("box-police-p2", "en") == "Background, ¶ 4"
    assert places.text("editors-note-p1", "zh") == "首页第1段"  # nor the credits above it
    assert places.text("editors-note-p1", "en") == "Home page, ¶ 1"
    assert places.text("part2", "en") == "Part 2" and places.text("part2", "zh") == "第二部分"  # a heading


def test_a_paragraph_added_above_renumbers_the_source_column(project_copy: Path) -> None:
    docs = project_copy / "docs"
    for lang, words in (("zh", "补充的问题。"), ("en", "An added question.")):  # at the end of the first turn
        replace_once(docs / lang / "part1.md", "\n\n</div>\n", f"\n\n{words}\n{{ #part1-q1-p2 }}\n\n</div>\n")
    written = {p.relative_to(project_copy).as_posix() for p in tables.generate(project_copy)}
    assert {"docs/zh/part1.md", "docs/en/part1.md", "docs/zh/data.md", "docs/en/data.md"} <= written
    for lang, where in (("zh", "第一部分第3段"), ("en", "Part 1, ¶ 3")):
        assert (where, "../part1/#part1-a1-p1") in {(t, h) for _, t, h in source_links(docs, lang)}
        assert where.replace("3", "2") not in {t for _, t, h in source_links(docs, lang) if "#part1-a1-p1" in h}
