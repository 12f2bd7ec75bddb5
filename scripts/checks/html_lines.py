"""The line of an element in a built page, for the findings of the site checks.

The checks parse with lxml, which is fast but keeps no source lines (`Tag.sourceline` is None);
html.parser keeps them. So a page is parsed a second time, with html.parser, only when a finding
on it needs a line: the element is the n-th with its name and attributes in both trees.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer, Tag


def tags(soup: BeautifulSoup | Tag) -> list[Tag]:
    """Every element below `soup`, in document order."""
    return [el for el in soup.descendants if isinstance(el, Tag)]


class SourceLines:
    """Lines of the elements of the pages below `root` (pages named relative to it: 'part1/index.html')."""

    def __init__(self, root: Path, parse_only: SoupStrainer | None = None) -> None:
        self.root = root
        self.parse_only = parse_only  # the same strainer as the check's own parse, so both trees hold the same elements
        self._pages: dict[str, list[Tag]] = {}

    def _tags(self, page: str) -> list[Tag]:
        if page not in self._pages:
            text = (self.root / page).read_text(encoding="utf-8")
            self._pages[page] = tags(BeautifulSoup(text, "html.parser", parse_only=self.parse_only))
        return self._pages[page]

    def line(self, page: str, el: Tag, elements: Sequence[Tag]) -> int:
        """The line of `el` in the page's file; `elements` are the page's elements as the check parsed them,
        in document order, `el` among them. 1 when the line cannot be told."""
        if el.sourceline is not None:  # parsed by a parser that keeps lines
            return el.sourceline
        key = (el.name, el.attrs)
        nth = 0
        for other in elements:
            if other is el:
                break
            nth += (other.name, other.attrs) == key
        else:
            return 1
        same = [other for other in self._tags(page) if (other.name, other.attrs) == key]
        return (same[nth].sourceline or 1) if nth < len(same) else 1
