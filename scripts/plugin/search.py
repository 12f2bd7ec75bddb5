"""Site search: one Pagefind index per language, of the text's blocks, built after the whole site.

Each block with an ID in a page's article (heading, paragraph, translator's note, chart, table of the
Data page) is one search record whose URL is the block's own: `/part2/#part2-a1-p1`, so a result
lands on the paragraph that matched. What is not text stays out: permalinks, speaker labels, note
markers, stale notices, the tables' source column and links, and the pages the plugin's `search_skip`
option names (the glossary and the changes page, whose entries repeat the pages' terms and titles).
The side-by-side pages are not searched: they repeat the single-language pages. A table generated into a page is a copy of the one
on the Data page (it links there) and is indexed there only.

Chinese is segmented into single characters, on both sides: here, with a zero-width space around
each Han character (Pagefind keeps those boundaries), and in the browser, where
docs/zh/assets/search-worker.js splits a query the same way and requires the characters of each word
in a row. So any run of text is found whole, a name (李春生, 逯峰) as well as a term (电信诈骗), without a
dictionary in the browser and whatever words the text holds. English is indexed as words, which
Pagefind stems (drugs finds Drug Crime).

Each language gets its own bundle at its root (`pagefind/`, `en/pagefind/`), so a page can only load
its own language's index. Pagefind's own user interface is not written: Material's search drives the
index (overrides/main.html, docs/zh/assets/search-worker.js).
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from scripts.core.files import write_atomic
from scripts.core.languages import LANGS, language_of, root

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs: Extension A, the unified block, compatibility
HAN_RE = re.compile(f"([{HAN}])")
ZWS = "\u200b"  # Pagefind's word boundary in Chinese and Japanese text
META = "zqxj"  # begins each value of a record's metadata (Record.meta)
BUNDLE = "pagefind"  # the folder of each language's index below its root
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = (*HEADINGS, "p", "li", "figure", "table")


def _class(name: str) -> str:
    """An XPath test: the element has the class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Inside a block, what is not its text: links to itself, speaker labels, note markers and back links, notices,
# a copied table's link to the Data page and every table's source column (where each figure stands).
CHROME = " | ".join(
    [f".//a[{_class(c)}]" for c in ("paralink", "headerlink", "footnote-backref", "data-table__more")]
    + [
        f".//*[{_class('speaker')}]",
        f".//*[{_class('stale-notice')}]",
        f".//*[{_class('untranslated')}]",
        f".//td[{_class('source')}]",
    ]
    + [".//sup[starts-with(@id, 'fnref:')]", ".//thead"]
)
# Of Pagefind's files, what the search uses; the wasm is kept for the language the entry file names.
KEEP = ("pagefind.js", "pagefind-entry.json", "index", "fragment")


class SearchError(RuntimeError):
    """The index cannot be built (Pagefind is missing or failed); str() says what to do."""


@dataclass(frozen=True)
class Record:
    url: str  # the block below the site root, whatever path the site is served at: "/en/part2/#part2-a1-p1"
    lang: str
    text: str  # the block's text, white space collapsed
    page: str  # the title of its page
    section: str  # the heading (below the page's title) it stands under, if any
    kind: str  # "heading", "table" or "text" (the search may weigh them: plugin option `search_weights`)

    def meta(self) -> dict[str, str]:
        """What a result shows besides its text, as Pagefind's metadata of the record. Pagefind searches
        metadata as well, so each value is written as one word no query holds (META, then the value's
        UTF-8 in hex; assets/search-worker.js reads it back). Pagefind's filters, which it does not
        search, come out in a different order from one build to the next."""
        fields = {"page": self.page, "section": self.section, "kind": self.kind}
        return {key: META + value.encode("utf-8").hex() for key, value in fields.items() if value}

    def content(self) -> str:
        """The text as Pagefind indexes it: in Chinese, each Han character a word of its own."""
        if self.lang != "zh":
            return self.text
        # a space stays with the character before it: Pagefind drops a word that is only white space
        return re.sub(f"{ZWS}+", ZWS, re.sub(rf"{ZWS}(?=\s)", "", HAN_RE.sub(rf"{ZWS}\1{ZWS}", self.text))).strip(ZWS)


def page_url(lang: str, page: str) -> str:
    """The URL of a page file (`part2.md`) of a language, below the site root: `/en/part2/`."""
    stem = page.removesuffix(".md")
    return "/" + root(lang) + ("" if stem == "index" else stem.removesuffix("/index") + "/")


def _text(el: HtmlElement) -> str:
    if el.tag == "table":  # cell by cell, row by row: "立案数 489415起 2016年; 破案数 …"
        caption = el.find("caption")
        rows = [" ".join(c.text_content() for c in tr.iter("th", "td")) for tr in el.iter("tr")]
        text = " ".join(
            [caption.text_content() if caption is not None else "", "; ".join(r for r in rows if r.strip())]
        )
    else:
        text = el.text_content()
    return " ".join(text.split())


def _elements(el: HtmlElement, xpath: str) -> list[HtmlElement]:
    return [found for found in el.xpath(xpath) if isinstance(found, HtmlElement)]


def page_records(html: str, lang: str, url: str) -> list[Record]:
    """The search records of one built page: its blocks with an ID, in document order."""
    found = _elements(lxml.html.fromstring(html), "//article")
    if not found:
        return []
    article = found[0]
    copies = set(_elements(article, f".//table[.//a[{_class('data-table__more')}]]"))
    for el in _elements(article, CHROME):
        el.drop_tree()  # its text goes, the text after it stays
    h1 = article.find(".//h1")
    title = _text(h1) if h1 is not None else ""
    out: list[Record] = []
    section = ""
    for el in article.iter(*BLOCKS):
        if not el.get("id") or el in copies:
            continue  # a copy: a generated table placed in a page, which the Data page holds too (it links there)
        if any(a.tag in BLOCKS and a.get("id") for a in el.iterancestors()):
            continue  # inside a block that is a record already
        text = _text(el)
        kind = "heading" if el.tag in HEADINGS else "table" if el.tag == "table" else "text"
        if kind == "heading":
            section = text if el.tag != "h1" else ""
        if text:
            out.append(Record(f"{url}#{el.get('id')}", lang, text, title, "" if kind == "heading" else section, kind))
    return out


def site_records(site: Path, lang: str, pages: list[str]) -> list[Record]:
    """The records of a language's pages (files of the navigation, relative to a language folder)."""
    out: list[Record] = []
    for page in pages:
        url = page_url(lang, page)
        path = site / url.lstrip("/") / "index.html"
        if path.is_file():
            out += page_records(path.read_text(encoding="utf-8"), lang, url)
    return out


class _Pagefind:
    """Pagefind's indexing service (`pagefind --service`, what its Python and Node packages drive), one
    request at a time. The Python package answers each request after a tenth of a second's sleep,
    which made indexing block by block take half a minute; this answers as soon as Pagefind has."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise SearchError(
                "no Pagefind binary: the search index needs Pagefind's extended build (pagefind[extended])"
            )
        try:
            self.process = subprocess.Popen(
                [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except OSError as err:
            raise SearchError(f"Pagefind cannot be run ({binary}: {err.strerror or err})") from None
        self.sent = 0
        self.pending = bytearray()  # what Pagefind has written beyond the last answer read

    def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode("utf-8")
        stopped = SearchError(f"Pagefind stopped while indexing ({payload['type']})")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")  # the service reads up to a comma
            self.process.stdin.flush()
        except BrokenPipeError:
            raise stopped from None
        while (end := self.pending.find(b",")) < 0:  # base64 holds no comma: one answer ends at the first
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                raise stopped
            self.pending += chunk
        answer, self.pending = bytes(self.pending[:end]), self.pending[end + 1 :]
        reply: dict[str, Any] = json.loads(base64.b64decode(answer))["payload"]
        if reply.get("type") == "Error":
            raise SearchError(f"Pagefind: {reply.get('message')}")
        return reply

    def close(self) -> None:
        """End the service as it ends itself, at the end of its input: once it has written everything."""
        with contextlib.suppress(OSError):  # a Pagefind that stopped cannot be told to
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Pagefind loads a language's word segmentation at the first record of that language it indexes: half a
# second for Chinese. warm_up has a service do that in the background while the pages are being built.
_warm: dict[str, Future[_Pagefind]] = {}
WARM_UP_TEXT = "\u4e00"  # any text: the language's segmentation is loaded for the record's language


def _warmed(lang: str) -> _Pagefind:
    pagefind = _Pagefind()
    try:
        index = pagefind.send({"type": "NewIndex", "config": None})["index_id"]
        record = {"type": "AddRecord", "index_id": index, "url": "/", "content": WARM_UP_TEXT, "language": lang}
        pagefind.send(record | {"meta": None, "filters": None, "sort": None})
    except SearchError:
        pagefind.close()
        raise
    return pagefind


def warm_up(lang: str) -> None:
    """Start a Pagefind service for `lang` in the background, its segmentation loaded, for the next bundle()
    of that language in this process (one is kept at a time; one left unused is ended at exit)."""
    if lang not in _warm:
        starter = ThreadPoolExecutor(max_workers=1)
        _warm[lang] = starter.submit(_warmed, lang)
        starter.shutdown(wait=False)  # its thread ends once the service is ready


def _service(lang: str) -> _Pagefind:
    """The warmed service of `lang` if there is one, else a new one."""
    future = _warm.pop(lang, None)
    if future is not None:
        with contextlib.suppress(SearchError):  # a warm-up that failed: a new service says why, if it fails too
            return future.result()
    return _Pagefind()


@atexit.register
def _end_unused() -> None:
    for future in list(_warm.values()):
        with contextlib.suppress(SearchError):
            future.result().close()
    _warm.clear()


def bundle(records: list[Record], lang: str) -> dict[str, bytes]:
    """A language's Pagefind bundle of `records`: {path in the bundle: content}, what the search uses of
    it (Pagefind hands over its files; writing them itself, it answers before they are all written).
    The index is a new one (NewIndex), also in a warmed service: what warm_up indexed is not in it."""
    pagefind = _service(lang)
    try:
        index = pagefind.send({"type": "NewIndex", "config": None})["index_id"]
        for r in records:
            pagefind.send(
                {"type": "AddRecord", "index_id": index, "url": r.url, "content": r.content(), "language": lang}
                | {"meta": r.meta(), "filters": None, "sort": None}
            )
        files = {
            f["path"]: base64.b64decode(f["content"])
            for f in pagefind.send({"type": "GetFiles", "index_id": index})["files"]
        }
    finally:
        pagefind.close()
    try:
        entry = json.loads(files["pagefind-entry.json"])
    except (KeyError, ValueError) as err:
        raise SearchError(f"Pagefind gave no readable pagefind-entry.json ({err})") from None
    wasm = {f"wasm.{found['wasm'] or 'unknown'}.pagefind" for found in entry["languages"].values()}
    kept = {}
    for path, data in files.items():
        parts = PurePosixPath(path).parts
        if PurePosixPath(path).is_absolute() or ".." in parts:
            raise SearchError(f"Pagefind gave a file outside its bundle: {path}")
        if parts[0] in KEEP or path in wasm or path.endswith(".pf_meta"):
            kept[path] = data  # not Pagefind's own user interface, nor another language's wasm
    return kept


def remembered(records: list[Record], lang: str, cache: Path | None) -> dict[str, bytes]:
    """The bundle of `records`: from `cache` when a build gave the same records to the same Pagefind
    (one bundle a language is kept there, as a build cache: scripts/plugin/buildcache.py), else made."""
    if cache is None:
        return bundle(records, lang)
    from pagefind.service import get_executable

    made_by = [version("pagefind"), version("pagefind_bin_extended"), str(get_executable())]
    key = json.dumps([made_by, lang, [dataclasses.astuple(r) for r in records]], ensure_ascii=False)
    kept = cache / f"{lang}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.json"
    with contextlib.suppress(OSError, ValueError):  # none kept, or not readable: made again
        return {path: base64.b64decode(data) for path, data in json.loads(kept.read_text(encoding="utf-8")).items()}
    files = bundle(records, lang)
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        write_atomic(kept, json.dumps({p: base64.b64encode(d).decode("ascii") for p, d in files.items()}).encode())
        for other in cache.glob(f"{lang}-*.json"):
            if other != kept:
                other.unlink()
    return files


def kept_for(lang: str, cache: Path | None) -> bool:
    """Whether `cache` holds a bundle of `lang` (of some records: remembered decides if they are the same)."""
    return cache is not None and any(cache.glob(f"{lang}-*.json"))


def write(site: Path, lang: str, records: list[Record], cache: Path | None = None) -> Path:
    """Write a language's bundle to `pagefind/` at its root, whole or not at all; return its folder."""
    files = remembered(records, lang, cache)
    target = site / root(lang) / BUNDLE
    with tempfile.TemporaryDirectory(dir=site, prefix=".pagefind-") as tmp:
        built = Path(tmp) / BUNDLE
        for path, data in files.items():
            (built / path).parent.mkdir(parents=True, exist_ok=True)
            (built / path).write_bytes(data)
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        built.rename(target)
    return target


def build(site: Path, pages: list[str], cache: Path | None = None) -> dict[str, int]:
    """Index the pages of every language (files of the navigation, relative to a language folder), each
    language by a Pagefind of its own at the same time (or from `cache`), and remove Material's own
    index, which nothing reads; return the number of records per language."""
    records = {lang: site_records(site, lang, pages) for lang in LANGS}
    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        for done in [pool.submit(write, site, lang, records[lang], cache) for lang in LANGS]:
            done.result()  # a SearchError of either language is raised here
    for lang in LANGS:
        material = site / root(lang) / "search" / "search_index.json"
        material.unlink(missing_ok=True)
        if material.parent.is_dir() and not any(material.parent.iterdir()):
            material.parent.rmdir()
    return {lang: len(found) for lang, found in records.items()}


def split_material_index(site: Path) -> dict[str, int]:
    """With `search: "off"`: Material's own index, which mkdocs-static-i18n writes once at the site's root
    for every language, split into one index per language at that language's root, its locations made
    relative to that root: each page's Material searches below its language's root (overrides/main.html
    sets its `base` there), so that each language finds its own pages only. The number of entries per language."""
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in LANGS}
    for doc in index.get("docs", []):
        lang = language_of(str(doc.get("location", "")))
        docs[lang].append({**doc, "location": str(doc["location"]).removeprefix(root(lang))})
    for lang, entries in docs.items():
        target = site / root(lang) / "search" / "search_index.json"
        write_atomic(target, json.dumps({**index, "docs": entries}, ensure_ascii=False).encode("utf-8"))
    return {lang: len(entries) for lang, entries in docs.items()}
