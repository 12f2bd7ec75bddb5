"""Helpers of the browser tests: serve a built site, drive Debian's chromium through Playwright, and
checks that return their findings as `path: what` lines, so that each check can also be run on a
broken copy of the site and be seen to fail."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal, TypedDict
from urllib.parse import urlsplit

from conftest import ROOT
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route, ViewportSize, Worker
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright's own browser download does not work here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = ROOT / "test-output"
WIDE: ViewportSize = {"width": 1280, "height": 900}
NARROW: ViewportSize = {"width": 390, "height": 844}
SHORT: ViewportSize = {"width": 1024, "height": 420}
Scheme = Literal["light", "dark"]
Screen = tuple[ViewportSize, Scheme]
# Every screen and colour scheme a page is read in: a desktop and a phone, light and dark.
SCREENS: list[Screen] = [(v, s) for v in (WIDE, NARROW) for s in ("light", "dark")]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that closes a page mid-transfer is no error of the site


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve a built site from a thread on 127.0.0.1, on a free port; yield its base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def site_paths(root: Path) -> list[str]:
    """Every page of the built site, both languages and both views, as paths below its base URL."""
    return sorted(
        "" if p.parent == root else p.parent.relative_to(root).as_posix() + "/" for p in root.rglob("index.html")
    )


@contextmanager
def new_page(
    browser: Browser, base: str, viewport: ViewportSize | None = None, scheme: Scheme = "light"
) -> Iterator[tuple[Page, list[str]]]:
    """A page in a fresh context, its screen `viewport` and the reader's preferred colour `scheme` (Material
    follows it: light or dark); requests to any other host are recorded (as findings) and aborted."""
    context: BrowserContext = browser.new_context(viewport=viewport or WIDE, color_scheme=scheme)
    findings: list[str] = []

    def elsewhere(url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https", "ws", "wss") and not url.startswith(base)

    def record(route: Route) -> None:
        findings.append(f"request to another host: {route.request.url}")
        route.abort()

    context.route(elsewhere, record)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page, findings
    finally:
        context.close()


def record_errors(page: Page, current: list[str], findings: list[str]) -> None:
    """From now on, each error that `page` logs (in the page or in a worker) is a finding, of the path
    `current[0]` (which the caller sets as it moves from page to page)."""

    def error(text: str) -> None:
        findings.append(f"{current[0]}: {text}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            error(f"console error: {message.text} ({message.location.get('url')})")

    def on_page_error(exception: PlaywrightError) -> None:
        error(f"uncaught error: {exception}")

    def on_worker_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            error(f"worker error: {message.text}")

    def on_worker(worker: Worker) -> None:
        worker.on("console", on_worker_console)

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("worker", on_worker)


def check_console_and_hosts(browser: Browser, base: str, paths: list[str]) -> list[str]:
    """No page logs an error (in the page or in a worker) or asks another host for anything."""
    findings: list[str] = []
    with new_page(browser, base) as (page, requests):
        current = [""]
        record_errors(page, current, findings)
        for path in paths:
            current[0] = path or "/"
            page.goto(base + path, wait_until="networkidle")
            findings += [f"{current[0]}: {r}" for r in requests]
            requests.clear()
    return findings


class _Where(TypedDict):
    header: float  # px from the top of the screen
    height: int  # px
    path: str
    hash: str  # without the '#'


def _where_now(page: Page) -> _Where:
    """Where the page is: its path and fragment, the bottom of its sticky header, the screen's height."""
    where: _Where = page.evaluate("""() => ({
        header: document.querySelector('.md-header').getBoundingClientRect().bottom,
        height: window.innerHeight,
        path: location.pathname, hash: location.hash.slice(1)})""")
    return where


def switch_language(page: Page, base: str, path: str, paragraph: str, lang: str) -> list[str]:
    """Scroll `paragraph` of `path` to the top of the screen (none: stay at the top of the page), pick
    `lang` in the language menu, and report unless the twin page opens with that paragraph at the top
    of the screen."""
    page.goto(base + path)
    where = f"{path or '/'} -> {lang}"
    top = (
        4
        if not paragraph
        else page.evaluate(
            """id => {
        const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const el = document.getElementById(id);
        window.scrollBy(0, el.getBoundingClientRect().top - top - 4);
        return el.getBoundingClientRect().top - top;
    }""",
            paragraph,
        )
    )
    if abs(top - 4) > 1:
        return [f"{where}: cannot scroll '{paragraph}' to the top of the screen (the page is too short)"]
    page.hover(".md-header .md-select")  # opens the language menu
    box = page.locator(f"a.md-select__link[hreflang='{lang}']").bounding_box()
    assert box is not None, f"{where}: no language link '{lang}'"
    with page.expect_navigation():  # the mouse, as a reader clicks: Playwright's click would scroll the page first
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_load_state()
    if paragraph:  # the browser scrolls to the fragment as the page loads; give it a moment if need be
        with contextlib.suppress(PlaywrightTimeoutError):  # reported below
            page.wait_for_function(
                "id => { const el = document.getElementById(id);"
                " return !el || el.getBoundingClientRect().top < innerHeight / 4; }",
                arg=paragraph,
                timeout=2000,
            )
    expected = urlsplit(base).path + ("" if lang == "zh" else f"{lang}/") + path.removeprefix("en/")
    now = _where_now(page)
    findings: list[str] = []
    if now["path"] != expected:
        findings.append(f"{where}: landed on {now['path']}, expected the twin page {expected}")
    if now["hash"] != paragraph:
        findings.append(f"{where}: landed with fragment '#{now['hash']}', expected '#{paragraph}'")
    box = page.evaluate(
        "id => { const el = document.getElementById(id); return el && el.getBoundingClientRect().toJSON(); }", paragraph
    )
    if not paragraph:  # at the top of a page: the top of its twin
        if page.evaluate("window.scrollY") != 0:
            findings.append(f"{where}: landed below the top of the page")
    elif box is None:
        findings.append(f"{where}: no element '{paragraph}' on the twin page")
    elif not now["header"] - 1 <= box["top"] <= now["header"] + 0.25 * now["height"]:
        findings.append(
            f"{where}: '{paragraph}' is at {box['top']:.0f}px, not at the top of the screen (below {now['header']:.0f}px)"
        )
    return findings


def check_language_switch(browser: Browser, base: str, cases: list[tuple[str, str, str]]) -> list[str]:
    """Each case: (path, paragraph ID, language to switch to)."""
    findings: list[str] = []
    with new_page(browser, base, SHORT) as (page, _):
        for path, paragraph, lang in cases:
            findings += switch_language(page, base, path, paragraph, lang)
    return findings


def check_side_by_side(browser: Browser, base: str, views: dict[str, list[str]]) -> list[str]:
    """Each side-by-side page (path -> the paragraph IDs it must show) is linked from its single-language
    page and shows every pair: a Chinese cell lang="zh" beside an English cell lang="en" on a wide
    screen, one after the other on a narrow one."""
    findings: list[str] = []
    with new_page(browser, base) as (page, _):
        for path, ids in views.items():
            single = path.replace("parallel/", "", 1)
            page.goto(base + single)
            link = page.eval_on_selector_all("a[data-keep-paragraph]", "links => links.map(a => a.href)")
            if base + path not in link:
                findings.append(f"{single or '/'}: no link to its side-by-side view {path}")
            for viewport in (WIDE, NARROW):
                page.set_viewport_size(viewport)
                page.goto(base + path)
                rows = page.evaluate(
                    """ids => Object.fromEntries(ids.map(id => {
                    const row = document.getElementById(id);
                    const cell = lang => row && row.querySelector(`:scope > .parallel__cell[lang="${lang}"]`);
                    const box = el => el && {...el.getBoundingClientRect().toJSON(),
                                             text: el.getClientRects().length > 0 && el.innerText.trim().length > 0};
                    return [id, row && {zh: box(cell('zh')), en: box(cell('en'))}];
                }))""",
                    ids,
                )
                for id_, row in rows.items():
                    where = f"{path} ({viewport['width']}px) {id_}"
                    if row is None:
                        findings.append(f"{where}: no row")
                    elif not (row["zh"] and row["zh"]["text"] and row["en"] and row["en"]["text"]):
                        findings.append(
                            f"{where}: the pair is incomplete: {'' if row['zh'] and row['zh']['text'] else 'no Chinese '}"
                            f"{'' if row['en'] and row['en']['text'] else 'no English'}"
                        )
                    elif viewport is WIDE and not (
                        row["zh"]["right"] <= row["en"]["left"] and abs(row["zh"]["top"] - row["en"]["top"]) < 2
                    ):
                        findings.append(f"{where}: Chinese and English are not side by side")
                    elif viewport is NARROW and not row["en"]["top"] >= row["zh"]["bottom"] - 1:
                        findings.append(f"{where}: Chinese and English are not one after the other")
            page.set_viewport_size(WIDE)
    return findings


def shown(page: Page, opacity: str) -> bool:
    """Whether the opacity that the script `opacity` reads reaches 1 (the end of its fade-in) within 10 s."""
    try:
        page.wait_for_function(f"() => ({opacity})() === '1'", timeout=10_000)
    except PlaywrightTimeoutError:
        return False
    return True


def check_permalinks(browser: Browser, base: str, path: str) -> list[str]:
    """A paragraph's link to itself is hidden until the paragraph is hovered or the link gets the
    keyboard focus (by Tab, as a keyboard user reaches it)."""
    findings: list[str] = []
    opacity = "el => getComputedStyle(el).opacity"
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        first = page.locator("article [id] > a.paralink").first
        paragraph_id = first.evaluate("a => a.parentElement.id")
        if first.evaluate(opacity) != "0":
            findings.append(f"{path}: the permalink of '{paragraph_id}' shows before the paragraph is hovered")
        page.hover(f"#{paragraph_id}")
        if not shown(page, f"() => ({opacity})(document.querySelector('#{paragraph_id} > a.paralink'))"):
            findings.append(f"{path}: hovering '{paragraph_id}' does not show its permalink")
        page.mouse.move(0, 0)
        for _ in range(100):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('a.paralink')"):
                if not shown(page, f"() => ({opacity})(document.activeElement)"):
                    findings.append(f"{path}: a permalink with the keyboard focus is not shown")
                break
        else:
            findings.append(f"{path}: no permalink can be reached with the Tab key")
    return findings


# A check of one page as it is loaded on one screen: (the page, its path, the screen's size and colour
# scheme) -> its findings. `each_page` runs one on many pages; tests/browser_pages.py runs them all at once.
PageCheck = Callable[[Page, str, ViewportSize, Scheme], list[str]]


def each_page(
    browser: Browser,
    base: str,
    paths: list[str],
    check: PageCheck,
    viewport: ViewportSize | None = None,
    scheme: Scheme = "light",
) -> list[str]:
    """The findings of `check` on each page of `paths`, loaded one after the other on one screen."""
    findings: list[str] = []
    with new_page(browser, base, viewport, scheme) as (page, _):
        for path in paths:
            page.goto(base + path)
            findings += check(page, path, viewport or WIDE, scheme)
    return findings


def page_width(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """The page is no wider than the screen (a 390 px phone: it would scroll sideways)."""
    width = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    if width > viewport["width"]:
        return [f"{path or '/'}: {width}px wide, scrolls sideways at {viewport['width']}px"]
    return []


def check_no_horizontal_scroll(browser: Browser, base: str, paths: list[str]) -> list[str]:
    """No page is wider than a 390×844 phone screen."""
    return each_page(browser, base, paths, page_width, NARROW)


def axe_violations(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """axe-core's serious and critical violations on the page (its script added to the page: run it last)."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [
        f"{path or '/'}: [{v['impact']}] {v['id']}: {v['help']} ({', '.join(v['nodes'][:3])})"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def check_accessibility(
    browser: Browser, base: str, paths: list[str], viewport: ViewportSize | None = None, scheme: Scheme = "light"
) -> list[str]:
    """axe-core finds no serious or critical violation on any page (at that screen size, in that colour scheme)."""
    return each_page(browser, base, paths, axe_violations, viewport, scheme)


PRINT_HIDDEN = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    ".md-top",
    ".md-search",
    ".md-content__button",
    ".md-typeset .headerlink",
    ".md-typeset .paralink",
    ".md-typeset .reader-view",
]


def check_print(browser: Browser, base: str, paths: list[str]) -> list[str]:
    """Printed, a page is its text alone: no navigation, search, buttons, permalinks or view links,
    and the text uses the whole width of the paper."""
    findings: list[str] = []
    with new_page(browser, base) as (page, _):
        page.emulate_media(media="print")
        for path in paths:
            page.goto(base + path)
            shown = page.evaluate(
                """selectors => selectors.filter(s => [...document.querySelectorAll(s)]
                .some(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'))""",
                PRINT_HIDDEN,
            )
            findings += [f"{path or '/'}: printed with {s}" for s in shown]
            text = page.evaluate(
                "() => { const a = document.querySelector('article'); return {chars: a.innerText.trim().length,"
                " width: a.getBoundingClientRect().width, page: document.documentElement.clientWidth}; }"
            )
            if text["chars"] < 20:
                findings.append(f"{path or '/'}: printed without its text")
            elif text["width"] < 0.9 * text["page"]:
                findings.append(
                    f"{path or '/'}: the text takes {text['width']:.0f} of {text['page']}px of the paper's width"
                )
    return findings


def screenshot(browser: Browser, base: str, path: str, name: str, viewport: ViewportSize | None = None) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    target = OUTPUT / name
    with new_page(browser, base, viewport) as (page, _):
        page.goto(base + path, wait_until="networkidle")
        page.screenshot(path=str(target), full_page=False)
    return target
