"""Browser checks of reading through the edition: round trips between the languages and between the two
views that keep the reader's row, the footer's link to the About page, and Chinese quotation marks in
Chinese fonts. Each returns its findings as `path: what` lines (tests/browser.py has the harness)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from browser import OUTPUT, Scheme, each_page, new_page
from conftest import ROOT
from playwright.sync_api import Browser, Page, ViewportSize
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

Via = Literal["language", "view"]
README_PICTURE = ROOT / ".github" / "readme" / "side-by-side.png"  # README.md shows it
README_VIEWPORT: ViewportSize = {"width": 1100, "height": 620}
SWITCH = {"view": ".md-header .reader-switch a"}


def _scroll_to_top(page: Page, paragraph: str) -> float:
    """Scroll `paragraph` just below the sticky header; its distance from the header (4 when it could be)."""
    top: float = page.evaluate(
        """id => {
        const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const el = document.getElementById(id);
        window.scrollBy(0, el.getBoundingClientRect().top - top - 4);
        return el.getBoundingClientRect().top - top;
    }""",
        paragraph,
    )
    return top


def _switch(page: Page, via: Via) -> None:
    """Follow the language menu to the other language, or the header's switch to the other view, with the
    mouse, as a reader does (Playwright's click would scroll the page first)."""
    if via == "language":
        lang = "zh" if urlsplit(page.url).path.split("/")[1:2] == ["en"] else "en"
        page.hover(".md-header .md-select")  # opens the language menu
        target = page.locator(f"a.md-select__link[hreflang='{lang}']")
    else:
        target = page.locator(SWITCH["view"])
    box = target.bounding_box()
    assert box is not None, f"{page.url}: no {via} switch"
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_load_state()


def _landed(page: Page, paragraph: str) -> str:
    """'' if `paragraph` is the page's fragment and at the top of the screen, else what is wrong."""
    with contextlib.suppress(PlaywrightTimeoutError):  # reported below
        page.wait_for_function(
            "id => { const el = document.getElementById(id); return !el || el.getBoundingClientRect().top < innerHeight / 4; }",
            arg=paragraph,
            timeout=2000,
        )
    now = page.evaluate(
        """id => { const el = document.getElementById(id);
        return {hash: location.hash.slice(1), top: el && el.getBoundingClientRect().top,
                header: document.querySelector('.md-header').getBoundingClientRect().bottom, height: innerHeight}; }""",
        paragraph,
    )
    if now["hash"] != paragraph:
        return f"landed at '#{now['hash']}'"
    if now["top"] is None or not now["header"] - 1 <= now["top"] <= now["header"] + 0.25 * now["height"]:
        return f"'{paragraph}' is at {now['top']}px, not at the top of the screen"
    return ""


def check_round_trips(
    browser: Browser, base: str, path: str, paragraph: str, viewport: ViewportSize, via: Via, trips: int = 5
) -> list[str]:
    """Scroll `paragraph` of `path` to the top of the screen, then switch `trips` times there and back
    (`via` the language menu or the header's switch between the views) without touching the page
    otherwise: each switch must land on the same paragraph, at the top of the screen."""
    where = f"{path or '/'} ({viewport['width']}px, {via})"
    with new_page(browser, base, viewport) as (page, _):
        page.goto(base + path)
        if abs(_scroll_to_top(page, paragraph) - 4) > 1:
            return [f"{where}: cannot scroll '{paragraph}' to the top of the screen"]
        for n in range(1, 2 * trips + 1):
            _switch(page, via)
            wrong = _landed(page, paragraph)
            if wrong:
                return [f"{where}: switch {n} of {2 * trips} ({urlsplit(page.url).path}): {wrong}"]
    return []


def check_switch_by_keyboard(
    browser: Browser, base: str, path: str, paragraph: str, viewport: ViewportSize
) -> list[str]:
    """With `paragraph` at the top of the screen, the Tab key reaches the header's switch to the other view
    (the page stays where it is), and Enter opens the other view at that paragraph."""
    where = f"{path} ({viewport['width']}px, keyboard)"
    with new_page(browser, base, viewport) as (page, _):
        page.goto(base + path)
        _scroll_to_top(page, paragraph)
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => document.activeElement.matches({SWITCH['view']!r})"):
                break
        else:
            return [f"{where}: the Tab key never reaches the switch to the other view"]
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state()
        wrong = _landed(page, paragraph)
        return [f"{where}: Enter on the switch opened {urlsplit(page.url).path}: {wrong}"] if wrong else []


def footer_about(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """The page's footer links to the About page of its language, and Enter on the link opens it (the
    browser leaves the page: run it last)."""
    lang = page.evaluate("document.documentElement.lang")
    link = page.locator(".md-footer-meta a.reader-about")
    if link.count() != 1:
        return [f"{path or '/'}: no link to the About page in the footer"]
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    landed = urlsplit(page.url).path.removeprefix("/")  # the site is served at the host's root (browser.serve)
    expected = "about/" if lang == "zh" else f"{lang}/about/"
    if landed != expected:
        return [f"{path or '/'}: the footer's About link opens /{landed}, not /{expected}"]
    return []


def check_footer_about(browser: Browser, base: str, paths: list[str], viewport: ViewportSize) -> list[str]:
    """Every page's footer links to the About page of its own language, and the link, reached with the
    keyboard and followed with Enter, opens it."""
    return each_page(browser, base, paths, footer_about, viewport)


def check_chinese_quotes(browser: Browser, base: str, paths: list[str], scheme: Scheme = "light") -> list[str]:
    """On Chinese pages the quotation marks “ ” of Chinese text are full width (a Chinese font's), not a
    Latin font's narrow ones: the first paragraph with one, its “ measured in its own font."""
    findings: list[str] = []
    with new_page(browser, base, scheme=scheme) as (page, _):
        for path in paths:
            page.goto(base + path)
            width = page.evaluate("""() => {
                const p = [...document.querySelectorAll('article p')].find(p => p.textContent.includes('“')
                    && getComputedStyle(p).display !== 'none' && (p.closest('[lang]') || {}).lang === 'zh');
                if (!p) return null;
                const mark = document.createElement('span');
                mark.textContent = '“';
                p.appendChild(mark);
                const em = parseFloat(getComputedStyle(mark).fontSize), width = mark.getBoundingClientRect().width;
                mark.remove();
                return width / em;
            }""")
            if width is None:
                findings.append(f"{path or '/'}: no Chinese paragraph with a quotation mark")
            elif width < 0.8:
                findings.append(
                    f"{path or '/'}: “ is {width:.2f} em wide in Chinese text: a Latin font's, not a Chinese one's"
                )
    return findings


def page_screenshot(
    browser: Browser, base: str, path: str, name: str, viewport: ViewportSize, scheme: Scheme = "light"
) -> Path:
    """A screenshot of the screen at `path` (as a reader first sees it), written to test-output/`name`."""
    OUTPUT.mkdir(exist_ok=True)
    target = OUTPUT / name
    with new_page(browser, base, viewport, scheme) as (page, _):
        page.goto(base + path, wait_until="networkidle")
        page.screenshot(path=str(target), full_page=False)
    return target


def readme_picture(browser: Browser, base: str) -> Path:
    """The README's picture of what a reader gets: a side-by-side page as it first shows on a desktop. It
    goes to test-output/; with README_SCREENSHOT=1 in the environment, to the README's copy too."""
    shot = page_screenshot(browser, base, "parallel/part2/", "readme-side-by-side.png", README_VIEWPORT)
    if os.environ.get("README_SCREENSHOT"):
        README_PICTURE.parent.mkdir(parents=True, exist_ok=True)
        README_PICTURE.write_bytes(shot.read_bytes())
    return shot
