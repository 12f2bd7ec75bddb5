"""The navigation a page carries: the pages of its own document and, when the page stands in a section
of the navigation, that section alone beside the document's other top-level pages.

Material's `navigation.prune` leaves out the pages of the sections a page is not in, but still lists each
section and, without sections, every page of the site: a site of many documents (or of many sections)
would carry its whole table of contents on every page (0.4 KiB of HTML a section: 80 KiB a page at 200
sections, `make bench`). A page of a document's top level (in no section) still lists every section of its
document, one click away; the other documents are listed by the site's home page.

The top-level items are sorted by document once per navigation, and each navigation shown is made once
for each document and section: finding it is then as quick for the last page of a large site as for the
first (a scan of every item for every page grew with the square of the pages)."""

from __future__ import annotations

import copy
import heapq
from collections.abc import Callable, Iterator

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

Owner = Callable[[Page], str | None]  # the document a page belongs to; None: none, and shown with every one


def pages_of(item: object) -> Iterator[Page]:
    """The pages of a navigation item: the item itself, or every page below a section."""
    if isinstance(item, Page):
        yield item
    elif isinstance(item, Section):
        for child in item.children:
            yield from pages_of(child)


def top_section(page: Page) -> Section | None:
    """The top-level section that holds `page`, if any."""
    section = page.parent
    while section is not None and section.parent is not None:
        section = section.parent
    return section


class Sidebars:
    """The navigations the pages of `nav` carry. An item stays on a page when it holds a page of that page's
    document or of no document (a link always stays); of the sections, a page in one keeps only its own.
    `nav` itself when nothing is left out (the site of one document without sections: the same HTML)."""

    def __init__(self, nav: Navigation, owner: Owner) -> None:
        self.nav, self.owner = nav, owner
        self.shared: list[tuple[int, object]] = []  # (position, item): on the pages of every document
        self.own: dict[str, list[tuple[int, object]]] = {}
        for position, item in enumerate(nav.items):
            owners = {owner(p) for p in pages_of(item)} if isinstance(item, Page | Section) else {None}
            if None in owners:  # shown with every document, so listed once, there
                self.shared.append((position, item))
                continue
            for slug in sorted(o for o in owners if o is not None):
                self.own.setdefault(slug, []).append((position, item))
        self.made: dict[tuple[str | None, int], Navigation] = {}

    def of(self, page: Page) -> Navigation:
        """The navigation `page` carries (the single page, for a side-by-side one)."""
        slug, section = self.owner(page), top_section(page)
        key = (slug, id(section))
        if key not in self.made:
            candidates = heapq.merge(self.shared, self.own.get(slug, []) if slug is not None else [])
            items = [i for _, i in candidates if not isinstance(i, Section) or section is None or i is section]
            self.made[key] = self.nav if len(items) == len(self.nav.items) else with_items(self.nav, items)
        return self.made[key]


def with_items(nav: Navigation, items: list[object]) -> Navigation:
    """`nav` with other top-level items: the same pages and the same home page, the one I18n gave this
    language (Navigation() would take the first home page among every page, the Chinese one, and look
    for it among every page again for each page that asks)."""
    out = copy.copy(nav)
    out.items = items
    return out
