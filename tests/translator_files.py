"""Helpers of the translators' file tests (tests/test_po_*.py, test_xliff.py, test_tmx.py): the command line
in a copy of the project, the files an import may change, and edits made with polib as a CAT tool makes
them."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
from conftest import ROOT

from scripts.core.paths import COPY_IGNORE
from scripts.text.blocks import Block, parse_page
from scripts.text.translation_state import review
from scripts.translators.pages import block_end


def copy_project(dest: Path) -> Path:
    """A copy of the project in which every translation is current, so that what a test changes is all that
    differs (the real project's state is the status check's to judge)."""
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    review([], dest / "docs", dest / "data" / "translation-state.json")
    return dest


def snapshot(project: Path) -> dict[str, bytes]:
    """Every file an import may write, and more: everything under docs/, and the translation state."""
    files = [p for p in (project / "docs").rglob("*") if p.is_file()]
    files.append(project / "data" / "translation-state.json")
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in files}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def block(project: Path, lang: str, page: str, block_id: str) -> Block:
    return next(b for b in parse_page(project / "docs" / lang / page) if b.id == block_id)


def edit_entry(source: Path, out: Path, block_id: str, msgstr: str | None = None, fuzzy: bool | None = None) -> Path:
    """A copy of a PO file with one entry changed, read and saved by polib as a CAT tool would."""
    po = polib.pofile(str(source))
    entry = po.find(block_id, by="msgctxt")
    assert entry is not None, block_id
    if msgstr is not None:
        entry.msgstr = msgstr
    if fuzzy is True and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    if fuzzy is False and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    po.save(str(out))
    return out


def remove_block(project: Path, page: str, block_id: str) -> None:
    """Take an English block out of its page with its notes and the blank line before it, as if it had
    never been translated."""
    path = project / "docs" / "en" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    b = block(project, "en", page, block_id)
    start, end = b.line - 1, block_end(lines, b)
    del lines[(start - 1 if start else 0) : (end if start else end + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
