"""Every page of the site on each screen (a desktop and a phone, light and dark), loaded once per screen:
each per-page check of the browser tests runs on the page as it stands loaded. The checks are those of
tests/browser.py, browser_data.py and browser_reading.py; each is also run alone, on a broken copy of the
site, by a test of its own. Loading the pages once for all their checks, not once for each, is most of
what the browser tests spend (`make bench`)."""

from __future__ import annotations

from browser import (
    NARROW,
    SCREENS,
    WIDE,
    PageCheck,
    Scheme,
    Screen,
    axe_violations,
    new_page,
    page_width,
    record_errors,
)
from browser_data import chart_background, chart_text, past_the_edge, stacked_cells
from browser_reading import footer_about
from playwright.sync_api import Browser, ViewportSize

PHONE: list[Screen] = [(NARROW, "light")]
# Each check, the screens it runs on, in the order it runs on a page: those that only measure first, then
# the one that scrolls, then axe (it adds its script to the page), then the footer's (it leaves the page).
CHECKS: list[tuple[str, PageCheck, list[Screen]]] = [
    ("width", page_width, PHONE),
    ("edge", past_the_edge, SCREENS),
    ("stacked cells", stacked_cells, SCREENS),
    ("chart text", chart_text, SCREENS),
    ("chart background", chart_background, SCREENS),
    ("axe", axe_violations, SCREENS),
    ("footer", footer_about, PHONE),
]
# Where the console and the requests to other hosts are watched: each page waits there for the network
# to go quiet (half a second), so that a late request is seen too.
CONSOLE: Screen = (WIDE, "light")


def sweep(
    browser: Browser, base: str, paths: list[str], viewport: ViewportSize, scheme: Scheme
) -> dict[str, list[str]]:
    """The findings of every check that runs on this screen (`CHECKS`, and "console" on `CONSOLE`), by
    check, each page of `paths` loaded once."""
    checks = [(name, check) for name, check, screens in CHECKS if (viewport, scheme) in screens]
    findings: dict[str, list[str]] = {name: [] for name, _ in checks}
    watch = (viewport, scheme) == CONSOLE
    with new_page(browser, base, viewport, scheme) as (page, requests):
        current = [""]
        if watch:
            findings["console"] = []
            record_errors(page, current, findings["console"])
        for path in paths:
            current[0] = path or "/"
            page.goto(base + path, wait_until="networkidle" if watch else "load")
            if watch:
                findings["console"] += [f"{current[0]}: {r}" for r in requests]
            requests.clear()
            for name, check in checks:
                findings[name] += check(page, path, viewport, scheme)
    return findings
