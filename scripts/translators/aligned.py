"""The aligned edition for readers and researchers: every block of the document that has both languages,
as TMX 1.4b (one translation unit per heading or paragraph, zh-CN to en-US) and as a bilingual CSV, linked
among the downloads of the Data page.

They are made from the pages by every build (the plugin writes them into the site's downloads folder),
never kept in the repository: the pages are the one source of the text, and an edit of a page needs no
other file regenerated. Each unit carries the block's ID, its place on the site (`part1/#part1-a1-p1`,
under `en/` for the English), its kind, the text of each language as a reader sees it and the translator's
notes. The TMX is written by translate-toolkit's TMX storage; the CSV by the downloads' own CSV writer
(which neutralizes formulas), with the column names translate-toolkit reads (source is the Chinese,
target the English).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from translate.storage import tmx

from scripts.core.documents import Document
from scripts.core.paths import ROOT
from scripts.generators.downloads import _csv
from scripts.generators.downloads import files as download_files
from scripts.text.blocks import Block, plain_text
from scripts.translators.document import SOURCE_LANG, TARGET_LANG, Unit, main_document, named, units

CODE_RE = re.compile(r"`([^`]*)`")
Pairs = list[tuple[Unit, Block]]
CSV_HEADER = ["id", "location", "kind", "source", "target", "notes"]


def _location(u: Unit) -> str:
    """The block's place on the site, from its root: `part1/#part1-a1-p1`, `#home` on the home page."""
    path = Path(u.page).with_suffix("").as_posix()
    return ("" if path == "index" else path.removesuffix("/index") + "/") + f"#{u.id}"


def _kind(b: Block) -> str:
    return "label" if b.is_label else b.kind


def reader_text(markdown: str) -> str:
    """The text as a reader sees it: plain_text, with a code span's content kept as it is."""
    spans: list[str] = []

    def keep(m: re.Match[str]) -> str:
        spans.append(m.group(1))
        return chr(0xE000 + len(spans) - 1)  # a private-use character stands in for the span

    text = plain_text(CODE_RE.sub(keep, markdown))
    if not spans:
        return text
    last = chr(0xE000 + len(spans) - 1)
    return re.sub(f"[\ue000-{last}]", lambda m: spans[ord(m.group()) - 0xE000], text)


def _notes(b: Block) -> list[str]:
    return [f"{n.label}: {reader_text(n.markdown)}" for n in b.notes]


def paired(document: str, root: Path = ROOT, own: Document | None = None) -> Pairs:
    """Every unit of the document that has an English twin, in order, with that twin (`own`: as for units)."""
    return [(u, u.en) for u in units(document, root, details=False, own=own) if u.en is not None]


def to_tmx(document: str, pairs: Pairs) -> str:
    store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    for u, en in pairs:
        tu = store.addsourceunit(reader_text(u.zh.markdown), SOURCE_LANG)
        tu.settarget(reader_text(en.markdown), TARGET_LANG)
        tu.xmlelement.set("tuid", u.id)
        for note in _notes(en):
            tu.addnote(note)
        tuv = tu.xmlelement.find("tuv")
        for kind, value in [("x-location", _location(u)), ("x-kind", _kind(u.zh))]:
            prop = etree.Element("prop", type=kind)
            prop.text = value
            tuv.addprevious(prop)
    store.addheader()
    header = store.document.getroot().find("header")
    assert header is not None  # addheader filled in the skeleton's <header>
    header.attrib.update({"segtype": "paragraph", "adminlang": TARGET_LANG, "datatype": "plaintext"})
    prop = etree.SubElement(header, "prop", type="x-document")
    prop.text = document
    return bytes(store).decode("utf-8")


def to_csv(pairs: Pairs) -> str:
    rows = [
        [u.id, _location(u), _kind(u.zh), reader_text(u.zh.markdown), reader_text(en.markdown), "\n".join(_notes(en))]
        for u, en in pairs
    ]
    return _csv(CSV_HEADER, rows)


def files(root: Path = ROOT) -> dict[str, str]:
    """The aligned downloads: file name (in the site's downloads folder) -> content. Those of the document
    at the language root, and of each other document with data, whose Data page lists its own."""
    found, document = named(root), main_document(root)
    pairs = paired(document, root, found[document])
    names = download_files(root)
    out = {names["tmx"]: to_tmx(document, pairs), names["aligned"]: to_csv(pairs)}
    for name, other in found.items():
        if other.data is not None and name != document:
            pairs, names = paired(name, root, other), download_files(root, other)
            out.update({names["tmx"]: to_tmx(name, pairs), names["aligned"]: to_csv(pairs)})
    return out
