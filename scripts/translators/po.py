"""The edition as a gettext PO file (or a POT template), for Poedit, Weblate, OmegaT and the like.

One entry per heading and paragraph of the document, in page order:

* `msgctxt`: the block's ID (`part2-a1-p1`), the key an import writes the English back by;
* `msgid`: the Chinese, inline Markdown kept; `msgstr`: the current English, and after it each of the
  block's translator's notes after a blank line, as in the page (`[^tn-label]: …`);
* `#:` the block's file and line in each language; `#.` what kind of block it is, the rules it keeps
  and each glossary term its Chinese uses, with the rendering, the variants, what never to write and why;
* a stale block (the Chinese changed since it was translated) is `fuzzy`, with the Chinese it was
  translated from as `#| msgid`; a missing one has an empty `msgstr`. A POT template has every
  `msgstr` empty.

The header names the document (`X-Document: interview`); an import refuses a file for another one.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import polib

from scripts.core.files import write_atomic
from scripts.core.paths import ROOT
from scripts.translators.document import SOURCE_LANG, TARGET_LANG, Unit, units
from scripts.translators.writeback import Incoming, Outcome, Refused, apply

PROJECT = "hurricane-2016-interview"
DOCUMENT_HEADER = "X-Document"
HEADER_COMMENT = """Translation of the document '{document}' from Chinese into English ({project}).
Each entry is one heading or paragraph; msgctxt is its ID. Translate the msgstr and keep:
the speaker label at the start (in bold, then {{ .speaker }}); inline Markdown (**bold**, *italics*);
Chinese within the English as <span lang="zh">…</span>. A translator's note follows the text
after a blank line, as [^tn-label]: note, and the text refers to it with [^tn-label].
An entry marked fuzzy is imported, but stays stale until it is unmarked (reviewed).
Import with: python -m scripts po import FILE.po"""


def _entry(u: Unit, template: bool) -> polib.POEntry:
    stale = u.status == "stale" and not template
    return polib.POEntry(
        msgctxt=u.id,
        msgid=u.source,
        msgstr="" if template else u.target,
        occurrences=[(path, str(line)) for path, line in u.locations()],
        comment="\n".join(u.comments()),
        flags=["fuzzy"] if stale else [],
        previous_msgid=u.previous.markdown if stale and u.previous else None,
    )


def export(document: str, out: Path, root: Path = ROOT) -> int:
    """Write the document as PO (a POT template when `out` ends in .pot); returns the number of entries."""
    template = out.suffix == ".pot"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M+0000")
    po = polib.POFile(wrapwidth=0)
    po.header = HEADER_COMMENT.format(document=document, project=PROJECT)
    po.metadata = {
        "Project-Id-Version": f"{PROJECT} {document}",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": "English",
        "Language": "" if template else TARGET_LANG.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": SOURCE_LANG.replace("-", "_"),
        DOCUMENT_HEADER: document,
    }
    entries = [_entry(u, template) for u in units(document, root)]
    po.extend(entries)
    write_atomic(out, str(po).encode("utf-8"))
    return len(entries)


def read(path: Path, shown: str) -> tuple[str, list[Incoming]]:
    """The document a PO file is for, and its entries; Refused if it cannot be read."""
    if not path.is_file():
        raise Refused([f"{shown}: no such file"])
    try:
        po = polib.pofile(str(path), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise Refused([f"{shown}:1: not a readable PO file: {err}"]) from None
    document = po.metadata.get(DOCUMENT_HEADER, "")
    entries = []
    for e in po:
        if e.obsolete:
            continue
        if e.msgid_plural:
            raise Refused([f"{shown}:{e.linenum}: msgctxt '{e.msgctxt or ''}': a plural entry is not a block"])
        entries.append(Incoming(e.msgctxt or "", e.msgid, e.msgstr, e.fuzzy, e.linenum or 1))
    return document, entries


def import_(path: Path, shown: str, document: str, root: Path = ROOT, write: bool = True) -> Outcome:
    """Write a PO file's English into the document's pages (only check it, without `write`); Refused, and
    nothing written, on any problem."""
    named, entries = read(path, shown)
    if named != document:
        found = f"is for the document '{named}'" if named else f"names no document (no {DOCUMENT_HEADER} header)"
        raise Refused([f"{shown}:1: the file {found}, not '{document}'"])
    return apply(document, entries, shown, "msgctxt", root, write)
