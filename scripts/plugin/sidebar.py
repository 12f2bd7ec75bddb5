"""The navigation a page carries: the pages of its own document and, when the page stands in a section
of the navigation, that section alone beside the document's other top-level pages.

Material's `navigation.prune` leaves out the pages of the sections a page is not in, but still lists each
section and, without sections, every page of the site: a site of many documents (or of many sections)
would carry its whole table of contents on every page (0.4 KiB of HTML a section: 80 KiB a page at 200
sections, `make bench`). A page of a document's top level (in no section) still lists every section of its
document, one click away; the other documents are listed by the site's home page."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


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


def scoped(nav: Navigation, page: Page, ours: Callable[[Page], bool]) -> Navigation:
    """The navigation shown on `page` (the single page, for a side-by-side one): the items with a page that
    `ours` accepts (the pages of the page's document), of the sections only the page's own if it is in one.
    `nav` itself when nothing is left out (the site of one document without sections: the same HTML)."""
    own = top_section(page)

    def kept(item: object) -> bool:
        if isinstance(item, Section):
            return (own is None or item is own) and any(ours(p) for p in pages_of(item))
        return not isinstance(item, Page) or ours(item)

    items = [item for item in nav.items if kept(item)]
    return nav if len(items) == len(nav.items) else Navigation(items, nav.pages)
