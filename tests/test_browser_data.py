"""The charts and tables in a real browser, on a desktop and a phone, light and dark: each check of
tests/browser_data.py (chart text under 11 px, a chart off the page's background, anything past the
screen's edge, a table wider than its column, a cell of a table read as a list with a line left
empty) run on a broken copy of the site and seen to fail, and
every table heard the same by a screen reader however it is laid out. Their runs over every page, on
every screen: test_browser_pages.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import NARROW, WIDE, each_page
from browser_data import (
    check_chart_background,
    check_chart_text,
    check_heard_alike,
    check_nothing_past_the_edge,
    screenshot_of,
    stacked_cells,
)
from conftest import replace_once
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


# Charts and tables: a desktop and a phone, light and dark ----------------------------------------------


def test_a_chart_drawn_with_smaller_text_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "charts" / "roundups-narrow.svg", 'font-size="12"', 'font-size="8"', -1)
    findings = check_chart_text(browser, copy_url, ["data/"], NARROW, "light")
    assert len(findings) == 1 and findings[0].startswith("data/ (390px, light) chart-roundups: text rendered at 8."), (
        findings
    )
    assert "(roundups-narrow.svg: 8px drawn 350 of 350px wide)" in findings[0]


def test_a_phone_shown_the_wide_drawing_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "en" / "data" / "index.html", 'src="../charts/changes-narrow.svg"', 'src="../charts/changes.svg"'
    )
    assert check_chart_text(browser, copy_url, ["en/data/"], NARROW, "light") == [
        "en/data/ (390px, light) chart-changes: text rendered at 6.2px (changes.svg: 12px drawn 350 of 680px wide)"
    ]


def test_a_chart_shown_in_both_schemes_at_once_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "site.css", ".md-typeset .data-chart__dark, ", ".md-typeset .no-such-chart, ")
    assert check_chart_text(browser, copy_url, ["data/"], WIDE, "light") == [
        f"data/ (1280px, light) chart-{name}: 2 drawings shown, not one" for name in ("changes", "roundups", "fraud")
    ]


def test_a_white_chart_on_a_dark_page_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "en" / "charts" / "fraud-narrow-dark.svg", ".paper{fill:#1e2129}", ".paper{fill:#ffffff}")
    findings = check_chart_background(browser, copy_url, ["en/data/"], NARROW, "dark")
    assert len(findings) == 1, findings
    assert findings[0].startswith("en/data/ (390px, dark) chart-fraud: the chart's background rgb(255, 255, 255) ")


def test_a_table_laid_out_wider_than_a_phone_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "site.css", "@container (max-width: 640px)", "@container (max-width: 1px)")
    findings = check_nothing_past_the_edge(browser, copy_url, ["part1/"], NARROW, "light")
    assert len(findings) == 1 and findings[0].startswith("part1/ (390px, light): table-headline is "), findings
    assert findings[0].endswith("px wide in a column of 358px: it is cut off or scrolls")


def test_a_cell_whose_text_leaves_a_line_empty_beside_its_column_name_is_caught(
    browser: Browser, site_copy: Path, copy_url: str
) -> None:
    css = site_copy / "assets" / "site.css"  # the column's name inline with the text, as it was first laid out
    replace_once(css, "td { display: flow-root; padding-left: 9em; }", "td { padding-left: 9em; }")
    replace_once(css, "float: left; width: 8em;", "display: inline-block; vertical-align: top; width: 8em;")
    findings = each_page(browser, copy_url, ["en/part2/"], stacked_cells, NARROW, "dark")
    assert any(
        f.startswith("en/part2/ (390px, dark): Yingde City, Reason for inclusion: a gap of ") for f in findings
    ), findings


def test_a_table_that_runs_off_the_screen_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    css = site_copy / "assets" / "site.css"
    replace_once(css, "@container (max-width: 640px)", "@container (max-width: 1px)")
    css.write_text(
        css.read_text(encoding="utf-8")
        + ".md-typeset .md-typeset__scrollwrap, .md-typeset table:not([class]) { overflow: visible; max-width: none; }",
        encoding="utf-8",
    )
    findings = check_nothing_past_the_edge(browser, copy_url, ["en/part1/"], NARROW, "dark")
    assert any(
        f.startswith("en/part1/ (390px, dark): <div.md-typeset__table> spans ")
        and f.endswith("past the screen, outside a scroll container (the page scrolls sideways)")
        for f in findings
    ), findings


@pytest.mark.parametrize(
    ("path", "table"),
    [
        ("part1/", "table-headline"),
        ("en/part2/", "table-localities"),
        ("en/data/", "table-operation-results"),
        ("data/", "table-campaigns"),
    ],
)
def test_a_table_read_as_a_list_on_a_phone_is_the_same_table_to_a_screen_reader(
    browser: Browser, site_url: str, path: str, table: str
) -> None:
    assert check_heard_alike(browser, site_url, path, table) == []


def test_column_names_read_out_in_every_cell_are_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "assets" / "site.css", ' content: attr(data-label) / "";', "")
    findings = check_heard_alike(browser, copy_url, "en/part1/", "table-headline")
    assert len(findings) == 1, findings
    assert findings[0].startswith("en/part1/ table-headline: a screen reader hears it otherwise at 390px: ")
    assert "Figure 655,000" in findings[0] and "not '- " in findings[0]


def test_screenshots_of_the_charts_and_tables_on_a_phone_in_dark_mode(browser: Browser, site_url: str) -> None:
    shots = [
        screenshot_of(browser, site_url, "data/", "#section-charts", "charts-zh-phone-dark.png", NARROW, "dark"),
        screenshot_of(browser, site_url, "en/data/", "#section-charts", "charts-en-phone-dark.png", NARROW, "dark"),
        screenshot_of(
            browser, site_url, "part1/", "#section-headline", "table-part1-zh-phone-dark.png", NARROW, "dark"
        ),
        screenshot_of(
            browser, site_url, "en/part2/", "#section-operations", "table-part2-en-phone-dark.png", NARROW, "dark"
        ),
    ]
    for shot in shots:
        assert Path(shot).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and Path(shot).stat().st_size > 10_000
