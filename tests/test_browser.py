"""The reading experience in a real browser (Debian's chromium, headless, driven by Playwright):
every page of both languages and both views, the language switch, search, the side-by-side view,
phones, accessibility (axe-core) and print. Each check also runs on a broken copy of the site; the checks
that go over every page run in test_browser_pages.py, each page loaded once per screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import (
    NARROW,
    check_accessibility,
    check_console_and_hosts,
    check_language_switch,
    check_no_horizontal_scroll,
    check_permalinks,
    check_print,
    check_side_by_side,
    screenshot,
)
from conftest import replace_once
from playwright.sync_api import Browser

from scripts.generators import side_by_side as parallel
from scripts.text.blocks import load_language

pytestmark = pytest.mark.browser

ZH, EN = load_language("zh"), load_language("en")
VIEWS = {
    page.removesuffix(".md").removesuffix("index"): [b.id for b in blocks if b.kind != "container"]
    for page, blocks in ZH.items()
    if parallel.has_view(blocks)
}  # "part1" -> IDs; "" is the home page


def _dir(stem: str) -> str:
    return f"{stem}/" if stem else ""


def paragraph_a_third_down(stem: str) -> str:
    paragraphs = [
        i for i in VIEWS[stem] if any(b.id == i and b.kind == "paragraph" for b in ZH[(stem or "index") + ".md"])
    ]
    return paragraphs[len(paragraphs) // 3]


# `browser`, `site_url` and `copy_url` (one browser for every browser test): tests/conftest.py


# Every page: no console error, no other host ---------------------------------------------------


def test_every_page_of_both_languages_and_views_is_tested(paths: list[str]) -> None:
    for stem in VIEWS:
        for prefix in ("", "en/"):
            assert f"{prefix}{_dir(stem)}" in paths and f"{prefix}parallel/{_dir(stem)}" in paths


def test_a_missing_language_sitemap_is_caught_as_a_console_error(
    browser: Browser, site_copy: Path, copy_url: str
) -> None:
    (site_copy / "en" / "sitemap.xml").unlink()  # what Material's language selector asks for: the bug of issue 6
    findings = check_console_and_hosts(browser, copy_url, ["part1/"])
    assert any("console error" in f and "en/sitemap.xml" in f for f in findings), findings


def test_a_request_to_another_host_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "en" / "part2" / "index.html",
        "</head>",
        '<link rel="stylesheet" href="https://fonts.example.com/a.css"></head>',
    )
    findings = check_console_and_hosts(browser, copy_url, ["en/part2/"])
    assert "en/part2/: request to another host: https://fonts.example.com/a.css" in findings


# The language switch keeps page and paragraph ---------------------------------------------------

PAGES = [s for s in VIEWS if s]  # the home page is too short to scroll a paragraph to the top
SWITCHES = (
    [(_dir(s), paragraph_a_third_down(s), "en") for s in PAGES]
    + [(f"en/{_dir(s)}", paragraph_a_third_down(s), "zh") for s in PAGES]
    + [(f"parallel/{_dir(s)}", paragraph_a_third_down(s), "en") for s in PAGES]
    + [
        ("en/part2/", "part2-a2-s3-fraud", "zh"),  # a heading
        ("", "", "en"),
        ("en/parallel/", "", "zh"),
    ]
)  # at the top of a page


def test_the_language_switch_keeps_page_and_paragraph(browser: Browser, site_url: str) -> None:
    assert check_language_switch(browser, site_url, SWITCHES) == []


def test_a_switcher_without_the_fragment_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    for html in site_copy.rglob("*.html"):
        html.write_text(
            re.sub(r'<script src="[^"]*reader\.js"></script>', "", html.read_text(encoding="utf-8")), encoding="utf-8"
        )
    findings = check_language_switch(browser, copy_url, [("part2/", "part2-a2-s3-fraud-p1", "en")])
    assert "part2/ -> en: landed with fragment '#', expected '#part2-a2-s3-fraud-p1'" in findings


# Search: test_search_browser.py (the quality table, each language its own, highlights, keys, downloads)


# The side-by-side view -----------------------------------------------------------------------------


def _views() -> dict[str, list[str]]:
    return {f"{prefix}parallel/{_dir(stem)}": ids for stem, ids in VIEWS.items() for prefix in ("", "en/")}


def test_the_side_by_side_view_shows_every_paragraph_pair(browser: Browser, site_url: str) -> None:
    assert check_side_by_side(browser, site_url, _views()) == []


def test_a_side_by_side_page_missing_a_translation_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "parallel" / "part1" / "index.html"  # as if the English of the first row were missing
    page.write_text(
        re.sub(
            r'<div class="parallel__cell" lang="en">.*?</div>',
            '<div class="parallel__cell" lang="en"></div>',
            page.read_text(encoding="utf-8"),
            count=1,
            flags=re.S,
        ),
        encoding="utf-8",
    )
    findings = check_side_by_side(browser, copy_url, {"parallel/part1/": VIEWS["part1"]})
    assert findings == [f"parallel/part1/ ({w}px) part1: the pair is incomplete: no English" for w in (1280, 390)]


# Paragraph permalinks, phones, accessibility, print -------------------------------------------------


def test_a_paragraph_shows_its_permalink_on_hover_and_keyboard_focus(browser: Browser, site_url: str) -> None:
    assert (
        check_permalinks(browser, site_url, "part1/") == []
        and check_permalinks(browser, site_url, "en/parallel/part2/") == []
    )


def test_permalinks_shown_all_the_time_are_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "reader.css", "opacity: 0;", "opacity: 1;")
    assert check_permalinks(browser, copy_url, "part1/") == [
        "part1/: the permalink of 'part1-q1-p1' shows before the paragraph is hovered"
    ]


def test_a_page_wider_than_a_phone_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "parallel" / "part3" / "index.html",
        '<div class="parallel">',
        '<div class="parallel" style="min-width: 40rem">',
    )
    findings = check_no_horizontal_scroll(browser, copy_url, ["parallel/part3/"])
    assert len(findings) == 1 and findings[0].startswith("parallel/part3/: "), findings


def test_a_page_without_its_language_is_caught_by_axe(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "en" / "parallel" / "part2" / "index.html", '<html lang="en"', "<html")
    findings = check_accessibility(browser, copy_url, ["en/parallel/part2/"])
    assert any(f.startswith("en/parallel/part2/: [serious] html-has-lang") for f in findings), findings


def test_a_page_prints_as_clean_text(browser: Browser, site_url: str) -> None:
    assert (
        check_print(browser, site_url, ["", "part2/", "en/part3/", "parallel/part2/", "en/parallel/background/"]) == []
    )


def test_printing_without_the_print_stylesheet_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    css = site_copy / "assets" / "reader.css"
    css.write_text(css.read_text(encoding="utf-8").split("/* Print:")[0], encoding="utf-8")
    findings = check_print(browser, copy_url, ["part2/"])
    assert (
        "part2/: printed with .md-typeset .paralink" in findings
        and "part2/: printed with .md-typeset .reader-view" in findings
    )


# Screenshots -----------------------------------------------------------------------------------------


def test_screenshots_of_both_home_pages_and_a_side_by_side_page(browser: Browser, site_url: str) -> None:
    shots = [
        screenshot(browser, site_url, "", "home-zh.png"),
        screenshot(browser, site_url, "en/", "home-en.png"),
        screenshot(browser, site_url, "parallel/part2/", "side-by-side-part2-zh.png"),
        screenshot(browser, site_url, "en/parallel/part2/", "side-by-side-part2-en-phone.png", NARROW),
    ]
    for shot in shots:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
