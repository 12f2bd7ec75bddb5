"""The elements of a built page, and the line of each, for the site checks (links, offline, lang, safety).

A page is parsed by lxml into its own tree, which keeps the line of every element (`sourceline`); a
tree of BeautifulSoup's objects over the same parser took four fifths of the checks' time. libxml2
keeps that line in 16 bits, so an element below line 65,535 of a very long page reads as 65,535: only
then is the page parsed a second time, with html.parser, for the line (the element is the n-th with
its name and attributes in both trees).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

LINE_CAP = 65535  # the largest line libxml2 can give an element


def parse(text: str) -> HtmlElement | None:
    """The page's root element (`<html>`), None for a page with nothing in it."""
    return lxml.html.document_fromstring(text) if text.strip() else None


def elements(root: HtmlElement | None) -> list[HtmlElement]:
    """Every element below and with `root`, in document order (comments and processing instructions left out)."""
    return [] if root is None else [el for el in root.iter() if isinstance(el.tag, str)]


Key = tuple[str, tuple[tuple[str, str], ...]]


def key(name: str, attrs: Sequence[tuple[str, str | None]]) -> Key:
    """An element's name and attributes, as both parsers give them."""
    return name.lower(), tuple((k.lower(), v or "") for k, v in attrs)


class _StartTags(HTMLParser):
    """The key and line of every start tag of a page, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[Key, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((key(tag, attrs), self.getpos()[0]))

    handle_startendtag = handle_starttag


@dataclass
class Page:
    """A page's text and its elements in document order, and the line of each."""

    text: str
    elements: list[HtmlElement]
    # read at the first line past the cap: html.parser's lines of each key, and each element's key and number
    _lines: dict[Key, list[int]] | None = None
    _nth: dict[int, tuple[Key, int]] | None = None

    @classmethod
    def parse(cls, text: str) -> Page:
        return cls(text, elements(parse(text)))

    @classmethod
    def read(cls, path: Path) -> Page:
        return cls.parse(path.read_text(encoding="utf-8"))

    def line(self, el: HtmlElement) -> int:
        """The line of `el`, one of the page's elements, in the page's text; 1 when it cannot be told."""
        line = el.sourceline
        if isinstance(line, int) and 0 < line < LINE_CAP:
            return line
        if self._lines is None or self._nth is None:
            parser = _StartTags()
            parser.feed(self.text)
            parser.close()
            self._lines = {}
            for tag, at in parser.tags:
                self._lines.setdefault(tag, []).append(at)
            counts: dict[Key, int] = {}
            self._nth = {}
            for other in self.elements:
                wanted = key(str(other.tag), list(other.attrib.items()))
                self._nth[id(other)] = (wanted, counts.get(wanted, 0))
                counts[wanted] = counts.get(wanted, 0) + 1
        if id(el) not in self._nth:
            return 1
        wanted, nth = self._nth[id(el)]
        same = self._lines.get(wanted, [])
        return same[nth] if nth < len(same) else 1
