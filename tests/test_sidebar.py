"""The navigation a page carries (scripts/plugin/sidebar.py): its own document's pages and, in a section, that
section alone, so that a page's HTML does not grow with the other documents and sections of the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from scripts.plugin.sidebar import Owner, Sidebars

# two documents: "a" (index, a section of two chapters, an about page) and "b" (its own folder)
NAV: list[object] = [
    "index.md",
    {"Chapter 1": ["c1-1.md", "c1-2.md"]},
    {"Chapter 2": ["c2-1.md"]},
    "about.md",
    "b/index.md",
    {"B, part 1": ["b/p1.md"]},
]
DOCUMENT_B = {"b/index.md", "b/p1.md"}


def document_of(page: Page) -> str:
    return "b" if page.file.src_uri in DOCUMENT_B else "a"


def navigation(tmp_path: Path, nav: list[object] = NAV) -> Navigation:
    (tmp_path / "docs").mkdir()
    docs, site = str(tmp_path / "docs"), str(tmp_path / "site")
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": docs, "site_dir": site, "nav": nav})
    assert config.validate() == ([], [])
    names = ["index.md", "c1-1.md", "c1-2.md", "c2-1.md", "about.md", *sorted(DOCUMENT_B)]
    return get_navigation(Files([File(n, docs, site, True) for n in names]), config)


def shown(nav: Navigation, uri: str, owner: Owner = document_of) -> list[str]:
    """The items that page `uri` lists at the top of its navigation: a page's file, a section's title."""
    page = next(p for p in nav.pages if p.file.src_uri == uri)
    items = Sidebars(nav, owner).of(page).items
    return [str(i.title) if isinstance(i, Section) else i.file.src_uri for i in items if isinstance(i, Section | Page)]


def test_a_page_in_a_section_lists_its_documents_top_pages_and_its_own_section_alone(tmp_path: Path) -> None:
    assert shown(navigation(tmp_path), "c1-2.md") == ["index.md", "Chapter 1", "about.md"]


def test_a_top_level_page_lists_every_section_of_its_document_and_no_other_document(tmp_path: Path) -> None:
    assert shown(navigation(tmp_path), "about.md") == ["index.md", "Chapter 1", "Chapter 2", "about.md"]


def test_a_page_of_another_document_lists_that_document_alone(tmp_path: Path) -> None:
    nav = navigation(tmp_path)
    assert shown(nav, "b/index.md") == ["b/index.md", "B, part 1"]
    assert shown(nav, "b/p1.md") == ["b/index.md", "B, part 1"]


def test_a_site_of_one_document_without_sections_keeps_the_whole_navigation(tmp_path: Path) -> None:
    nav = navigation(tmp_path, ["index.md", "about.md"])
    assert Sidebars(nav, lambda p: "a").of(nav.pages[1]) is nav


def test_a_page_of_no_document_is_listed_with_every_document_and_lists_no_documents_pages(tmp_path: Path) -> None:
    nav = navigation(tmp_path)

    def owner(page: Page) -> str | None:
        return None if page.file.src_uri == "about.md" else document_of(page)

    assert shown(nav, "b/p1.md", owner) == ["about.md", "b/index.md", "B, part 1"]
    assert shown(nav, "c2-1.md", owner) == ["index.md", "Chapter 2", "about.md"]
    assert shown(nav, "about.md", owner) == ["about.md"]


def test_the_navigation_of_a_page_keeps_every_page_of_the_site_and_its_home_page(tmp_path: Path) -> None:
    nav = navigation(tmp_path)
    shown = Sidebars(nav, document_of).of(nav.pages[-1])
    assert shown is not nav and shown.pages is nav.pages and shown.homepage is nav.homepage is nav.pages[0]


def test_a_section_with_pages_of_a_document_and_of_none_is_listed_once_on_every_page(tmp_path: Path) -> None:
    nav = navigation(tmp_path)

    def owner(page: Page) -> str | None:
        return None if page.file.src_uri == "c1-1.md" else document_of(page)

    assert shown(nav, "b/index.md", owner) == ["Chapter 1", "b/index.md", "B, part 1"]
    assert shown(nav, "about.md", owner) == ["index.md", "Chapter 1", "Chapter 2", "about.md"]
