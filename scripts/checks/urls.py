"""Every place of a built page that holds a URL, for the links and offline checks.

Elements: every attribute HTML and SVG give a URL (href, src, srcset, poster, data, action, formaction,
background, xlink:href, ping, manifest …), `<meta http-equiv="refresh">`, `<base href>`, the search
worker in Material's configuration (`<script id="__config">`); CSS: `url()`, `@import "…"` and
`image-set("…")`, in stylesheets, `<style>` and `style=` attributes, after CSS escapes (`\\75 rl(`)
are read as the browser reads them.

Each place says whether the browser requests the URL by itself (`loads`: the offline check holds it to
the site) or only when the reader follows it (a link, a form, a citation).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

# Attributes whose value is a URL (or, for srcset, ping and archive, a list of URLs).
URL_ATTRIBUTES = (
    "href",
    "src",
    "srcset",
    "imagesrcset",
    "poster",
    "data",
    "action",
    "formaction",
    "background",
    "cite",
    "longdesc",
    "codebase",
    "archive",
    "classid",
    "lowsrc",
    "dynsrc",
    "manifest",
    "ping",
    "icon",
    "profile",
    "xlink:href",
    "itemtype",
)
# The (element, attribute) pairs a browser does not request by itself: links the reader follows, forms
# the reader sends, metadata. Every other URL place is a request the page makes.
FOLLOWED = {
    ("a", "href"),
    ("area", "href"),
    ("a", "xlink:href"),
    ("form", "action"),
    ("button", "formaction"),
    ("input", "formaction"),
}
METADATA = {"cite", "longdesc", "itemtype"}
# The kinds of <link> that name a page rather than load a resource; any other rel loads its href.
LINK_RELS_FOLLOWED = {"canonical", "alternate", "prev", "next", "edit", "help", "license", "author"}
REFRESH_RE = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)['\"]?\s*$", re.I)

_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)
_CSS_ESCAPE_RE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.S)
_CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
_CSS_IMPORT_RE = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_IMAGE_SET_RE = re.compile(r"image-set\(([^()]*(?:\([^()]*\)[^()]*)*)\)", re.I)
_CSS_STRING_RE = re.compile(r""""([^"]*)"|'([^']*)'""")


@dataclass(frozen=True)
class Place:
    attribute: str  # "src", "srcset", "style", "http-equiv", "base", "search" …
    url: str
    loads: bool  # requested by the browser by itself


def _css_unescape(m: re.Match[str]) -> str:
    if m.group(1):
        code = int(m.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return m.group(2)


def css_urls(text: str) -> Iterator[tuple[int, str]]:
    """(line within `text`, 0-based; URL) of every url(), @import and image-set() string of CSS."""
    text = _CSS_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _CSS_ESCAPE_RE.sub(_css_unescape, text)
    hits: list[tuple[int, str]] = []
    for regex in (_CSS_URL_RE, _CSS_IMPORT_RE):
        for m in regex.finditer(text):
            url = next(g for g in m.groups() if g is not None)
            hits.append((m.start(), url))
    for m in _CSS_IMAGE_SET_RE.finditer(text):
        for s in _CSS_STRING_RE.finditer(m.group(1)):
            hits.append((m.start(1) + s.start(), s.group(1) if s.group(1) is not None else s.group(2)))
    for start, url in sorted(hits):
        yield text.count("\n", 0, start), url.strip()


def _split(attribute: str, value: str) -> list[str]:
    if attribute in ("srcset", "imagesrcset"):
        return [part.split()[0] for part in value.split(",") if part.split()]
    if attribute in ("ping", "archive"):
        return value.split()
    return [value.strip()]


def places(el: HtmlElement) -> Iterator[Place]:
    """Every URL an element holds, in its attributes, its style= and, for a few elements, its text."""
    name = str(el.tag).lower()
    rels = set((el.get("rel") or "").lower().split()) if name == "link" else set()
    for attribute, value in el.attrib.items():
        attribute = str(attribute).lower()
        if attribute == "style":
            yield from (Place("style", url, True) for _, url in css_urls(value))
        elif attribute in URL_ATTRIBUTES:
            if name == "link" and attribute == "href":
                loads = not rels or not rels <= LINK_RELS_FOLLOWED
            else:
                loads = (name, attribute) not in FOLLOWED and attribute not in METADATA
            yield from (Place(attribute, url, loads) for url in _split(attribute, value) if url)
    if name == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
        m = REFRESH_RE.match(el.get("content") or "")
        if m and m.group(1).strip():
            yield Place("http-equiv", m.group(1).strip(), True)
    if name == "style":
        yield from (Place("style", url, True) for _, url in css_urls(el.text_content()))
    if name == "script" and el.get("id") == "__config":
        try:
            config = json.loads(el.text_content())
        except ValueError:
            config = {}
        search = config.get("search") if isinstance(config, dict) else None
        if isinstance(search, str):
            yield Place("search", search, True)
