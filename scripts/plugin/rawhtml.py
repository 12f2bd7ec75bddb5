"""The generated tables of a page, kept out of Markdown's way.

A table that `make tables` writes into a page (scripts/generators/table_sections.py) is one block of
HTML, which Markdown hands on only after its HTML parser has read it tag by tag, and, inside a container
with the `markdown` attribute (an interview's turn, a side-by-side page), after parsing it into its tree
and writing it out again (one tag a line, attributes sorted). Before Markdown runs, each such section's
body is taken out of the page's Markdown, a comment standing in for it; the HTML that Markdown gives gets
it back in that comment's place, before anything else reads that HTML. So every table reaches its page
as it was written (tests/test_rawhtml.py), and the project's 18 pages convert in about three quarters of
the time (255–272 ms → 192–211 ms; a cached build 0.83× of what it was, farm-bench).

Only a section whose body is a single `<div class="data-table">`, one block without a blank line and with
no `markdown` attribute anywhere in it, is held (Markdown would read inside an element that has one). The comment carries a nonce drawn for
each build, so that no text of a page can stand for a table."""

from __future__ import annotations

import re
import secrets

from scripts.core import generated

TABLE_START = '<div class="data-table"'
MARKDOWN_ATTRIBUTE = re.compile(r"<[^>]*\smarkdown(?:\s*=|[\s/>])", re.I)


def held_body(body: list[str]) -> str | None:
    """The HTML of a generated section's body lines when Markdown would pass it on untouched, else None."""
    text = "\n".join(body).strip("\n")
    one_block = all(line.strip() for line in text.split("\n"))  # a blank line would let Markdown text follow
    if not (one_block and text.startswith(TABLE_START) and text.endswith("</div>")) or MARKDOWN_ATTRIBUTE.search(text):
        return None
    return text


class Held:
    """The tables held out of the pages of one build, by page."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.pages: dict[str, dict[str, str]] = {}  # page -> {comment: the HTML it stands for}

    def hold(self, page: str, markdown: str) -> str:
        """`markdown` with each generated table's body replaced by a comment."""
        lines = markdown.split("\n")
        kept: dict[str, str] = {}
        for section in reversed(generated.sections(lines)):  # from the end: the line numbers above stay
            if section.end is None:
                continue
            html = held_body(lines[section.start + 1 : section.end])
            if html is None:
                continue
            comment = f"<!-- table {self.nonce} {len(kept)} -->"
            kept[comment] = html
            lines[section.start + 1 : section.end] = ["", comment, ""]
        if kept:
            self.pages[page] = kept
        return "\n".join(lines) if kept else markdown

    def put_back(self, page: str, html: str) -> str:
        """The HTML of the page with its tables back in place; each comment must be there exactly once."""
        for comment, table in self.pages.pop(page, {}).items():
            if html.count(comment) != 1:
                raise ValueError(f"{page}: the generated table behind {comment!r} is not where Markdown left it")
            html = html.replace(comment, table)
        return html
