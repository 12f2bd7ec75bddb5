"""Every page of both languages and both views in a real browser, on each screen (1280 and 390 px, light
and dark), each loaded once per screen for all the checks below (tests/browser_pages.py): no console error
and no request to another host, nothing wider than a phone, nothing past the screen's edge and every table
in its column, no line of a cell left empty where a table reads as a list, chart text no smaller than
11 px and each chart on the page's background, no serious or critical axe-core violation, a footer that
leads to the About page. The tests that feed each check a
broken copy of the site stand beside its other tests (test_browser.py, test_browser_data.py,
test_browser_reading.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser import NARROW, SCREENS, WIDE, Scheme
from browser_pages import sweep
from conftest import replace_once
from playwright.sync_api import Browser, ViewportSize

pytestmark = pytest.mark.browser

SCREEN_IDS = [f"{v['width']}px-{s}" for v, s in SCREENS]
Swept = Callable[[ViewportSize, Scheme], dict[str, list[str]]]


@pytest.fixture(scope="module")
def swept(browser: Browser, site_url: str, paths: list[str]) -> Swept:
    """The findings on one screen, by check: every page loaded once on that screen, the first time a test asks."""
    done: dict[tuple[int, Scheme], dict[str, list[str]]] = {}

    def on(viewport: ViewportSize, scheme: Scheme) -> dict[str, list[str]]:
        key = (viewport["width"], scheme)
        if key not in done:
            done[key] = sweep(browser, site_url, paths, viewport, scheme)
        return done[key]

    return on


def test_every_page_is_swept_about_and_side_by_side_pages_among_them(paths: list[str]) -> None:
    assert {
        "",
        "en/",
        "about/",
        "en/about/",
        "changes/",
        "data/",
        "en/data/",
        "parallel/part2/",
        "en/parallel/",
    } <= set(paths)


def test_no_page_logs_an_error_or_asks_another_host(swept: Swept) -> None:
    assert swept(WIDE, "light")["console"] == []


def test_no_page_scrolls_sideways_on_a_phone(swept: Swept) -> None:
    assert swept(NARROW, "light")["width"] == []


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS, ids=SCREEN_IDS)
def test_nothing_on_any_page_reaches_past_the_screen_and_every_table_fits_its_column(
    swept: Swept, viewport: ViewportSize, scheme: Scheme
) -> None:
    assert swept(viewport, scheme)["edge"] == []


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS, ids=SCREEN_IDS)
def test_a_table_read_as_a_list_leaves_no_line_of_a_cell_empty(
    swept: Swept, viewport: ViewportSize, scheme: Scheme
) -> None:
    assert swept(viewport, scheme)["stacked cells"] == []


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS, ids=SCREEN_IDS)
def test_no_chart_text_is_rendered_under_11_px(swept: Swept, viewport: ViewportSize, scheme: Scheme) -> None:
    assert swept(viewport, scheme)["chart text"] == []


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS, ids=SCREEN_IDS)
def test_every_chart_stands_on_the_pages_background(swept: Swept, viewport: ViewportSize, scheme: Scheme) -> None:
    assert swept(viewport, scheme)["chart background"] == []


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS, ids=SCREEN_IDS)
def test_no_page_has_a_serious_or_critical_violation_at_either_width_in_either_scheme(
    swept: Swept, viewport: ViewportSize, scheme: Scheme
) -> None:
    assert swept(viewport, scheme)["axe"] == []


def test_every_footer_leads_to_the_about_page_of_its_language(swept: Swept) -> None:
    assert swept(NARROW, "light")["footer"] == []


def test_a_broken_copy_is_caught_by_each_check_of_the_sweep(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "en" / "part2" / "index.html"
    replace_once(page, '<html lang="en"', "<html")  # axe: html-has-lang
    replace_once(page, "</head>", '<link rel="stylesheet" href="https://fonts.example.com/a.css"></head>')
    replace_once(
        page, '<article class="md-content__inner', '<article style="min-width: 60rem" class="md-content__inner'
    )
    replace_once(page, 'class="md-footer-meta', 'class="md-footer-meta-gone', -1)  # no About link in the footer
    wide, phone = (sweep(browser, copy_url, ["en/part2/"], v, "light") for v in (WIDE, NARROW))
    assert "en/part2/: request to another host: https://fonts.example.com/a.css" in wide["console"]
    assert any(f.startswith("en/part2/: [serious] html-has-lang") for f in wide["axe"]), wide["axe"]
    assert phone["width"] and phone["width"][0].startswith("en/part2/: "), phone["width"]
    assert any("past the screen" in f for f in phone["edge"]), phone["edge"]
    assert phone["footer"] == ["en/part2/: no link to the About page in the footer"]
