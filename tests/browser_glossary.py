"""Browser checks of what explains the English text: translator's notes (numbered notes, linked both
ways, in the single and the side-by-side views) and glossary tooltips (on hover and on keyboard focus).
Each returns its findings as `path: what` lines (tests/browser.py has the harness)."""

from __future__ import annotations

import contextlib

from browser import new_page
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError


def _in_view(page: Page, element_id: str) -> bool:
    """Whether the element is on the screen, below the sticky header."""
    return bool(
        page.evaluate(
            """id => { const el = document.getElementById(id); if (!el) return false;
            const top = el.getBoundingClientRect().top, header = document.querySelector('.md-header');
            return top >= header.getBoundingClientRect().bottom - 2 && top < innerHeight; }""",
            element_id,
        )
    )


def _wait_in_view(page: Page, element_id: str, hash_: str) -> bool:
    """Wait until the address has `hash_` and the element is on the screen (a browser scrolls after the click)."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """([id, hash]) => { const el = document.getElementById(id); if (!el || location.hash !== hash) return false;
            const top = el.getBoundingClientRect().top;
            return top >= document.querySelector('.md-header').getBoundingClientRect().bottom - 2 && top < innerHeight; }""",
            arg=[element_id, hash_],
            timeout=3000,
        )
    return page.evaluate("() => location.hash") == hash_ and _in_view(page, element_id)


def check_notes(browser: Browser, base: str, path: str) -> list[str]:
    """Each translator's note of the page is a numbered note: its reference in the text shows its number
    (1, 2, … in the order of the text) and links to the note at the foot of the page, which carries the
    same number and links back to the reference."""
    findings: list[str] = []
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        refs: list[dict[str, str]] = page.eval_on_selector_all(
            'sup[id^="fnref:tn-"] > a',
            "links => links.map(a => ({id: a.parentElement.id, number: a.textContent.trim(), href: a.getAttribute('href')}))",
        )
        if not refs:
            return [f"{path}: no translator's note"]
        for n, ref in enumerate(refs, 1):
            label = ref["id"].removeprefix("fnref:")
            where = f"{path} [^{label}]"
            if ref["number"] != str(n):
                findings.append(f"{where}: its reference is numbered '{ref['number']}', expected {n}")
            note = page.evaluate(
                """id => { const el = document.getElementById(id); if (!el) return null;
                const list = el.parentElement;
                return {number: [...list.children].indexOf(el) + 1, numbered: getComputedStyle(list).listStyleType,
                        shown: el.getClientRects().length > 0 && el.innerText.trim().length > 0,
                        back: (el.querySelector('a.footnote-backref') || {getAttribute: () => null}).getAttribute('href')}; }""",
                f"fn:{label}",
            )
            if note is None or not note["shown"]:
                findings.append(f"{where}: no note at the foot of the page")
                continue
            if note["number"] != n or note["numbered"] != "decimal":
                findings.append(f"{where}: the note is not shown as note {n} ({note['numbered']} #{note['number']})")
            page.click(f'[id="{ref["id"]}"] > a')
            if not _wait_in_view(page, f"fn:{label}", f"#fn:{label}"):
                findings.append(f"{where}: its reference does not lead to the note (it links to '{ref['href']}')")
                continue
            if note["back"] != f"#{ref['id']}":
                findings.append(f"{where}: the note does not link back to its reference (it links to '{note['back']}')")
                continue
            page.click(f'[id="fn:{label}"] a.footnote-backref')
            if not _wait_in_view(page, ref["id"], f"#{ref['id']}"):
                findings.append(f"{where}: the note's link back does not bring the reference onto the screen")
    return findings


ACTIVE_TOOLTIP = "() => [...document.querySelectorAll('.md-tooltip2--active')].map(t => t.textContent.trim())"


def _tooltip_shows(page: Page, title: str) -> bool:
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(f"title => ({ACTIVE_TOOLTIP})().includes(title)", arg=title, timeout=2000)
        return True
    return False


def check_tooltips(browser: Browser, base: str, path: str) -> list[str]:
    """A glossary term shows its Chinese and note in a tooltip when the pointer is over it, and when it
    gets the keyboard focus (by Tab, as a keyboard user reaches it); the tooltip goes when the pointer leaves."""
    findings: list[str] = []
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        titles: list[str] = page.eval_on_selector_all(
            "article abbr.glossary-term", "terms => terms.map(t => t.getAttribute('title'))"
        )
        if not titles:
            return [f"{path}: no glossary term"]
        first = page.locator("article abbr.glossary-term").first
        term = first.inner_text()
        first.hover()
        if not _tooltip_shows(page, titles[0]):
            findings.append(f"{path}: hovering '{term}' shows no tooltip with its Chinese and note")
        page.mouse.move(0, 0)
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(f"() => ({ACTIVE_TOOLTIP})().length === 0", timeout=2000)
        if page.evaluate(ACTIVE_TOOLTIP):
            findings.append(f"{path}: the tooltip of '{term}' stays after the pointer leaves")
        for _ in range(200):
            page.keyboard.press("Tab")
            at = page.evaluate(
                "() => [...document.querySelectorAll('article abbr.glossary-term')].indexOf(document.activeElement)"
            )
            if at >= 0:
                if not _tooltip_shows(page, titles[at]):
                    findings.append(f"{path}: a glossary term with the keyboard focus shows no tooltip")
                break
        else:
            findings.append(f"{path}: no glossary term can be reached with the Tab key")
    return findings
