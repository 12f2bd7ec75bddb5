"""Where a paragraph stands, as a reader finds it: its page and its number on that page, written
"第二部分第3段" / "Part 2, ¶ 3".

The numbers count the paragraphs of the text in the order of the page: the blocks of kind paragraph
without a class (questions, answers, the editor's note, the paragraphs of a box). A paragraph with a
class is no paragraph a reader counts: box titles, captions, credits, labels. The numbers come from
the Chinese page, which the English twin follows block for block (the translation check holds it to
that). A page `partN` is named by its number; any other by its title (its first heading) in the
language, the home page as the home page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scripts.core import documents
from scripts.core.paths import DOCS
from scripts.figures.formatting import chinese_numeral
from scripts.text.blocks import HEADING_RE, Block, load_language, plain_text

PART_RE = re.compile(r"^part([1-9][0-9]?)$")
HOME = "index"
WORDS = {
    "zh": {"part": "第{n}部分", "home": "首页", "place": "{page}第{n}段"},
    "en": {"part": "Part {n}", "home": "Home page", "place": "{page}, ¶ {n}"},
}


def numbered(blocks: list[Block]) -> dict[str, int]:
    """Paragraph ID -> its number among the paragraphs of the text on its page (1, 2, …)."""
    paragraphs = [b for b in blocks if b.kind == "paragraph" and not b.classes]
    return {b.id: n for n, b in enumerate(paragraphs, 1)}


def _headings(path: Path) -> Iterator[str]:
    """The text of each heading of a page, read line by line: a title is wanted even from a page that
    another check reports as broken."""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := HEADING_RE.match(line.strip()):
            yield plain_text(m.group(2))


@dataclass(frozen=True)
class Place:
    page: str  # the page's stem: "part2"
    number: int  # the paragraph's number on it; 0 for a block that is no paragraph of the text


class Places:
    """Every block of the pages by ID, with its page and number there, and the title of each page in
    each language: how each language writes where a block stands."""

    def __init__(self, docs: Path = DOCS, document: documents.Document | None = None) -> None:
        self.places: dict[str, Place] = {}
        self.titles: dict[tuple[str, str], str] = {}  # (page stem, language) -> the page's first heading
        # the pages whose blocks the data cites: those of `document`, or of every document with data
        pages = documents.pages(document, docs.parent) if document else documents.data_pages(docs.parent)
        for page, blocks in load_language("zh", docs, pages).items():
            numbers = numbered(blocks)
            self.places.update({b.id: Place(Path(page).stem, numbers.get(b.id, 0)) for b in blocks})
        for lang in WORDS:
            for page in pages:
                path = docs / lang / page
                heading = next(iter(_headings(path)), None) if path.exists() else None
                if heading:
                    self.titles[(Path(page).stem, lang)] = heading

    def page_name(self, stem: str, lang: str) -> str:
        words = WORDS[lang]
        if m := PART_RE.match(stem):
            n = int(m.group(1))
            return words["part"].format(n=chinese_numeral(n) if lang == "zh" else n)
        if stem == HOME:
            return words["home"]
        return self.titles.get((stem, lang)) or self.titles.get((stem, "zh"), stem)

    def text(self, block_id: str, lang: str) -> str:
        """Where block `block_id` stands, in `lang`: "第二部分第3段", "Part 2, ¶ 3"; a block that is no
        paragraph of the text (a heading) by its page alone."""
        place = self.places[block_id]
        name = self.page_name(place.page, lang)
        return WORDS[lang]["place"].format(page=name, n=place.number) if place.number else name
