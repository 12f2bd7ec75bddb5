"""Checks of the built site: internal links and anchors, language twins, and offline use.

* Links: every internal ``href``/``src`` resolves to a file in the site, every ``#fragment``
  to an element with that id on the target page, and each page's language link to its twin
  in the other language. External links (``<a href>`` to another host) only from the allowlist
  in mkdocs.yml (``extra.external_link_allowlist``).
* Offline: no page or stylesheet loads anything from another host, from any place that holds a URL
  (scripts/checks/urls.py: attributes, ``<meta http-equiv="refresh">``, Material's search worker, CSS
  ``url()``, ``@import`` and ``image-set()``); no page has a ``<base>`` or ``<meta http-equiv>``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from lxml.html import HtmlElement

from scripts.checks import html_lines, urls
from scripts.core import repository
from scripts.core.config import mkdocs_config
from scripts.core.findings import Finding
from scripts.core.languages import language_of, twin
from scripts.core.paths import ROOT

BASE = "http://site.invalid/"  # a stand-in origin to resolve relative links against
page_lang = language_of  # the language of a page ('en/part1/index.html' is English); tests/test_reader.py uses it


@dataclass
class Site:
    """A built site below `root`: where its URLs lead and, read whole by `load` (for the tests), each page
    as a BeautifulSoup tree and its IDs. The checks below read one page at a time, into lxml's tree."""

    root: Path
    prefix: str = ""  # the site's path below its host, from site_url: "interview/" for https://host/interview/
    pages: dict[str, BeautifulSoup] = field(default_factory=dict)  # "part1/index.html" -> soup
    ids: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, prefix: str = "") -> Site:
        site = cls(root, prefix)
        for key in page_keys(root):
            site.pages[key] = BeautifulSoup((root / key).read_text(encoding="utf-8"), "lxml")
            site.ids[key] = page_ids(root / key)
        return site

    def target(self, page: str, url: str) -> tuple[str | None, str]:
        """Resolve an internal URL on a page to (file key or None, fragment)."""
        absolute = urljoin(BASE + self.prefix + page, url)
        parts = urlsplit(absolute)
        path = unquote(parts.path.lstrip("/"))
        if not path.startswith(self.prefix):
            return None, parts.fragment
        path = path[len(self.prefix) :]
        candidates = [path] if path and not path.endswith("/") else []
        candidates += [path + "index.html" if path.endswith("/") or not path else path + "/index.html"]
        for candidate in candidates:
            if (self.root / candidate).is_file():
                return candidate, parts.fragment
        return None, parts.fragment


def is_external(page: str, url: str) -> bool:
    parts = urlsplit(urljoin(BASE + page, url))
    return parts.scheme not in ("http", "https") or parts.netloc != urlsplit(BASE).netloc


def site_prefix(site_url: str | None = None) -> str:
    """The path of the site below its host, from SITE_URL or mkdocs.yml's default: 'interview/' or ''."""
    url = site_url or os.environ.get("SITE_URL") or mkdocs_config()["site_url"]
    return urlsplit(url).path.strip("/") + "/" if urlsplit(url).path.strip("/") else ""


def page_keys(root: Path) -> list[str]:
    """Every page of the site below `root`, as its key: 'part1/index.html'."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*.html"))


def element_ids(elements: list[HtmlElement]) -> set[str]:
    """What a #fragment can name on a page: the id of every element, and the name of every <a>."""
    return {str(el.get("id")) for el in elements if "id" in el.attrib} | {
        str(el.get("name")) for el in elements if el.tag == "a" and "name" in el.attrib
    }


def page_ids(path: Path) -> set[str]:
    """`element_ids` of the page at `path`."""
    return element_ids(html_lines.Page.read(path).elements)


def is_language_link(el: HtmlElement) -> bool:
    """An entry of the language menu: `a.md-select__link[hreflang]`."""
    return el.tag == "a" and "hreflang" in el.attrib and "md-select__link" in (el.get("class") or "").split()


# A link to a #fragment of another page, checked once every page has been read: (the page it is on, the
# page's number in the order read, the element's number on its page, the URL, the fragment unquoted).
Wanted = tuple[str, int, int, str, str]


def check_links(root: Path, allowlist: list[str] | None = None, site_url: str | None = None) -> list[Finding]:
    """Every failing link as 'page:line: [links] link: why' (page relative to `root`).

    The pages are read one at a time, so that a large site is never held whole: a #fragment of the same
    page is checked against that page's IDs at once; one of another page is kept, and checked afterwards
    against that page's IDs, read from each target page in turn. Findings come in page order, and on
    each page in the order of its elements (links, then other URLs, then the language menu)."""
    config = mkdocs_config()
    if allowlist is None:
        allowlist = config.get("extra", {}).get("external_link_allowlist", [])
    edit_uri = config.get("edit_uri") or repository.edit_uri(os.environ, ROOT)  # as the plugin gives it
    allowlist = allowlist + ([edit_uri] if "://" in edit_uri else [])  # "Edit this page" links
    site = Site(root, site_prefix(site_url))  # its target() only: no page is loaded into it
    findings: list[tuple[tuple[int, int, int], Finding]] = []  # (page number, part, element number), finding
    wanted: dict[str, list[Wanted]] = {}  # target page -> links to its fragments

    for n, page in enumerate(page_keys(root)):
        doc = html_lines.Page.read(root / page)
        elements = doc.elements  # one walk through the page; each check picks its elements from it
        number = {id(el): i for i, el in enumerate(elements)}
        ids = element_ids(elements)

        def found(part: int, el: HtmlElement, link: str, message: str) -> None:
            finding = Finding(page, doc.line(el), "links", link, message)  # noqa: B023
            findings.append(((n, part, number[id(el)]), finding))  # noqa: B023

        for el in elements:
            if el.tag not in ("a", "link") or "href" not in el.attrib:
                continue
            url = str(el.get("href"))
            if url.startswith(("mailto:", "tel:")) or (
                el.tag == "link" and "canonical" in (el.get("rel") or "").split()
            ):
                continue
            if is_external(page, url):
                if el.tag == "a" and any(url.startswith(prefix) for prefix in allowlist):
                    continue
                if el.tag == "a":
                    found(0, el, url, "external link not in extra.external_link_allowlist of mkdocs.yml")
                continue  # external <link> stylesheets are the offline check's business
            target, fragment = site.target(page, url)
            if target is None:
                found(0, el, url, "no such file in the site")
            elif fragment and target.endswith(".html"):
                if target != page:
                    wanted.setdefault(target, []).append((page, n, number[id(el)], url, unquote(fragment)))
                elif unquote(fragment) not in ids:
                    found(0, el, url, f"no element with id '{unquote(fragment)}' on {target}")
        for el in elements:  # every other place that holds a URL (scripts/checks/urls.py)
            for place in urls.places(el):
                if (el.tag in ("a", "link") and place.attribute == "href") or place.url.startswith("data:"):
                    continue
                if is_external(page, place.url):
                    continue
                target, fragment = site.target(page, place.url)
                if target is None:
                    found(1, el, place.url, f"<{el.tag} {place.attribute}> points to no file in the site")
        for el in [el for el in elements if is_language_link(el)] if not page.endswith("404.html") else []:
            lang, href = str(el.get("hreflang")), el.get("href") or ""
            target, _ = site.target(page, href)
            if target != twin(page, lang):
                found(
                    2,
                    el,
                    f"language link '{lang}' -> {href}",
                    f"expected its twin {twin(page, lang)}, found {target}",
                )

    missing: dict[str, list[tuple[Wanted, str]]] = {}  # page -> its links to fragments that are not there
    for target in sorted(wanted):
        ids = page_ids(root / target)
        for link in wanted[target]:
            if link[4] not in ids:
                missing.setdefault(link[0], []).append((link, target))
    for page, links in missing.items():  # read again, for the lines of the elements
        doc = html_lines.Page.read(root / page)
        for (_, n, i, url, fragment), target in links:
            message = f"no element with id '{fragment}' on {target}"
            findings.append(((n, 0, i), Finding(page, doc.line(doc.elements[i]), "links", url, message)))
    return [finding for _, finding in sorted(findings, key=lambda pair: pair[0])]


def _external_in_css(text: str, page: str) -> Iterator[tuple[int, str]]:
    """(line within `text`, 0-based; url) of each url(), @import or image-set() of CSS on `page` that is on
    another host (scripts/checks/urls.py reads them as a browser does)."""
    for n, url in urls.css_urls(text):
        if (
            not url.startswith("data:")
            and is_external(page, url)
            and urlsplit(urljoin(BASE + page, url)).scheme in ("http", "https", "")
        ):
            yield n, url


def _loads(url: str) -> str:
    return f"loads {url} from another host"


def check_offline(root: Path) -> list[Finding]:
    """Every request a page or stylesheet would make to another host, as 'file:line: [offline] …', from
    every place that holds a URL (scripts/checks/urls.py); and every <base> or <meta http-equiv>, which
    change where the URLs of a page lead or send the reader elsewhere."""
    findings: list[Finding] = []
    for page in page_keys(root):
        doc = html_lines.Page.read(root / page)
        elements = doc.elements
        for el in elements:
            if el.tag == "base":
                findings.append(
                    Finding(
                        page,
                        doc.line(el),
                        "offline",
                        "",
                        f'<base href="{el.get("href", "")}"> makes every relative URL of the page lead elsewhere '
                        "(Material's scripts and assets/reader.js among them): not allowed",
                    )
                )
            if el.tag == "meta" and "http-equiv" in el.attrib:
                findings.append(
                    Finding(
                        page,
                        doc.line(el),
                        "offline",
                        "",
                        f'<meta http-equiv="{el.get("http-equiv")}"> can send the reader to another '
                        "page or change how the page is handled: not allowed",
                    )
                )
            if el.tag == "style":  # the text of a <style> starts on the line of its tag
                findings += [
                    Finding(page, doc.line(el) + n, "offline", "", _loads(url))
                    for n, url in _external_in_css(el.text_content(), page)
                ]
                continue
            if "style" in el.attrib:
                findings += [
                    Finding(page, doc.line(el), "offline", "", _loads(url))
                    for _, url in _external_in_css(str(el.get("style")), page)
                ]
            for place in urls.places(el):
                if place.attribute == "style" or not place.loads or place.url.startswith("data:"):
                    continue
                if is_external(page, place.url):
                    findings.append(
                        Finding(
                            page,
                            doc.line(el),
                            "offline",
                            "",
                            f'<{el.tag} {place.attribute}="{place.url}"> loads from another host',
                        )
                    )
    for css in sorted(root.rglob("*.css")):
        key = css.relative_to(root).as_posix()
        findings += [
            Finding(key, 1 + n, "offline", "", _loads(url))
            for n, url in _external_in_css(css.read_text(encoding="utf-8", errors="replace"), key)
        ]
    return findings
