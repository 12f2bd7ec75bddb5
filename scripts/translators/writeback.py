"""Importing translators' files: their English written back into the pages, all or nothing.

Every entry is checked before anything is written: its key names a block of the document, once; its
English is what the pages may carry (markup.py) and reads back from the page as written (pages.py).
Any problem refuses the whole file, each with the file's line; nothing is written. Otherwise only the
blocks whose English changed are rewritten, each page and the translation state through the atomic
writer, so an import of what an export gave changes nothing, byte for byte.

The translation state, as `python -m scripts review` keeps it: a translated (not fuzzy) entry records its
block as translated from the Chinese the entry gives (its msgid or XLIFF source: the current Chinese,
unless the file is older than the page); a fuzzy entry is written but not recorded, so its block stays
stale until reviewed, and a block that was current becomes stale (a fuzzy flag asks for review).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.files import write_if_changed
from scripts.core.paths import ROOT, rel
from scripts.text.blocks import plain_text
from scripts.text.translation_state import fingerprint, load_state, save_state
from scripts.translators.document import Unit, same_text, state_path, units
from scripts.translators.markup import read
from scripts.translators.pages import EditError, Page, edit


@dataclass(frozen=True)
class Incoming:
    """One entry of an imported file."""

    key: str  # the block's ID: msgctxt, or the XLIFF unit's id ("" when the entry has none)
    source: str  # the Chinese it was translated from: msgid, or the XLIFF source
    target: str  # the English with its notes; "" when untranslated
    fuzzy: bool
    line: int  # of the entry in its file


class Refused(ValueError):
    """A file that cannot be imported; one `file:line: …` line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Outcome:
    written: dict[str, list[str]] = field(default_factory=dict)  # page file -> IDs of the blocks written
    recorded: list[str] = field(default_factory=list)  # blocks recorded as translated
    unrecorded: list[str] = field(default_factory=list)  # fuzzy blocks left (or made) stale
    warnings: list[str] = field(default_factory=list)
    state_written: bool = False  # whether the document's translation state changed


def apply(
    document: str, entries: list[Incoming], where: str, key_name: str, root: Path = ROOT, write: bool = True
) -> Outcome:
    """Import `entries` (from the file shown as `where`, whose keys are called `key_name`) into the
    document's English pages and translation state; Refused, and nothing written, on any problem."""
    by_id = {u.id: u for u in units(document, root, details=False)}
    problems: list[tuple[int, str]] = []  # (line, message): reported in the file's order
    seen: dict[str, int] = {}
    wanted: list[tuple[Incoming, Unit]] = []
    for e in sorted(entries, key=lambda e: e.line):
        at = f"{where}:{e.line}: {key_name} '{e.key}'"
        if not e.key:
            problems.append((e.line, f"{where}:{e.line}: the entry has no {key_name}: each entry names its block's ID"))
        elif e.key in seen:
            problems.append((e.line, f"{at}: repeats the entry on line {seen[e.key]}"))
        elif e.key not in by_id:
            problems.append((e.line, f"{at}: no heading or paragraph of the document '{document}' has this ID"))
        else:
            seen[e.key] = e.line
            wanted.append((e, by_id[e.key]))
    outcome = Outcome()
    zh_pages: dict[str, Page] = {}
    en_pages: dict[str, Page] = {}
    docs = root / "docs"
    state = load_state(state_path(document, root))
    new_state = dict(state)
    order = {u: i for i, u in enumerate(by_id)}
    for e, unit in sorted(wanted, key=lambda w: order[w[1].id]):
        at = f"{where}:{e.line}: {key_name} '{e.key}'"
        if not e.target.strip():
            if unit.en is not None:
                problems.append((e.line, f"{at}: the English is empty, and an import does not delete a block"))
            continue
        english, errors = read(e.target, unit.zh)
        problems += [(e.line, f"{at}: {p}") for p in errors]
        if english is None:
            continue
        en_path = docs / "en" / unit.page
        if not en_path.exists():
            problems.append((e.line, f"{at}: there is no English page {rel(en_path)} to write it to"))
            continue
        zh = zh_pages.setdefault(unit.page, Page(unit.zh.path, unit.zh.path.read_text(encoding="utf-8")))
        en = en_pages.setdefault(unit.page, Page(en_path, en_path.read_text(encoding="utf-8")))
        try:
            changed = edit(en, zh, unit.id, english)
        except EditError as err:
            problems.append((e.line, f"{at}: {err}"))
            continue
        if changed:
            outcome.written.setdefault(rel(en_path), []).append(unit.id)
        _record(e, unit, changed, new_state, outcome, at)
    if problems:
        raise Refused([message for _, message in sorted(problems, key=lambda p: p[0])])
    if write:
        for page in en_pages.values():
            write_if_changed(page.path, page.text)
        if new_state != state:
            save_state(new_state, state_path(document, root))
            outcome.state_written = True
    return outcome


def _record(e: Incoming, unit: Unit, changed: bool, state: dict[str, str], outcome: Outcome, at: str) -> None:
    """What an imported entry does to its block's translation state (see the module's docstring)."""
    if e.fuzzy:
        if unit.status == "translated":
            del state[unit.id]
        outcome.unrecorded.append(unit.id)
        return
    source = e.source if e.source.strip() else unit.source
    if same_text(source, unit.source):
        if state.get(unit.id) != fingerprint(unit.zh.text):
            state[unit.id] = fingerprint(unit.zh.text)
            outcome.recorded.append(unit.id)
    elif changed:
        # translated from an earlier Chinese: recorded as such, so the block shows as stale with the change
        state[unit.id] = fingerprint(plain_text(source))
        outcome.unrecorded.append(unit.id)
        outcome.warnings.append(
            f"{at}: translated from an earlier Chinese text than the page's: written, and stale until reviewed"
        )
