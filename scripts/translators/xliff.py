"""The edition as XLIFF 2.0, through translate-toolkit's XLIFF 2 storage, with the PO file's rules.

One `<unit>` per heading and paragraph, its `id` the block's ID; `<source>` the Chinese (inline Markdown
kept), `<target>` the English with its translator's notes after a blank line, as in the PO file. The
segment's `state` is `translated` for a current block and `initial` for a stale one (XLIFF's "needs
work", as PO's fuzzy) or a missing one (no target). The unit's `<notes>` give its places (category
`location`), what a translator should know (`instructions`), and for a stale block the Chinese it was
translated from (`previous-source`). The `<file>`'s id names the document.

translate-toolkit writes a unit's notes and `xml:space` on its `<segment>`, where XLIFF 2.0 has neither:
both are moved to the `<unit>`, where the standard puts them, before the file is written.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from translate.storage import xliff2

from scripts.core.files import write_atomic
from scripts.core.paths import ROOT
from scripts.translators.document import SOURCE_LANG, TARGET_LANG, Unit, units
from scripts.translators.writeback import Incoming, Outcome, Refused, apply

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _unit(store: xliff2.Xliff2File, u: Unit) -> None:
    unit = store.UnitClass(u.source)
    unit.setid(u.id)
    if u.en is not None:
        unit.target = u.target
    store.addunit(unit)
    segment = unit.xmlelement
    segment.set("state", "translated" if u.status == "translated" else "initial")
    element = unit.getunitelement()
    ns = store.namespace
    notes = etree.Element(f"{{{ns}}}notes")
    texts = [("location", f"{path}:{line}") for path, line in u.locations()]
    texts += [("instructions", text) for text in u.comments()]
    if u.status == "stale" and u.previous is not None:
        texts.append(("previous-source", u.previous.markdown))
    for category, text in texts:
        note = etree.SubElement(notes, f"{{{ns}}}note", category=category)
        note.text = text
    element.insert(0, notes)
    if XML_SPACE in segment.attrib:
        del segment.attrib[XML_SPACE]
    element.set(XML_SPACE, "preserve")


def export(document: str, out: Path, root: Path = ROOT) -> int:
    """Write the document as XLIFF 2.0; returns the number of units."""
    store = xliff2.Xliff2File(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.setfilename(store.body, document)
    all_units = units(document, root)
    for u in all_units:
        _unit(store, u)
    write_atomic(out, bytes(store))
    return len(all_units)


def read(path: Path, shown: str) -> tuple[str, list[Incoming]]:
    """The document an XLIFF 2 file is for, and its units; Refused if it cannot be read."""
    if not path.is_file():
        raise Refused([f"{shown}: no such file"])
    try:
        store = xliff2.Xliff2File.parsefile(str(path))
    except (OSError, ValueError, etree.XMLSyntaxError) as err:
        raise Refused([f"{shown}:1: not a readable XLIFF 2 file: {err}"]) from None
    files = list(store.document.getroot().iterchildren(f"{{{store.namespace}}}file"))
    if len(files) != 1:
        raise Refused([f"{shown}:1: an XLIFF file of this project holds one <file>, found {len(files)}"])
    entries = []
    for unit in store.units:
        element = unit.getunitelement()
        fuzzy = bool(unit.target) and unit.xmlelement.get("state", "initial") == "initial"
        entries.append(
            Incoming(element.get("id", ""), unit.source or "", unit.target or "", fuzzy, element.sourceline or 1)
        )
    return files[0].get("id", ""), entries


def import_(path: Path, shown: str, document: str, root: Path = ROOT) -> Outcome:
    """Write an XLIFF 2 file's English into the document's pages; Refused, and nothing written, on any problem."""
    named, entries = read(path, shown)
    if named != document:
        raise Refused([f"{shown}:1: the file is for the document '{named}' (its <file id>), not '{document}'"])
    return apply(document, entries, shown, "unit", root)
