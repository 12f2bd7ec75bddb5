"""Checks of the built site: internal links and anchors, language twins, and offline use.

* Links: every internal ``href``/``src`` resolves to a file in the site, every ``#fragment``
  to an element with that id on the target page, and each page's language link to its twin
  in the other language. External links (``<a href>`` to another host) only from the allowlist
  in mkdocs.yml (``extra.external_link_allowlist``).
* Offline: no page or stylesheet loads a script, stylesheet, font, image, ``@import`` or
  ``url()`` from another host.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from scripts.core.languages import LANGS, DEFAULT_LANG

from scripts.core.config import mkdocs_config

BASE = "http://site.invalid/"  # a stand-in origin to resolve relative links against
CSS_URL_RE = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*['"]?([^'")\s]+)""")
RESOURCE_ATTRS = {"script": "src", "img": "src", "source": "src", "iframe": "src", "audio": "src",
                  "video": "src", "embed": "src", "object": "data", "use": "href", "image": "href"}


@dataclass
class Site:
    root: Path
    prefix: str = ""  # the site's path below its host, from site_url: "interview/" for https://host/interview/
    pages: dict[str, BeautifulSoup] = field(default_factory=dict)  # "part1/index.html" -> soup
    ids: dict[str, set[str]] = field(default_factory=dict)
    elements: dict[str, list[Tag]] = field(default_factory=dict)  # every element of each page, in document order

    @classmethod
    def load(cls, root: Path, prefix: str = "") -> "Site":
        site = cls(root, prefix)
        for path in sorted(root.rglob("*.html")):
            key = path.relative_to(root).as_posix()
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            site.pages[key] = soup
            # one walk through the page; each check then picks its elements from this list
            elements = site.elements[key] = [el for el in soup.descendants if isinstance(el, Tag)]
            site.ids[key] = {el["id"] for el in elements if el.has_attr("id")} | \
                {el["name"] for el in elements if el.name == "a" and el.has_attr("name")}
        return site

    def find(self, page: str, names: str | tuple[str, ...], attr: str | None = None) -> list[Tag]:
        """The elements of a page with one of these names (and this attribute), as soup.find_all finds them."""
        names = (names,) if isinstance(names, str) else names
        return [el for el in self.elements[page] if el.name in names and (attr is None or el.has_attr(attr))]

    def target(self, page: str, url: str) -> tuple[str | None, str]:
        """Resolve an internal URL on a page to (file key or None, fragment)."""
        absolute = urljoin(BASE + self.prefix + page, url)
        parts = urlsplit(absolute)
        path = unquote(parts.path.lstrip("/"))
        if not path.startswith(self.prefix):
            return None, parts.fragment
        path = path[len(self.prefix):]
        candidates = [path] if path and not path.endswith("/") else []
        candidates += [path + "index.html" if path.endswith("/") or not path else path + "/index.html"]
        for candidate in candidates:
            if (self.root / candidate).is_file():
                return candidate, parts.fragment
        return None, parts.fragment


def is_external(page: str, url: str) -> bool:
    parts = urlsplit(urljoin(BASE + page, url))
    return parts.scheme not in ("http", "https") or parts.netloc != urlsplit(BASE).netloc


def twin(page: str, lang: str) -> str:
    """The same page in another language: 'part1/index.html' <-> 'en/part1/index.html'."""
    bare = page
    for other in LANGS:
        if other != DEFAULT_LANG and page.startswith(other + "/"):
            bare = page[len(other) + 1:]
    return bare if lang == DEFAULT_LANG else f"{lang}/{bare}"


def page_lang(page: str) -> str:
    return next((l for l in LANGS if l != DEFAULT_LANG and page.startswith(l + "/")), DEFAULT_LANG)


def site_prefix(site_url: str | None = None) -> str:
    """The path of the site below its host, from SITE_URL or mkdocs.yml's default: 'interview/' or ''."""
    url = site_url or os.environ.get("SITE_URL") or mkdocs_config()["site_url"]
    return urlsplit(url).path.strip("/") + "/" if urlsplit(url).path.strip("/") else ""


def check_links(root: Path, allowlist: list[str] | None = None, site_url: str | None = None) -> list[str]:
    """Every failing link as 'page: [links] link: why'."""
    config = mkdocs_config()
    if allowlist is None:
        allowlist = config.get("extra", {}).get("external_link_allowlist", [])
    edit_uri = os.environ.get("EDIT_URI") or config.get("edit_uri") or ""
    allowlist = allowlist + ([edit_uri] if "://" in edit_uri else [])  # "Edit this page" links
    site = Site.load(root, site_prefix(site_url))
    findings: list[str] = []
    for page, soup in site.pages.items():
        for el in site.find(page, ("a", "link"), "href"):
            url = el["href"]
            if url.startswith(("mailto:", "tel:")) or el.name == "link" and "canonical" in (el.get("rel") or []):
                continue
            if is_external(page, url):
                if el.name == "a" and any(url.startswith(prefix) for prefix in allowlist):
                    continue
                if el.name == "a":
                    findings.append(f"{page}: [links] {url}: external link not in extra.external_link_allowlist of mkdocs.yml")
                continue  # external <link> stylesheets are the offline check's business
            target, fragment = site.target(page, url)
            if target is None:
                findings.append(f"{page}: [links] {url}: no such file in the site")
            elif fragment and target.endswith(".html") and unquote(fragment) not in site.ids[target]:
                findings.append(f"{page}: [links] {url}: no element with id '{unquote(fragment)}' on {target}")
        for tag, attr in RESOURCE_ATTRS.items():
            for el in site.find(page, tag, attr):
                url = el[attr]
                if url.startswith("data:") or is_external(page, url):
                    continue
                target, fragment = site.target(page, url)
                if target is None:
                    findings.append(f"{page}: [links] {url}: <{tag} {attr}> points to no file in the site")
        for el in soup.select("a.md-select__link[hreflang]") if not page.endswith("404.html") else []:
            lang = el["hreflang"]
            target, _ = site.target(page, el["href"])
            if target != twin(page, lang):
                findings.append(f"{page}: [links] language link '{lang}' -> {el['href']}: expected its twin {twin(page, lang)}, found {target}")
    return findings


def _external_in_css(text: str, where: str, page: str) -> list[str]:
    return [f"{where}: [offline] loads {url} from another host"
            for url in CSS_URL_RE.findall(text) if not url.startswith("data:") and is_external(page, url)
            and urlsplit(urljoin(BASE + page, url)).scheme in ("http", "https", "")]


def check_offline(root: Path) -> list[str]:
    """Every request a page or stylesheet would make to another host."""
    findings: list[str] = []
    site = Site.load(root)
    for page, soup in site.pages.items():
        for tag, attr in list(RESOURCE_ATTRS.items()) + [("link", "href")]:
            for el in site.find(page, tag, attr):
                url = el[attr]
                if tag == "link" and not set(el.get("rel") or []) & {"stylesheet", "preload", "modulepreload", "icon", "prefetch", "preconnect", "dns-prefetch", "manifest"}:
                    continue
                if not url.startswith("data:") and is_external(page, url):
                    findings.append(f"{page}: [offline] <{tag} {attr}=\"{url}\"> loads from another host")
        for style in site.find(page, "style"):
            findings += _external_in_css(style.get_text(), page, page)
        for el in (el for el in site.elements[page] if el.has_attr("style")):
            findings += _external_in_css(el["style"], page, page)
    for css in sorted(root.rglob("*.css")):
        key = css.relative_to(root).as_posix()
        findings += _external_in_css(css.read_text(encoding="utf-8", errors="replace"), key, key)
    return findings
