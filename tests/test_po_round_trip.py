"""The PO round trip, keyed by paragraph ID: an export names every block by its ID with its Chinese, its
English and notes, its places and its glossary terms; an import of it changes nothing, byte for byte; an
entry edited with polib changes exactly its paragraph and its translation state."""

from __future__ import annotations

import difflib
from pathlib import Path

import polib
import pytest
from conftest import cli, git, replace_once
from translator_files import block, changed, copy_project, edit_entry, remove_block, snapshot

from scripts.text import glossary
from scripts.text.blocks import parse_page
from scripts.text.translation_state import fingerprint, load_state, save_state, status
from scripts.translators import po
from scripts.translators.document import english

STATE = Path("data") / "translation-state.json"
PAGE = "part3.md"


def forget(project: Path, block_id: str) -> None:
    """Make a block stale: drop its record from the translation state."""
    state = load_state(project / STATE)
    del state[block_id]
    save_state(state, project / STATE)


def state_of(project: Path, block_id: str) -> str:
    return next(e.status for ps in status(project / "docs", project / STATE) for e in ps.entries if e.id == block_id)


def export(project: Path, name: str = "out.po") -> Path:
    po.export("interview", project / name, project)
    return project / name


def entry(path: Path, block_id: str) -> polib.POEntry:
    found = polib.pofile(str(path)).find(block_id, by="msgctxt")
    assert found is not None, block_id
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_export_then_import_changes_nothing_byte_for_byte(project: Path) -> None:
    forget(project, "part3-a1-p2")  # a stale block: exported fuzzy
    remove_block(project, PAGE, "part3-a1-p3")  # a missing one: exported with an empty msgstr
    path = export(project)
    before = snapshot(project)
    outcome = po.import_(path, "out.po", "interview", project)
    assert changed(before, snapshot(project)) == set()
    assert outcome.written == {} and outcome.recorded == [] and not outcome.state_written


def test_the_command_line_exports_and_imports_a_po_file(project: Path) -> None:
    made = cli(project, "po", "export", "interview", "out.po")
    assert made.returncode == 0, made.stderr
    assert "po export:" in made.stderr and (project / "out.po").exists()
    before = snapshot(project)
    done = cli(project, "po", "import", "out.po")
    assert done.returncode == 0 and "po import: nothing changed" in done.stderr, done.stderr
    assert changed(before, snapshot(project)) == set()


def test_every_block_is_an_entry_keyed_by_its_id_with_its_places(project: Path) -> None:
    pofile = polib.pofile(str(export(project)))
    assert pofile.metadata["X-Document"] == "interview" and pofile.metadata["Language"] == "en_US"
    zh = parse_page(project / "docs" / "zh" / PAGE)
    en = {b.id: b for b in parse_page(project / "docs" / "en" / PAGE)}
    for b in (b for b in zh if b.kind != "container"):
        e = pofile.find(b.id, by="msgctxt")
        assert e is not None and e.msgid == b.markdown and e.msgstr == english(en[b.id])
        assert e.occurrences == [(f"docs/zh/{PAGE}", str(b.line)), (f"docs/en/{PAGE}", str(en[b.id].line))]
    containers = {b.id for b in zh if b.kind == "container"}
    assert not [e for e in pofile if e.msgctxt in containers]


def test_the_notes_travel_in_the_msgstr_after_the_text(project: Path) -> None:
    noted = next(b for b in parse_page(project / "docs" / "en" / PAGE) if b.notes)
    e = entry(export(project), noted.id)
    text, *notes = e.msgstr.split("\n\n")
    assert text == noted.markdown
    assert notes == [f"[^{n.label}]: {n.markdown}" for n in noted.notes]


def test_each_entry_names_the_glossary_terms_its_chinese_uses(project: Path) -> None:
    path = export(project)
    terms = glossary.load(project / "data" / "glossary.yml")
    b = block(project, "zh", PAGE, "part3-a1-p1")
    used = glossary.terms_in(b.text, terms)
    assert used
    comment = entry(path, b.id).comment
    for t in used:
        assert f"Glossary: {t.zh} → {t.en}" in comment


def test_a_stale_block_is_fuzzy_with_the_chinese_it_was_translated_from(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "add", "docs", "data")
    git(project, "commit", "-qm", "base")
    old = block(project, "zh", PAGE, "part3-a1-p5").markdown
    replace_once(project / "docs" / "zh" / PAGE, "近2000万元", "近3000万元")
    git(project, "commit", "-qam", "a changed Chinese paragraph")
    path = export(project)
    e = entry(path, "part3-a1-p5")
    assert e.fuzzy and e.previous_msgid == old and "近3000万元" in e.msgid
    assert "The Chinese changed since this was translated: '2' -> '3'" in e.comment
    assert [x.msgctxt for x in polib.pofile(str(path)) if x.fuzzy] == ["part3-a1-p5"]


@pytest.mark.parametrize(
    "block_id",
    [
        "part3",  # the heading at the top of the page
        "part3-q1-p1",  # the first paragraph of a turn, with its speaker label
        "part3-a1-p1",  # the first of a turn, with a note, before a generated table
        "part3-a1-p2",  # right after that generated table
        "part3-a1-p6",  # a paragraph with a note, before another generated table
    ],
)
def test_a_missing_block_has_an_empty_msgstr_and_its_import_puts_it_back_where_it_stood(
    project: Path, tmp_path: Path, block_id: str
) -> None:
    page = project / "docs" / "en" / PAGE
    original, text = page.read_bytes(), english(block(project, "en", PAGE, block_id))
    remove_block(project, PAGE, block_id)
    path = export(project)
    assert entry(path, block_id).msgstr == ""
    po.import_(edit_entry(path, tmp_path / "filled.po", block_id, text), "filled.po", "interview", project)
    assert page.read_bytes() == original


def test_an_entry_edited_with_polib_changes_exactly_its_paragraph_and_its_state(project: Path, tmp_path: Path) -> None:
    target = "part3-a1-p6"
    forget(project, target)
    path = export(project)
    assert entry(path, target).fuzzy
    before = snapshot(project)
    en_before = parse_page(project / "docs" / "en" / PAGE)
    state_before = load_state(project / STATE)
    new = entry(path, target).msgstr.replace("Fourth, we", "Fourth, we also", 1)
    outcome = po.import_(
        edit_entry(path, tmp_path / "edited.po", target, new, fuzzy=False), "edited.po", "interview", project
    )
    assert outcome.written == {f"docs/en/{PAGE}": [target]} and outcome.recorded == [target]
    assert changed(before, snapshot(project)) == {f"docs/en/{PAGE}", STATE.as_posix()}
    en_after = parse_page(project / "docs" / "en" / PAGE)
    assert [b for b in en_after if b.id != target] == [b for b in en_before if b.id != target]
    b = next(b for b in en_after if b.id == target)
    old_lines = before[f"docs/en/{PAGE}"].decode().split("\n")
    new_lines = (project / "docs" / "en" / PAGE).read_text(encoding="utf-8").split("\n")
    diff = [d for d in difflib.ndiff(old_lines, new_lines) if d[:1] in "+-"]
    assert diff == [f"- {old_lines[b.line - 1]}", f"+ {new_lines[b.line - 1]}"]
    assert new_lines[b.line - 1].startswith("Fourth, we also")
    state_after = load_state(project / STATE)
    assert {k for k in state_before.keys() | state_after.keys() if state_before.get(k) != state_after.get(k)} == {
        target
    }
    assert state_after[target] == fingerprint(block(project, "zh", PAGE, target).text)
    assert state_of(project, target) == "translated"


def test_a_fuzzy_entry_is_imported_but_its_block_stays_stale(project: Path, tmp_path: Path) -> None:
    forget(project, "part3-a1-p2")
    path = export(project)
    state = (project / STATE).read_bytes()
    new = entry(path, "part3-a1-p2").msgstr.replace("owe most", "owe chiefly")
    outcome = po.import_(edit_entry(path, tmp_path / "e.po", "part3-a1-p2", new), "e.po", "interview", project)
    assert "owe chiefly" in block(project, "en", PAGE, "part3-a1-p2").markdown
    assert outcome.unrecorded == ["part3-a1-p2"] and (project / STATE).read_bytes() == state
    assert state_of(project, "part3-a1-p2") == "stale"


def test_a_current_block_marked_fuzzy_becomes_stale(project: Path, tmp_path: Path) -> None:
    path = edit_entry(export(project), tmp_path / "e.po", "part3-a1-p3", fuzzy=True)
    assert state_of(project, "part3-a1-p3") == "translated"
    po.import_(path, "e.po", "interview", project)
    assert state_of(project, "part3-a1-p3") == "stale"
    assert "part3-a1-p3" not in load_state(project / STATE)


def test_an_entry_translated_from_an_earlier_chinese_is_written_and_stays_stale(project: Path, tmp_path: Path) -> None:
    path = export(project)
    pofile = polib.pofile(str(path))
    e = pofile.find("part3-a1-p5", by="msgctxt")
    assert e is not None
    old_chinese = e.msgid.replace("近2000万元", "近3000万元")
    e.msgid, e.msgstr = old_chinese, e.msgstr.replace("nearly RMB 20 million", "nearly RMB 30 million")
    pofile.save(str(tmp_path / "old.po"))
    line = entry(tmp_path / "old.po", "part3-a1-p5").linenum
    outcome = po.import_(tmp_path / "old.po", "old.po", "interview", project)
    assert "RMB 30 million" in block(project, "en", PAGE, "part3-a1-p5").markdown
    assert outcome.warnings == [
        f"old.po:{line}: msgctxt 'part3-a1-p5': translated from an earlier Chinese text than the page's: "
        "written, and stale until reviewed"
    ]
    assert load_state(project / STATE)["part3-a1-p5"] == fingerprint(old_chinese)
    assert state_of(project, "part3-a1-p5") == "stale"


def test_a_pot_template_has_every_msgstr_empty_and_no_fuzzy_flag(project: Path) -> None:
    forget(project, "part3-a1-p2")
    template = polib.pofile(str(export(project, "out.pot")))
    assert len(template) > 100
    assert all(e.msgstr == "" and not e.fuzzy and e.msgctxt for e in template)


def test_a_page_a_generator_makes_whole_has_no_entries(project: Path) -> None:
    pofile = polib.pofile(str(export(project)))
    glossary_title = parse_page(project / "docs" / "en" / "glossary.md")[0]
    assert glossary_title.kind == "heading" and pofile.find(glossary_title.id, by="msgctxt") is None
    assert {e.occurrences[0][0] for e in pofile} >= {f"docs/zh/{PAGE}", "docs/zh/index.md", "docs/zh/data.md"}
