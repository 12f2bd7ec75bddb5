"""Browser checks of the data a reader sees: the charts (their text at the size it is drawn on the screen,
their background in the page's colour scheme) and the generated tables (nothing past the screen's edge,
read without scrolling, the same table to a screen reader however it is laid out). Each returns its
findings as `path (width px, scheme): what` lines, so that it can be seen to fail on a broken copy of the
site (tests/browser.py has the harness)."""

from __future__ import annotations

import base64
from itertools import pairwise

from browser import NARROW, OUTPUT, WIDE, Scheme, each_page, new_page
from playwright.sync_api import Browser, Page, ViewportSize

SMALLEST_TEXT = 11.0  # px: no chart text is rendered smaller, at any screen size tested

# Each chart shown: which of its drawings the browser chose, how wide it is drawn, and the size of the
# smallest text in that drawing's file (font-size of its <text> elements, or of the <svg> they inherit).
CHARTS_SHOWN = """async () => {
    const out = [];
    for (const figure of document.querySelectorAll('article figure.data-chart')) {
        const shown = [...figure.querySelectorAll('img')].filter(img => img.getClientRects().length > 0);
        const charts = [];
        for (const img of shown) {
            img.loading = 'eager';  // a lazy image off the screen has no source chosen yet
            await img.decode().catch(() => null);
            if (!img.currentSrc) { charts.push({file: null}); continue; }
            const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml')
                .documentElement;
            const size = el => parseFloat(el.getAttribute('font-size') || svg.getAttribute('font-size') || '16');
            const viewBox = (svg.getAttribute('viewBox') || '').split(/[ ,]+/).map(Number);
            charts.push({file: img.currentSrc.split('/').pop(), drawn: img.getBoundingClientRect().width,
                         designed: viewBox[2] || parseFloat(svg.getAttribute('width')),
                         smallest: Math.min(...[...svg.querySelectorAll('text')].map(size))});
        }
        out.push({id: figure.id, charts});
    }
    return out;
}"""


def _where(path: str, viewport: ViewportSize, scheme: Scheme) -> str:
    return f"{path or '/'} ({viewport['width']}px, {scheme})"


def chart_text(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """Each chart of the page shows one drawing, and no text of it is rendered under SMALLEST_TEXT px."""
    findings: list[str] = []
    where = _where(path, viewport, scheme)
    for figure in page.evaluate(CHARTS_SHOWN):
        if len(figure["charts"]) != 1:
            findings.append(f"{where} {figure['id']}: {len(figure['charts'])} drawings shown, not one")
        for chart in figure["charts"]:
            if not chart["file"] or not all(
                isinstance(chart[k], (int, float)) and chart[k] > 0 for k in ("smallest", "drawn", "designed")
            ):
                findings.append(f"{where} {figure['id']}: a drawing that cannot be measured: {chart}")
                continue
            rendered = chart["smallest"] * chart["drawn"] / chart["designed"]
            if rendered < SMALLEST_TEXT:
                findings.append(
                    f"{where} {figure['id']}: text rendered at {rendered:.1f}px ({chart['file']}: "
                    f"{chart['smallest']:g}px drawn {chart['drawn']:.0f} of {chart['designed']:.0f}px wide)"
                )
    return findings


def check_chart_text(
    browser: Browser, base: str, paths: list[str], viewport: ViewportSize, scheme: Scheme
) -> list[str]:
    """Each chart shows one drawing, and no text of it is rendered under SMALLEST_TEXT px: the font size
    in the SVG times the scale at which the page draws it."""
    return each_page(browser, base, paths, chart_text, viewport, scheme)


def _pixel(page: Page, x: float, y: float) -> tuple[int, int, int]:
    """The colour on the screen at (x, y) of the viewport, as a screenshot shows it."""
    png = page.screenshot(clip={"x": x, "y": y, "width": 1, "height": 1})
    rgb: list[int] = page.evaluate(
        """async data => {
        const image = await createImageBitmap(await (await fetch('data:image/png;base64,' + data)).blob());
        const canvas = new OffscreenCanvas(1, 1), context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }""",
        base64.b64encode(png).decode(),
    )
    return rgb[0], rgb[1], rgb[2]


def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG's contrast ratio of two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def chart_background(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """Each chart of the page stands on the page's background (the page is scrolled to each chart)."""
    findings: list[str] = []
    for chart in page.locator("article figure.data-chart img:visible").all():
        # the chart's top a third of the way down the screen, well below the sticky header, and drawn
        chart.evaluate(
            """async img => { window.scrollBy(0, img.getBoundingClientRect().top - innerHeight / 3);
            img.loading = 'eager'; await img.decode().catch(() => null);
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))); }"""
        )
        box = chart.bounding_box()
        assert box is not None
        inside = _pixel(page, box["x"] + 2, box["y"] + 2)
        beside = _pixel(page, 1, box["y"] + 2)  # the page's margin, left of the column
        if contrast(inside, beside) > 1.2:
            figure = chart.evaluate("img => img.closest('figure').id")
            findings.append(
                f"{_where(path, viewport, scheme)} {figure}: the chart's background rgb{inside} stands out "
                f"from the page's rgb{beside}"
            )
    return findings


def check_chart_background(
    browser: Browser, base: str, paths: list[str], viewport: ViewportSize, scheme: Scheme
) -> list[str]:
    """Each chart stands on the page's own background, in either colour scheme: the colour inside its top
    corner, on the screen, is the page's beside it (a light chart on a dark page would be a slab)."""
    return each_page(browser, base, paths, chart_background, viewport, scheme)


# The outermost elements of the content that reach past either edge of the screen, each with what holds
# it: the nearest element around it that does not let it overflow (null: none, the page scrolls sideways),
# how that one overflows (auto or scroll: it scrolls; hidden or clip: it cuts off), whether that one fits
# on the screen, and whether it is visually hidden (a box of 1 px that clips what it holds: text for
# screen readers only).
PAST_THE_EDGE = """() => {
    const width = document.documentElement.clientWidth;
    const past = el => { const r = el.getBoundingClientRect();
                         return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5); };
    const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                       + [...el.classList].map(c => '.' + c).join('');
    const holder = el => { for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
                               if (getComputedStyle(a).overflowX !== 'visible') return a; }
                           return null; };
    return [...document.querySelectorAll('.md-content *')]
        .filter(el => past(el) && !past(el.parentElement))
        .map(el => { const h = holder(el), r = el.getBoundingClientRect();
                     const box = h && h.getBoundingClientRect();
                     return {name: name(el), left: r.left, right: r.right, holder: h && name(h),
                             overflow: h && getComputedStyle(h).overflowX, fits: h && !past(h),
                             hidden: !!h && box.width <= 1 && box.height <= 1}; });
}"""

# Each generated table: how wide it is, and how wide the column it stands in (its section).
TABLE_WIDTHS = """() => [...document.querySelectorAll('article .data-table table')].map(t => ({
    id: t.id, table: t.scrollWidth, column: t.closest('.data-table').clientWidth}))"""


def past_the_edge(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """What of the page's content reaches past the screen outside a scroll container; each table wider than its column."""
    findings: list[str] = []
    where = _where(path, viewport, scheme)
    for e in page.evaluate(PAST_THE_EDGE):
        if (e["overflow"] in ("auto", "scroll") and e["fits"]) or e["hidden"]:
            continue  # it scrolls within the screen, or is not on the screen at all
        held = f"cut off by <{e['holder']}>" if e["holder"] else "the page scrolls sideways"
        findings.append(
            f"{where}: <{e['name']}> spans {e['left']:.0f}–{e['right']:.0f}px, past the screen, outside a "
            f"scroll container ({held})"
        )
    return findings + [
        f"{where}: {t['id']} is {t['table']}px wide in a column of {t['column']}px: it is cut off or scrolls"
        for t in page.evaluate(TABLE_WIDTHS)
        if t["table"] > t["column"] + 1
    ]


# Each cell of a generated table read as a list (a narrow column): the tops of its text's lines, with the
# line height, the row's name and the column's. A gap between two lines of one cell is a line left empty.
STACKED_LINES = """() => [...document.querySelectorAll('article .data-table table tbody td')]
  .filter(td => getComputedStyle(td).display !== 'table-cell' && td.getClientRects().length)
  .map(td => { const range = document.createRange(); range.selectNodeContents(td);
    const style = getComputedStyle(td), line = parseFloat(style.lineHeight) || 1.6 * parseFloat(style.fontSize);
    return {row: td.parentElement.querySelector('th')?.textContent.trim() || '', label: td.dataset.label || '', line,
            tops: [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top)}; })"""


def stacked_cells(page: Page, path: str, viewport: ViewportSize, scheme: Scheme) -> list[str]:
    """In a table read as a list, each cell's text runs on from line to line beside its column's name: no
    line is left empty (as when a name of two lines held the text's first line up beside it)."""
    findings = []
    for cell in page.evaluate(STACKED_LINES):
        lines: list[float] = []
        for top in sorted(cell["tops"]):
            if not lines or top - lines[-1] > cell["line"] / 2:
                lines.append(top)
        gaps = [b - a for a, b in pairwise(lines) if b - a > 1.5 * cell["line"]]
        if gaps:
            findings.append(
                f"{_where(path, viewport, scheme)}: {cell['row']}, {cell['label']}: a gap of {gaps[0]:.0f}px "
                f"between two lines of the text (a line is {cell['line']:.0f}px)"
            )
    return findings


def check_nothing_past_the_edge(
    browser: Browser, base: str, paths: list[str], viewport: ViewportSize, scheme: Scheme
) -> list[str]:
    """No element of the content reaches past the screen's edge unless it is inside a scroll container,
    and no generated table needs one: each fits its column, with nothing cut off."""
    return each_page(browser, base, paths, past_the_edge, viewport, scheme)


def table_as_heard(browser: Browser, base: str, path: str, table: str, viewport: ViewportSize) -> str:
    """The table as the browser gives it to a screen reader (Playwright's ARIA snapshot)."""
    with new_page(browser, base, viewport) as (page, _):
        page.goto(base + path)
        heard: str = page.locator(f"#{table}").aria_snapshot()
    return heard


def check_heard_alike(browser: Browser, base: str, path: str, table: str) -> list[str]:
    """A table read as a list on a phone is the same table to a screen reader as on a desktop: the same
    rows, headers and cells, with the same names."""
    wide, narrow = (table_as_heard(browser, base, path, table, v) for v in (WIDE, NARROW))
    if wide == narrow:
        return []
    first = next((w, n) for w, n in zip([*wide.split("\n"), ""], [*narrow.split("\n"), ""], strict=False) if w != n)
    return [
        f"{path} {table}: a screen reader hears it otherwise at {NARROW['width']}px: {first[1].strip()!r}, "
        f"not {first[0].strip()!r}"
    ]


def screenshot_of(
    browser: Browser, base: str, path: str, selector: str, name: str, viewport: ViewportSize, scheme: Scheme
) -> str:
    """A picture of the element `selector` of `path`, whole, in test-output/."""
    OUTPUT.mkdir(exist_ok=True)
    target = OUTPUT / name
    with new_page(browser, base, viewport, scheme) as (page, _):
        page.goto(base + path, wait_until="networkidle")
        page.locator(selector).evaluate(  # a lazy image comes when scrolled to, after the screenshot has begun
            "async el => { for (const img of el.querySelectorAll('img')) { img.loading = 'eager';"
            " await img.decode().catch(() => null); } }"
        )
        box = page.locator(selector).bounding_box()
        assert box is not None, f"{path}: no {selector}"
        top = box["y"] + page.evaluate("scrollY")  # in the page, not under the sticky header at the top of the screen
        page.screenshot(path=str(target), full_page=True, clip={**box, "y": top})
    return str(target)
