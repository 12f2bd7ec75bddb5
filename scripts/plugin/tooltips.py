"""Glossary terms explained where they stand: on hover and keyboard focus, each glossary term of the
English text shows its Chinese and its note (data/glossary.yml, `tooltip: true`).

* Which pages: the English pages of the navigation, but not the glossary page (each of its rows already
  gives the term, its Chinese and its note) and not the side-by-side view (the Chinese stands beside
  every paragraph there). The Chinese pages get none: the renderings are English.
* How: the plugin appends the abbreviations of includes/abbreviations.md (scripts/generators/abbreviations.py)
  to those pages' Markdown; Python-Markdown's `abbr` extension marks each occurrence `<abbr title="…">`;
  Material's `content.tooltips` shows the title as a tooltip on hover and on focus. Then, in the page's HTML,
  each glossary abbreviation becomes focusable (`tabindex="0"`; an `<abbr>` is not), and headings and
  tables lose theirs: a heading is a section's name, repeated in the table of contents and the search
  results, and a table a summary read across its rows (the tables of data/figures/ are raw HTML, which
  Markdown leaves alone anyway; a Markdown table, such as a changelog's, would get them).
* Search: the title is an attribute; Material's search indexes text only, so the notes stay out of the
  index (tests/test_tooltips.py holds the built index to that).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from scripts.core.languages import root
from scripts.generators import abbreviations, glossary_page

LANG = "en"
CLASS = "glossary-term"
ABBR_RE = re.compile(r'<abbr title="([^"]*)">')
# Headings and tables: a heading is a section's name, repeated in the table of contents and the search
# results; a table is a summary of figures, read across its rows.
BARE_RE = re.compile(r"(<(h[1-6]|table)\b[^>]*>)(.*?)(</\2>)", re.S)
ANY_ABBR_RE = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


class Tooltips:
    """The tooltips of one build: the generated abbreviations, and the pages that get them."""

    def __init__(self, definitions: list[str], pages: list[str]) -> None:
        self.definitions = definitions
        self.pages = pages  # the navigation's page files: index.md, part1.md, …
        self.titles = {html.unescape(line.split("]:", 1)[1].strip()) for line in definitions if "]:" in line}

    @classmethod
    def load(cls, project: Path, pages: list[str]) -> Tooltips:
        """The project's generated abbreviations (includes/abbreviations.md); PluginError if it is missing."""
        path = project / abbreviations.PATH
        if not path.is_file():
            raise PluginError(
                f"{abbreviations.PATH} is missing: run `{abbreviations.COMMAND}` to write it from data/glossary.yml"
            )
        return cls(abbreviations.definitions(path.read_text(encoding="utf-8")), pages)

    def wanted(self, src_uri: str) -> bool:
        """Whether the page `src_uri` (`en/part1.md`) gets tooltips: an English page of the navigation
        other than the glossary."""
        page = src_uri.removeprefix(root(LANG))
        return src_uri.startswith(root(LANG)) and page in self.pages and page != glossary_page.PAGE

    def markdown(self, markdown: str, src_uri: str) -> str:
        """The page's Markdown, with the abbreviations after it, each a block of its own, if it gets tooltips."""
        if not self.definitions or not self.wanted(src_uri):
            return markdown
        # each definition a block of its own: Markdown parses a block of n lines line by line, retrying every
        # block parser on the rest each time (n² work, 0.1 s a page for the glossary's terms)
        return markdown.rstrip("\n") + "\n\n" + "\n\n".join(self.definitions) + "\n"

    def html(self, content: str, src_uri: str) -> str:
        """The page's HTML: headings and tables without abbreviations; every glossary abbreviation
        focusable and classed as a glossary term."""
        if not self.wanted(src_uri):
            return content
        content = BARE_RE.sub(lambda m: m.group(1) + ANY_ABBR_RE.sub(r"\1", m.group(3)) + m.group(4), content)

        def focusable(m: re.Match[str]) -> str:
            if html.unescape(m.group(1)) not in self.titles:
                return m.group(0)
            return f'<abbr class="{CLASS}" tabindex="0" title="{m.group(1)}">'

        return ABBR_RE.sub(focusable, content)
