"""How a side-by-side page (scripts/generators/side_by_side.py) is read like the single-language pages:
its own contents, previous and next side-by-side pages, and a navigation in which it is the current
page and every other page with a view links to that view (see plugin.py for when each is set)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from scripts.plugin.sidebar import with_items
from scripts.text.blocks import Block


@dataclass(frozen=True)
class View:
    """A side-by-side page of one language's build, as the plugin generates it in `on_files`."""

    single: str  # src_uri of its single-language page: zh/part1.md
    headings: tuple[tuple[int, str, str], ...]  # (level, ID, text) of the page's headings below its title


def headings(blocks: list[Block]) -> tuple[tuple[int, str, str], ...]:
    """The headings of a page in the language of the site, below its title (level 1)."""
    return tuple((b.level, b.id, b.text) for b in blocks if b.kind == "heading" and b.level > 1)


def table_of_contents(entries: tuple[tuple[int, str, str], ...]) -> TableOfContents:
    """A page's contents from its headings, nested by level, as MkDocs' toc extension gives them."""
    top: list[AnchorLink] = []
    open_: list[AnchorLink] = []
    for level, id_, text in entries:
        link = AnchorLink(html.escape(text), id_, level)
        while open_ and open_[-1].level >= level:
            open_.pop()
        (open_[-1].children if open_ else top).append(link)
        open_.append(link)
    return TableOfContents(top)


def english_notes(content: str) -> str:
    """The translator's notes at the foot of a side-by-side page are English, whatever the page's language."""
    return content.replace('<div class="footnote">', '<div class="footnote" lang="en">', 1)


def neighbours(order: list[str], current: str) -> tuple[str | None, str | None]:
    """The views before and after `current` in `order` (src_uris, navigation order)."""
    i = order.index(current)
    return (order[i - 1] if i else None), (order[i + 1] if i + 1 < len(order) else None)


def navigation(nav: Navigation, page: Page, views: dict[str, Page]) -> Navigation:
    """The navigation shown on the side-by-side page `page`: the site's, with each page that has a
    view (`views`: src_uri of the single page -> its view) replaced by that view, `page` itself as the
    current page and the others as links titled like their single pages."""

    def swap(item: object) -> object:
        if isinstance(item, Page) and item.file.src_uri in views:
            view = views[item.file.src_uri]
            return view if view is page else Link(item.title or "", view.url)
        return item

    return with_items(nav, [swap(item) for item in nav.items])
