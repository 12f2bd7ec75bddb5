"""Helpers of the browser tests of search (test_search_browser.py): search as a reader does, in Material's
search dialog, and checks that return their findings as `path: what` lines, so that each check can also
be run on a broken copy of the site and be seen to fail."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from browser import new_page
from playwright.sync_api import Browser, Page, Request
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ZWS = "\u200b"
# Files only search needs: Pagefind's bundles, our worker, Material's own index and worker.
SEARCH_FILES = ("/pagefind/", "search-worker.js", "search_index.json", "/workers/search.")

# Material's line above the results once they are in: "No matching documents", "1 matching document",
# "# matching documents" in the page's language.
_ANSWERED = """() => {
    const t = JSON.parse(document.getElementById('__config').textContent).translations;
    const meta = ((document.querySelector('.md-search-result__meta') || {}).textContent || '').trim();
    const escape = s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
    const other = new RegExp('^' + t['search.result.other'].split('#').map(escape).join('\\\\d+') + '$');
    return [t['search.result.none'], t['search.result.one']].includes(meta) || other.test(meta);
}"""

# Material's line above the results once its search is set up and nothing is asked: "Type to start searching".
_READY = """() => {
    const t = JSON.parse(document.getElementById('__config').textContent).translations;
    const meta = document.querySelector('.md-search-result__meta');
    return meta !== null && meta.textContent.trim() === t['search.result.placeholder'];
}"""


@dataclass(frozen=True)
class Result:
    href: str  # path#fragment below the host
    title: str  # its heading as shown
    text: str  # its excerpt as shown
    marks: tuple[str, ...]  # the highlighted words of title and excerpt


def ask(page: Page, query: str, typed: bool = True, timeout: float = 30_000) -> bool:
    """Type `query` into the search field of the open page as a reader would (or put it there as a paste
    does, with no key pressed), once the search is ready; whether the results came.

    Material sends an empty query as its search starts, and shows the answer to it ("no matching
    documents" once the field holds text): typed before that answer came, on a busy machine, the query
    seemed answered with nothing until its own answer replaced it."""
    page.click(".md-search__input")
    try:
        page.wait_for_function(_READY, timeout=timeout)
        if typed:
            page.keyboard.insert_text(query)  # as an input method commits a word, then a key goes up
            page.keyboard.press("End")
        else:
            page.fill(".md-search__input", query)  # the text arrives by an input event alone
        page.wait_for_function(_ANSWERED, timeout=timeout)
    except PlaywrightTimeoutError:
        return False
    return True


def results(page: Page) -> list[Result]:
    """The results shown, in order: each block's link (a page's own link, above its blocks, left out),
    those folded under "more on this page" too."""
    found = page.eval_on_selector_all(
        ".md-search-result__link",
        """links => links.filter(a => new URL(a.href).hash).map(a => ({
            href: a.href, title: (a.querySelector('h1, h2') || {}).textContent || '',
            text: (a.querySelector('p') || {}).textContent || '',
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))""",
    )
    return [
        Result(urlsplit(r["href"]).path + "#" + urlsplit(r["href"]).fragment, r["title"], r["text"], tuple(r["marks"]))
        for r in found
    ]


def search(page: Page, base: str, path: str, query: str, typed: bool = True) -> list[Result] | None:
    """The results of `query` on the page at `path`; None if none came (not even "no matching documents")."""
    page.goto(base + path)
    return results(page) if ask(page, query, typed) else None


Expected = str | tuple[str, ...]  # a block, `page/#ID` below the site; or the blocks of which a reader expects one


def _rank(found: list[Result] | None, hrefs: list[str], wanted: set[str]) -> str:
    """Where the block a reader expects stands among the results, or why it is nowhere."""
    if found is None:
        return "no answer from the search"
    if not found:
        return "the search answered with no block"
    ranks = [i + 1 for i, h in enumerate(hrefs) if h in wanted]
    return f"result {ranks[0]}" if ranks else "not found"


def check_quality(
    browser: Browser, base: str, cases: list[tuple[str, str, Expected]], shown: int = 3, typed: bool = True
) -> list[str]:
    """Each case: (path, query, the block a reader expects): it is among the first `shown` results (the
    query typed, or else pasted)."""
    findings = []
    prefix = urlsplit(base).path
    with new_page(browser, base) as (page, _):
        for path, query, expected in cases:
            found = search(page, base, path, query, typed)
            hrefs = [r.href.removeprefix(prefix) for r in found or []]
            wanted = {expected} if isinstance(expected, str) else set(expected)
            if not wanted & set(hrefs[:shown]):
                where = f"{path or '/'}: '{query}'"
                findings.append(
                    f"{where}: expected {' or '.join(sorted(wanted))} among the first {shown} results, "
                    f"{_rank(found, hrefs, wanted)} ({hrefs[:shown]})"
                )
    return findings


def check_language(browser: Browser, base: str, cases: list[tuple[str, str]]) -> list[str]:
    """Each case: (path, query): it has results, and every one is a page of the language of `path`."""
    findings = []
    prefix = urlsplit(base).path
    with new_page(browser, base) as (page, _):
        for path, query in cases:
            found = search(page, base, path, query) or []
            english = path.startswith("en/")
            wrong = [r.href for r in found if r.href.startswith(prefix + "en/") != english]
            if not found:
                findings.append(f"{path or '/'}: '{query}': no result")
            if wrong:
                findings.append(f"{path or '/'}: '{query}': results from the other language: {', '.join(wrong[:3])}")
    return findings


def check_highlights(browser: Browser, base: str, cases: list[tuple[str, str, str]]) -> list[str]:
    """Each case: (path, query, the word as the text writes it): every highlight of every result is that
    word whole, and no result shows a zero-width space (which a reader would copy with it)."""
    findings = []
    with new_page(browser, base) as (page, _):
        for path, query, word in cases:
            found = search(page, base, path, query) or []
            where = f"{path or '/'}: '{query}'"
            if not found:
                findings.append(f"{where}: no result")
            marks = sorted({m for r in found for m in r.marks if m.lower() != word.lower()})
            if marks:
                findings.append(f"{where}: highlights other than '{word}': {marks[:5]}")
            if any(ZWS in r.title + r.text for r in found):
                findings.append(f"{where}: a result shows a zero-width space")
    return findings


def check_paste(browser: Browser, base: str, path: str, query: str) -> list[str]:
    """A query that arrives with no key pressed (pasted with the mouse) shows its results."""
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        if not ask(page, query, typed=False, timeout=5_000) or not results(page):
            return [f"{path or '/'}: '{query}' pasted: no results until a key is pressed"]
    return []


def check_empty_state(browser: Browser, base: str, path: str, query: str) -> list[str]:
    """A query that matches nothing says so, in the page's language."""
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        answered = ask(page, query, timeout=5_000)
        meta = page.text_content(".md-search-result__meta") or ""
        none = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"
        )
        if not answered or meta.strip() != none:
            return [f"{path or '/'}: '{query}': the search says '{meta.strip()}', not '{none}'"]
    return []


def check_keyboard(browser: Browser, base: str, path: str, query: str) -> list[str]:
    """Material's keys: the arrow keys move through the results, Escape closes the search, Enter opens the
    best result, which is a block of a page (its URL has the block's ID)."""
    findings = []
    where = f"{path or '/'}: '{query}'"
    with new_page(browser, base) as (page, _):
        page.goto(base + path)
        ask(page, query)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        focused = page.evaluate(
            "document.activeElement.matches('.md-search-result__link') && document.activeElement.href"
        )
        if not focused or "#" not in focused:
            findings.append(f"{where}: ArrowDown twice does not reach the first block of the results")
        page.keyboard.press("Escape")
        if page.evaluate("document.getElementById('__search').checked"):
            findings.append(f"{where}: Escape does not close the search")
        page.goto(base + path)
        ask(page, query)
        best = page.evaluate(
            """() => [...document.querySelectorAll('.md-search-result__item:first-child [href]')]
            .sort((a, b) => b.firstElementChild.dataset.mdScore - a.firstElementChild.dataset.mdScore)[0].href"""
        )
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if not urlsplit(page.url).fragment:
            findings.append(f"{where}: Enter opened {urlsplit(page.url).path}, not a block of it (best: {best})")
    return findings


def ready(page: Page, fetched: dict[str, int], seconds: float = 30) -> bool:
    """Wait until Material's search says it is ready for a query (its worker has answered the set-up), or
    until something has been `fetched` for search before it: whether either came within `seconds`."""
    for _ in range(int(seconds * 4)):
        if fetched:
            return True
        try:
            page.wait_for_function(_READY, timeout=250)
        except PlaywrightTimeoutError:
            continue
        return True
    return False


def search_downloads(browser: Browser, base: str, path: str, query: str) -> tuple[list[str], dict[str, dict[str, int]]]:
    """What search fetches on the page at `path`: nothing as the page loads and as the reader opens the
    search, then, for one query, files of the page's language's index only. Findings, and the bytes
    fetched in each phase: {"before": {file: bytes}, "query": {file: bytes}} (Pagefind's files are
    compressed already; a server may gzip the JavaScript)."""
    findings: list[str] = []
    fetched: dict[str, dict[str, int]] = {"before": {}, "query": {}}
    phase = ["before"]
    prefix = urlsplit(base).path
    with new_page(browser, base) as (page, _):

        def on_request_finished(request: Request) -> None:
            url = urlsplit(request.url).path
            response = request.response()
            if any(f in url for f in SEARCH_FILES) and response is not None:
                try:
                    body = response.body()
                except PlaywrightError:  # the page was closed meanwhile: after the phases measured
                    return
                fetched[phase[0]][url.removeprefix(prefix)] = len(body)

        page.on("requestfinished", on_request_finished)
        page.goto(base + path, wait_until="networkidle")
        page.click(".md-search__input")  # the reader opens the search
        if not ready(page, fetched["before"]):
            findings.append(f"{path or '/'}: the search never said it was ready for a query")
        if fetched["before"]:
            findings.append(f"{path or '/'}: fetched for search before a query: {', '.join(sorted(fetched['before']))}")
            return findings, fetched  # not our search: its query would wait for an answer that never comes
        phase[0] = "query"
        ask(page, query)
        page.wait_for_load_state("networkidle")
        page.remove_listener("requestfinished", on_request_finished)
        own = ("en/" if path.startswith("en/") else "") + "pagefind/"
        other = sorted(f for f in fetched["query"] if "/pagefind/" in "/" + f and not f.startswith(own))
        if other:
            findings.append(f"{path or '/'}: '{query}' fetched another language's index: {', '.join(other[:3])}")
    return findings, fetched


def check_arrival(browser: Browser, base: str, cases: list[tuple[str, str]]) -> list[str]:
    """Each case: (path, block ID): opened at `path#ID` (as from a search result), the block is marked
    (Material's palette in the margin, a highlight that fades), and the block before it is not."""
    findings = []
    style = """id => { const el = document.getElementById(id), s = el && getComputedStyle(el);
        return s && {animation: s.animationName, shadow: s.boxShadow}; }"""
    with new_page(browser, base) as (page, _):
        for path, block in cases:
            page.goto(f"{base}{path}#{block}")
            here = page.evaluate(style, block)
            before = page.evaluate(
                "id => { const all = [...document.querySelectorAll('article [id]')];"
                " const i = all.findIndex(el => el.id === id); return i > 0 ? all[i - 1].id : null; }",
                block,
            )
            where = f"{path}#{block}"
            if not here:
                findings.append(f"{where}: no such block")
            elif here["animation"] != "reader-arrival" or here["shadow"] == "none":
                findings.append(f"{where}: the block reached is not marked ({here['animation']}, {here['shadow']})")
            other = page.evaluate(style, before) if before else None
            if other and (other["animation"] == "reader-arrival" or other["shadow"] != "none"):
                findings.append(f"{where}: '{before}' is marked too")
    return findings
