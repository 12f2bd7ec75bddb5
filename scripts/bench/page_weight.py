"""Section 5 of the benchmark, what readers download: the HTML, CSS, JavaScript and search index of the
home pages and of the largest page of each language, raw and gzipped, and each search index against
the text it indexes. The search index a page fetches as it loads is Material's, when the build makes
one; the Pagefind index (scripts/plugin/search.py) is fetched a part at a time, by a search only."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.tables import Table, kib
from scripts.core.languages import LANGS, language_of
from scripts.core.languages import root as lang_root

GZIP_LEVEL = 6


@dataclass(frozen=True)
class Weight:
    raw: int
    gz: int

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.raw + other.raw, self.gz + other.gz)


def weight(data: bytes) -> Weight:
    return Weight(len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0)))


@dataclass
class PageWeight:
    name: str
    path: str  # in the site
    html: Weight
    css: Weight
    js: Weight
    index: Weight

    @property
    def total(self) -> Weight:
        return self.html + self.css + self.js + self.index


def page_weight(site: Path, rel_path: str, name: str) -> PageWeight:
    """A page's HTML and what it loads: its stylesheets, its scripts, and the Material search index that
    Material's search fetches as the page loads, if the build made one (below the `base` of the page's
    Material configuration: the language's root, or the site's for plain mkdocs-static-i18n)."""
    from bs4 import BeautifulSoup

    page = site / rel_path
    html = page.read_bytes()
    soup = BeautifulSoup(html, "lxml")

    def local(href: str) -> Path | None:
        if re.match(r"^[a-z]+:|^//", href):
            return None
        target = (page.parent / href.split("#")[0].split("?")[0]).resolve()
        return target if target.is_file() else None

    def total(paths: list[Path | None]) -> Weight:
        w = Weight(0, 0)
        for p in dict.fromkeys(p for p in paths if p):
            w = w + weight(p.read_bytes())
        return w

    css = total([local(str(link["href"])) for link in soup.select("link[rel~=stylesheet][href]")])
    js = total([local(str(s["src"])) for s in soup.select("script[src]")])
    config = soup.select_one("script#__config")  # Material's: its search fetches {base}/search/search_index.json
    base = str(json.loads(config.get_text())["base"]) if config else lang_root(language_of(rel_path)) or "."
    index_path = (page.parent if config else site) / base / "search" / "search_index.json"
    index = weight(index_path.read_bytes()) if index_path.exists() else Weight(0, 0)
    return PageWeight(name, rel_path, weight(html), css, js, index)


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def search_index(site: Path, lang: str) -> tuple[Weight, list[str]]:
    """A language's search index as stored, and the pages it indexes (paths below its root): Pagefind's
    (its index chunks, results and table of contents; already compressed), else Material's."""
    root = lang_root(lang)
    bundle = site / root / "pagefind"
    if bundle.is_dir():
        files = [p for p in bundle.rglob("*") if p.suffix in (".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")]
        size = Weight(0, 0)
        pages = set()
        for path in files:
            size = size + Weight(path.stat().st_size, path.stat().st_size)
            if path.suffix == ".pf_fragment":
                data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                pages.add(str(data["url"]).lstrip("/").removeprefix(root).split("#")[0])
        return size, sorted(pages)
    path = site / root / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    return weight(path.read_bytes()), sorted({doc["location"].split("#")[0] for doc in index["docs"]})


def first_search(site: Path, lang: str) -> Weight:
    """What a language's first search fetches whatever it asks: the files at the top of its Pagefind bundle
    (entry, script, WebAssembly, the index's metadata), as stored and gzipped; then the index chunks of
    its words and its results' fragments, which depend on the query."""
    bundle = site / lang_root(lang) / "pagefind"
    total = Weight(0, 0)
    for path in sorted(p for p in bundle.iterdir() if p.is_file()) if bundle.is_dir() else []:
        data = path.read_bytes()
        packed = path.suffix in (".pagefind", ".pf_meta")  # Pagefind's own gzip
        total = total + (Weight(len(data), len(data)) if packed else weight(data))
    return total


def indexed_text_bytes(site: Path, lang: str, pages: list[str]) -> int:
    """UTF-8 bytes of the visible text of the article of each page that the language's search indexes."""
    from bs4 import BeautifulSoup

    root = lang_root(lang)
    size = 0
    for location in pages:
        path = site / root / location / "index.html" if not location.endswith(".html") else site / root / location
        article = BeautifulSoup(path.read_bytes(), "lxml").select_one("article")
        if article is not None:
            size += len(" ".join(article.get_text(" ").split()).encode("utf-8"))
    return size


@dataclass
class WeightResult:
    pages: list[PageWeight]
    index_vs_text: dict[str, tuple[Weight, int]]  # lang -> (index, text bytes)


def bench_weight(site: Path, peer: Path | None = None) -> WeightResult:
    """The weight of the home pages and the largest page of each language of `site`; and of the same pages
    of the `peer` build (timing.peer_config), named "Peer: …"."""
    pages: list[PageWeight] = []
    out: dict[str, tuple[Weight, int]] = {}
    for root, name in ((site, ""), *(((peer, "Peer: "),) if peer else ())):
        pages += [page_weight(root, "index.html", f"{name}Home, Chinese")]
        pages += [page_weight(root, "en/index.html", f"{name}Home, English")]
        all_pages = [p for p in site_pages(root) if p != "404.html"]
        for lang, label in (("zh", "Chinese"), ("en", "English")):
            mine = [p for p in all_pages if language_of(p) == lang]
            largest = max(mine, key=lambda p: (root / p).stat().st_size)
            where = largest[: -len("index.html")] or "/"
            pages.append(page_weight(root, largest, f"{name}Largest {label} page (`{where}`)"))
        for lang in LANGS if not name else ():  # the peer's one index holds both languages
            index, indexed = search_index(root, lang)
            out[lang] = (index, indexed_text_bytes(root, lang, indexed))
    return WeightResult(pages, out)


def weight_tables(result: WeightResult) -> list[Table]:
    t = Table("5. Page weight", ["page", "HTML", "CSS", "JavaScript", "search index", "total"], align="lrrrrr")
    for p in result.pages:
        t.rows.append([p.name] + [f"{kib(w.raw)} ({kib(w.gz)})" for w in (p.html, p.css, p.js, p.index, p.total)])
    t.notes.append(
        f"Raw (gzip -{GZIP_LEVEL}). CSS and JavaScript: the files the page links; search index: what the page "
        "fetches for search as it loads (Material's `search/search_index.json`, when there is one; the Pagefind "
        "index is fetched by a search, the parts it needs). Peer: the same pages of the peer build of section 1 "
        "(plain mkdocs-static-i18n with Material and its default search, whose one index holds both languages)."
    )
    s = Table(
        "Search index against the text it indexes",
        ["language", "search index", "indexed text", "index / text"],
        align="lrrr",
    )
    for lang, (index, text) in result.index_vs_text.items():
        s.rows.append([lang, f"{kib(index.raw)} ({kib(index.gz)})", kib(text), f"{index.raw / text:.2f}×"])
    s.notes.append(
        "Search index: Pagefind's index chunks, results and tables of contents as stored (already compressed), "
        "or Material's `search_index.json`. Indexed text: the visible text of each indexed page's article, "
        "white space collapsed, UTF-8."
    )
    return [t, s]
