"""Reading through the edition in a real browser (the one chromium of tests/conftest.py): five round trips
in a row between the languages and between the two views land on the same row, at 1280 and 390 px; the
keyboard reaches the header's switch between the views; Chinese quotation marks take a Chinese font.
Each check also runs on a broken copy of the site, axe-core and the footer's link to the About page too,
whose runs over every page are in test_browser_pages.py; screenshots go to test-output/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import NARROW, WIDE, check_accessibility
from browser_reading import (
    Via,
    check_chinese_quotes,
    check_footer_about,
    check_round_trips,
    check_switch_by_keyboard,
    page_screenshot,
    readme_picture,
)
from conftest import replace_once
from playwright.sync_api import Browser, ViewportSize

pytestmark = pytest.mark.browser


ROUND_TRIPS = [  # (path, paragraph scrolled to the top, switch): the language menu, or the header's view switch
    ("parallel/part2/", "part2-a2-s3-fraud-p1", "language"),  # side-by-side rows touch: the drift of issue 15
    ("part2/", "part2-a2-s3-fraud-p1", "language"),
    ("en/parallel/part3/", "part3-a2-p1", "language"),
    ("part2/", "part2-a2-s3-fraud-p1", "view"),
    ("en/parallel/part3/", "part3-a2-p1", "view"),
]


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "390px"])
@pytest.mark.parametrize(("path", "paragraph", "via"), ROUND_TRIPS)
def test_five_round_trips_in_a_row_land_on_the_same_row(
    browser: Browser, site_url: str, path: str, paragraph: str, via: Via, viewport: ViewportSize
) -> None:
    assert check_round_trips(browser, site_url, path, paragraph, viewport, via) == []


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "390px"])
@pytest.mark.parametrize(("path", "paragraph"), [("part3/", "part3-a2-p1"), ("en/parallel/part2/", "part2-a2-s4-p1")])
def test_the_keyboard_reaches_the_view_switch_and_it_keeps_the_paragraph(
    browser: Browser, site_url: str, path: str, paragraph: str, viewport: ViewportSize
) -> None:
    assert check_switch_by_keyboard(browser, site_url, path, paragraph, viewport) == []


def test_a_view_switch_the_keyboard_cannot_reach_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "part3" / "index.html",
        'class="md-header__button md-icon" title="中英对照阅读"',
        'tabindex="-1" class="md-header__button md-icon" title="中英对照阅读"',
    )
    assert check_switch_by_keyboard(browser, copy_url, "part3/", "part3-a2-p1", WIDE) == [
        "part3/ (1280px, keyboard): the Tab key never reaches the switch to the other view"
    ]


def test_a_switch_that_drifts_a_row_up_each_trip_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "reader.js", "const SLACK = 2;", "const SLACK = 0;")
    findings = check_round_trips(browser, copy_url, "parallel/part2/", "part2-a2-s3-fraud-p1", WIDE, "language")
    assert len(findings) == 1 and re.fullmatch(
        r"parallel/part2/ \(1280px, language\): switch \d+ of 10 \(/(en/)?parallel/part2/\): landed at '#part2-a2-s3-.*'",
        findings[0],
    ), findings


def test_a_view_switch_that_forgets_the_paragraph_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    for page in (site_copy / "part2" / "index.html", site_copy / "parallel" / "part2" / "index.html"):
        replace_once(
            page, '" data-keep-paragraph>\n', '">\n'
        )  # the header's switch (the link above the title keeps it)
    assert check_round_trips(browser, copy_url, "part2/", "part2-a2-s3-fraud-p1", NARROW, "view") == [
        "part2/ (390px, view): switch 1 of 10 (/parallel/part2/): landed at '#'"
    ]


def test_speaker_labels_that_fade_into_the_dark_scheme_are_caught(
    browser: Browser, site_copy: Path, copy_url: str
) -> None:
    replace_once(
        site_copy / "assets" / "site.css",
        ".turn .speaker { color: var(--md-typeset-a-color); }",
        ".turn .speaker { color: var(--md-primary-fg-color); }",
    )
    findings = check_accessibility(browser, copy_url, ["part1/"], NARROW, "dark")
    assert findings and all(f.startswith("part1/: [serious] color-contrast:") and ".speaker" in f for f in findings), (
        findings
    )
    assert check_accessibility(browser, copy_url, ["part1/"], NARROW, "light") == []


def test_a_footer_without_the_about_link_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "en" / "parallel" / "part1" / "index.html"
    page.write_text(
        re.sub(r'<a href="[^"]*" class="reader-about">[^<]*</a>', "", page.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    assert check_footer_about(browser, copy_url, ["en/parallel/part1/", "en/part1/"], WIDE) == [
        "en/parallel/part1/: no link to the About page in the footer"
    ]


CHINESE_PAGES = ["", "background/", "part1/", "part2/", "part3/", "about/", "parallel/part1/", "en/parallel/part3/"]


def test_chinese_quotation_marks_take_a_chinese_font(browser: Browser, site_url: str) -> None:
    assert check_chinese_quotes(browser, site_url, CHINESE_PAGES) == []


def test_chinese_quotation_marks_in_a_latin_font_are_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "site.css", 'html[lang|="zh"] { --md-text-font: var(--reader-zh-fonts); }', "")
    findings = check_chinese_quotes(browser, copy_url, ["part1/", "en/parallel/part3/"])
    assert len(findings) == 1 and re.fullmatch(r"part1/: “ is 0\.\d\d em wide in Chinese text: .*", findings[0]), (
        findings
    )


def test_screenshots_of_the_front_matter_and_the_side_by_side_view_on_a_phone_in_dark_mode(
    browser: Browser, site_url: str
) -> None:
    shots = [
        page_screenshot(browser, site_url, path, name, NARROW, "dark")
        for path, name in [
            ("about/", "about-zh-phone-dark.png"),
            ("en/about/", "about-en-phone-dark.png"),
            ("parallel/part2/#part2-a2-s3-fraud", "side-by-side-part2-zh-phone-dark.png"),
            ("en/parallel/part1/#table-headline", "side-by-side-part1-en-table-phone-dark.png"),
            ("en/glossary/", "glossary-en-phone-dark.png"),
        ]
    ]
    for shot in [*shots, readme_picture(browser, site_url)]:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
