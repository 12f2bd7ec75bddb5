"""Every refusal of `po import`: a key that names no block or names one twice, a file for another document,
and English that would break the page. Each names the entry and its line, exits 2 without a traceback,
and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import cli
from translator_files import changed, copy_project, edit_entry, snapshot

from scripts.translators import po
from scripts.translators.writeback import Refused


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy for the module: a refused import writes nothing, which each test checks."""
    return copy_project(tmp_path_factory.mktemp("refusals") / "project")


@pytest.fixture(scope="module")
def exported(project: Path) -> Path:
    path = project.parent / "export.po"
    po.export("interview", path, project)
    return path


def refused(project: Path, path: Path) -> list[str]:
    """The problems an import of `path` is refused for; and nothing written."""
    before = snapshot(project)
    with pytest.raises(Refused) as err:
        po.import_(path, path.name, "interview", project)
    assert changed(before, snapshot(project)) == set()
    return err.value.problems


def line_of(path: Path, block_id: str) -> int:
    e = polib.pofile(str(path)).find(block_id, by="msgctxt")
    assert e is not None
    return int(e.linenum)


def msgstr(path: Path, block_id: str) -> str:
    e = polib.pofile(str(path)).find(block_id, by="msgctxt")
    assert e is not None
    return str(e.msgstr)


def test_an_unknown_msgctxt_is_refused(project: Path, exported: Path, tmp_path: Path) -> None:
    pofile = polib.pofile(str(exported))
    pofile.find("part3-a1-p2", by="msgctxt").msgctxt = "part9-a1-p1"
    pofile.save(str(tmp_path / "x.po"))
    line = line_of(tmp_path / "x.po", "part9-a1-p1")
    assert refused(project, tmp_path / "x.po") == [
        f"x.po:{line}: msgctxt 'part9-a1-p1': no heading or paragraph of the document 'interview' has this ID"
    ]


def test_a_container_is_not_an_entry(project: Path, exported: Path, tmp_path: Path) -> None:
    pofile = polib.pofile(str(exported))
    pofile.find("part3-a1-p2", by="msgctxt").msgctxt = "part3-a1"  # a turn: its paragraphs are the entries
    pofile.save(str(tmp_path / "x.po"))
    assert refused(project, tmp_path / "x.po") == [
        f"x.po:{line_of(tmp_path / 'x.po', 'part3-a1')}: msgctxt 'part3-a1': no heading or paragraph of the "
        "document 'interview' has this ID"
    ]


def test_a_repeated_msgctxt_is_refused(project: Path, exported: Path, tmp_path: Path) -> None:
    pofile = polib.pofile(str(exported))
    first = pofile.find("part3-a1-p2", by="msgctxt")
    pofile.append(polib.POEntry(msgctxt="part3-a1-p2", msgid=first.msgid, msgstr=first.msgstr + " Again."))
    pofile.save(str(tmp_path / "x.po"))
    entries = [e for e in polib.pofile(str(tmp_path / "x.po")) if e.msgctxt == "part3-a1-p2"]
    assert refused(project, tmp_path / "x.po") == [
        f"x.po:{entries[1].linenum}: msgctxt 'part3-a1-p2': repeats the entry on line {entries[0].linenum}"
    ]


def test_an_entry_without_msgctxt_is_refused(project: Path, exported: Path, tmp_path: Path) -> None:
    pofile = polib.pofile(str(exported))
    pofile.append(polib.POEntry(msgid="刚才", msgstr="Just now"))
    pofile.save(str(tmp_path / "x.po"))
    line = next(e.linenum for e in polib.pofile(str(tmp_path / "x.po")) if e.msgid == "刚才")
    assert refused(project, tmp_path / "x.po") == [
        f"x.po:{line}: the entry has no msgctxt: each entry names its block's ID"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("speech", "x.po:1: the file is for the document 'speech', not 'interview'"),
        (None, "x.po:1: the file names no document (no X-Document header), not 'interview'"),
    ],
)
def test_a_file_for_another_document_is_refused(
    project: Path, exported: Path, tmp_path: Path, value: str | None, message: str
) -> None:
    pofile = polib.pofile(str(exported))
    if value is None:
        del pofile.metadata["X-Document"]
    else:
        pofile.metadata["X-Document"] = value
    pofile.save(str(tmp_path / "x.po"))
    assert refused(project, tmp_path / "x.po") == [message]


def test_a_file_that_is_not_po_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "x.po").write_text("this is not a PO file\n", encoding="utf-8")
    problems = refused(project, tmp_path / "x.po")
    assert len(problems) == 1 and problems[0].startswith("x.po:1: not a readable PO file: ")


def test_a_plural_entry_is_refused(project: Path, exported: Path, tmp_path: Path) -> None:
    pofile = polib.pofile(str(exported))
    pofile.append(polib.POEntry(msgctxt="x", msgid="a", msgid_plural="b", msgstr_plural={0: "a", 1: "b"}))
    pofile.save(str(tmp_path / "x.po"))
    assert refused(project, tmp_path / "x.po") == [
        f"x.po:{line_of(tmp_path / 'x.po', 'x')}: msgctxt 'x': a plural entry is not a block"
    ]


Edit = Callable[[str], str]
BROKEN: list[tuple[str, Edit, str]] = [
    ("part3-a1-p2", lambda s: s.replace("sound", "**sound", 1), "an odd number of '**' (bold opens and never closes)"),
    ("part3-a1-p2", lambda s: s.replace("sound", "*sound", 1), "an odd number of '*' (italics open and never close)"),
    ("part3-a1-p2", lambda s: s + " `make", "an odd number of '`' (a code span opens and never closes)"),
    ("part3-a1-p2", lambda s: s + " [sic", "'[' and ']' do not pair up"),
    (
        "part3-a1-p2",
        lambda s: s + ' <span lang="zh">机制',
        "a '<span lang=\"zh\">' is never closed with '</span>'",
    ),
    (
        "part3-a1-p2",
        lambda s: s + " <b>bold</b>",
        "'<b>': the English may carry no HTML but <span lang=\"zh\">…</span>",
    ),
    ("part3-a1-p2", lambda s: s + "<script>alert(1)</script>", "'<script>': the English may carry no HTML"),
    ("part3-a1-p2", lambda s: s + " <img src=x", "'<img src=x' opens a tag and never closes it"),
    ("part3-a1-p2", lambda s: s + " { #part3-a1-p2b }", "it carries an ID of its own ('{ #part3-a1-p2b }')"),
    ("part3-a1-p2", lambda s: s + "\n{ #part3-a1-p2b }", "it carries an ID of its own ('{ #part3-a1-p2b }')"),
    ("part3-a1-p2", lambda s: s + "{ .red }", "'{ .red }' is an attribute list"),
    (
        "part3-a1-p2",
        lambda s: s + " [More](https://attacker.example/)",
        "it links to https://attacker.example/ where the Chinese links to nothing",
    ),
    ("part3-a1-p2", lambda s: s.replace(" owe", "\nowe", 1), "the English of a block is one line"),
    ("part3-a1-p2", lambda s: "- " + s, "it starts with '- ', which Markdown reads as a heading, list"),
    ("part3-a1-p2", lambda s: "2016. " + s, "it starts with '2016. ', which Markdown reads as a heading, list"),
    ("part3-a1-p2", lambda s: "> " + s, "it starts with '>', which Markdown reads as a heading, list"),
    (
        "part3-a1-p2",
        lambda s: s + "\n\n</div>",
        "after the text, a blank line may only be followed by a translator's note",
    ),
    ("part3-a1-p2", lambda s: s + "[^tn-x]", "'[^tn-x]' has no note: add '[^tn-x]: …' after a blank line"),
    ("part3-a1-p2", lambda s: s + "\n\n[^tn-x]: A note.", "translator's note '[^tn-x]' is never referred to"),
    ("part3-a1-p2", lambda s: s + "[^1]\n\n[^1]: A note.", "'[^1]': a translator's note is labeled 'tn-…'"),
    (
        "part3-a1-p2",
        lambda s: s + "[^tn-original-route]\n\n[^tn-original-route]: Again.",
        "the page would not read: translator's note '[^tn-original-route]' is defined twice",
    ),
    (
        "part3-a1-p2",
        lambda s: s + "[^tn-x]\n\n[^tn-x]: <b>x</b>",
        "in note '[^tn-x]': '<b>': the English may carry no HTML",
    ),
    ("part3-q1-p1", lambda s: s.replace("{ .speaker }", "", 1), "the speaker label is missing"),
    ("part3-a1-p2", lambda s: "**Lu Feng:**{ .speaker } " + s, "'{ .speaker }' is an attribute list"),
    ("part3-a1-p2", lambda s: " ", "the English is empty, and an import does not delete a block"),
    ("part3", lambda s: s + "\n## Another heading { #part3-x }", "the English of a block is one line"),
]


@pytest.mark.parametrize(("block_id", "edit", "message"), BROKEN, ids=[b[2][:40] for b in BROKEN])
def test_english_that_would_break_the_page_is_refused(
    project: Path, exported: Path, tmp_path: Path, block_id: str, edit: Edit, message: str
) -> None:
    path = edit_entry(exported, tmp_path / "x.po", block_id, edit(msgstr(exported, block_id)))
    problems = refused(project, path)
    at = f"x.po:{line_of(path, block_id)}: msgctxt '{block_id}': "
    assert any(p.startswith(at) and message in p for p in problems), problems


def test_every_problem_of_a_file_is_named_at_once(project: Path, exported: Path, tmp_path: Path) -> None:
    path = edit_entry(exported, tmp_path / "a.po", "part3-a1-p2", msgstr(exported, "part3-a1-p2") + " **")
    path = edit_entry(path, tmp_path / "b.po", "part3-a1-p3", msgstr(exported, "part3-a1-p3") + " <b>")
    problems = refused(project, path)
    assert [p.split(": ")[1] for p in problems] == ["msgctxt 'part3-a1-p2'", "msgctxt 'part3-a1-p3'"]


def test_a_refused_import_exits_2_with_the_lines_and_writes_nothing(project: Path, exported: Path) -> None:
    path = edit_entry(exported, project / "x.po", "part3-a1-p2", msgstr(exported, "part3-a1-p2") + " { #mine }")
    before = snapshot(project)
    result = cli(project, "po", "import", "x.po")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"x.po:{line_of(path, 'part3-a1-p2')}: msgctxt 'part3-a1-p2': it carries an ID of its own" in result.stderr
    assert "po import: refused (1 problem(s)); nothing was written" in result.stderr
    assert changed(before, snapshot(project)) == set()


def test_an_unknown_document_exits_2(project: Path, exported: Path) -> None:
    result = cli(project, "po", "export", "speech", "speech.po")
    assert result.returncode == 2 and "no document 'speech' (the documents: interview)" in result.stderr
    assert not (project / "speech.po").exists() and "Traceback" not in result.stderr


def test_a_file_that_does_not_exist_is_refused(project: Path) -> None:
    assert refused(project, project.parent / "nowhere.po") == ["nowhere.po: no such file"]


def test_an_export_that_cannot_be_written_exits_2(project: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = cli(project, "po", "export", str(tmp_path / "file" / "out.po"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"po export: {tmp_path / 'file' / 'out.po'}: " in result.stderr
