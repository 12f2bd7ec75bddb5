"""XLIFF 2.0 export and import, through translate-toolkit's XLIFF 2 storage, with the PO file's rules: one
unit per block keyed by its ID, notes where XLIFF 2.0 puts them, a round trip that changes nothing, an
edited unit that changes exactly its paragraph and state, and the same refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli
from lxml import etree
from translate.storage import xliff2
from translator_files import block, changed, copy_project, remove_block, snapshot

from scripts.text.blocks import parse_page
from scripts.text.translation_state import fingerprint, load_state, save_state
from scripts.translators import xliff
from scripts.translators.document import english
from scripts.translators.writeback import Refused

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
STATE = Path("data") / "translation-state.json"
PAGE = "part3.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def export(project: Path) -> Path:
    xliff.export("interview", project / "out.xlf", project)
    return project / "out.xlf"


def unit(tree: etree._ElementTree, block_id: str) -> etree._Element:
    found = tree.find(f".//x:unit[@id='{block_id}']", NS)
    assert found is not None, block_id
    return found


def set_target(path: Path, block_id: str, text: str, state: str | None = None) -> Path:
    tree = etree.parse(str(path))
    segment = unit(tree, block_id).find("x:segment", NS)
    assert segment is not None
    target = segment.find("x:target", NS)
    if target is None:
        target = etree.SubElement(segment, f"{{{NS['x']}}}target")
    target.text = text
    if state:
        segment.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


def forget(project: Path, block_id: str) -> None:
    state = load_state(project / STATE)
    del state[block_id]
    save_state(state, project / STATE)


def test_export_then_import_changes_nothing_byte_for_byte(project: Path) -> None:
    forget(project, "part3-a1-p2")
    remove_block(project, PAGE, "part3-a1-p3")
    path = export(project)
    before = snapshot(project)
    xliff.import_(path, "out.xlf", "interview", project)
    assert changed(before, snapshot(project)) == set()


def test_each_block_is_a_unit_where_xliff_2_puts_its_parts(project: Path) -> None:
    forget(project, "part3-a1-p2")
    remove_block(project, PAGE, "part3-a1-p3")
    tree = etree.parse(str(export(project)))
    root = tree.getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "zh-CN", "en-US")
    assert [f.get("id") for f in root.findall("x:file", NS)] == ["interview"]
    assert not tree.findall(".//x:segment/x:notes", NS) and not [
        s for s in tree.iter() if s.get(XML_SPACE) and s.tag.endswith("segment")
    ]
    noted = next(b for b in parse_page(project / "docs" / "en" / PAGE) if b.notes)
    u = unit(tree, noted.id)
    assert u.get(XML_SPACE) == "preserve" and u[0].tag == f"{{{NS['x']}}}notes"
    assert u.findtext("x:segment/x:target", namespaces=NS) == english(noted)
    assert u.find("x:segment", NS).get("state") == "translated"  # type: ignore[union-attr]
    locations = [n.text for n in u.findall("x:notes/x:note[@category='location']", NS)]
    assert locations == [f"docs/zh/{PAGE}:{block(project, 'zh', PAGE, noted.id).line}", f"docs/en/{PAGE}:{noted.line}"]
    assert unit(tree, "part3-a1-p2").find("x:segment", NS).get("state") == "initial"  # type: ignore[union-attr]
    assert unit(tree, "part3-a1-p3").find("x:segment/x:target", NS) is None


def test_translate_toolkit_reads_the_export_back(project: Path) -> None:
    store = xliff2.Xliff2File.parsefile(str(export(project)))
    zh = {b.id: b for b in parse_page(project / "docs" / "zh" / PAGE)}
    en = {b.id: b for b in parse_page(project / "docs" / "en" / PAGE)}
    read = {u.getid(): u for u in store.units}
    for block_id, b in zh.items():
        if b.kind == "container":
            continue
        assert read[block_id].source == b.markdown and read[block_id].target == english(en[block_id])
        assert read[block_id].istranslated()


def test_a_unit_edited_changes_exactly_its_paragraph_and_its_state(project: Path) -> None:
    target = "part3-a1-p6"
    forget(project, target)
    path = export(project)
    before = snapshot(project)
    en_before = parse_page(project / "docs" / "en" / PAGE)
    text = english(next(b for b in en_before if b.id == target)).replace("Fourth, we", "Fourth, we also", 1)
    outcome = xliff.import_(set_target(path, target, text, "translated"), "out.xlf", "interview", project)
    assert outcome.written == {f"docs/en/{PAGE}": [target]} and outcome.recorded == [target]
    assert changed(before, snapshot(project)) == {f"docs/en/{PAGE}", STATE.as_posix()}
    en_after = parse_page(project / "docs" / "en" / PAGE)
    assert [b for b in en_after if b.id != target] == [b for b in en_before if b.id != target]
    assert block(project, "en", PAGE, target).markdown.startswith("Fourth, we also")
    assert load_state(project / STATE)[target] == fingerprint(block(project, "zh", PAGE, target).text)


def test_a_unit_left_initial_is_imported_but_stays_stale(project: Path) -> None:
    forget(project, "part3-a1-p2")
    path = export(project)
    text = english(block(project, "en", PAGE, "part3-a1-p2")).replace("owe most", "owe chiefly")
    outcome = xliff.import_(set_target(path, "part3-a1-p2", text), "out.xlf", "interview", project)
    assert outcome.unrecorded == ["part3-a1-p2"] and "part3-a1-p2" not in load_state(project / STATE)
    assert "owe chiefly" in block(project, "en", PAGE, "part3-a1-p2").markdown


def refused(project: Path, path: Path) -> list[str]:
    before = snapshot(project)
    with pytest.raises(Refused) as err:
        xliff.import_(path, path.name, "interview", project)
    assert changed(before, snapshot(project)) == set()
    return err.value.problems


def test_the_same_refusals_as_a_po_file(project: Path) -> None:
    path = export(project)
    tree = etree.parse(str(path))
    unit(tree, "part3-a1-p3").set("id", "part9-a1-p1")
    copy = etree.fromstring(etree.tostring(unit(tree, "part3-a1-p4")))
    unit(tree, "part3-a1-p4").addnext(copy)
    target = unit(tree, "part3-a1-p2").find("x:segment/x:target", NS)
    assert target is not None
    target.text = (target.text or "") + " <b>bold</b> { #mine }"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    lines = {u.get("id"): u.sourceline for u in etree.parse(str(path)).iterfind(".//x:unit", NS)}
    reparsed = [u.sourceline for u in etree.parse(str(path)).iterfind(".//x:unit[@id='part3-a1-p4']", NS)]
    problems = refused(project, path)
    assert (
        f"out.xlf:{lines['part9-a1-p1']}: unit 'part9-a1-p1': no heading or paragraph of the document 'interview' has this ID"
        in problems
    )
    assert f"out.xlf:{reparsed[1]}: unit 'part3-a1-p4': repeats the entry on line {reparsed[0]}" in problems
    at = f"out.xlf:{lines['part3-a1-p2']}: unit 'part3-a1-p2': "
    assert at + "'<b>': the English may carry no HTML but <span lang=\"zh\">…</span>" in problems
    assert at + "it carries an ID of its own ('{ #mine }'): the block's ID is the entry's key" in problems


def test_a_file_for_another_document_is_refused(project: Path) -> None:
    path = export(project)
    tree = etree.parse(str(path))
    file = tree.find("x:file", NS)
    assert file is not None
    file.set("id", "speech")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    assert refused(project, path) == [
        "out.xlf:1: the file is for the document 'speech' (its <file id>), not 'interview'"
    ]


def test_a_refused_xliff_import_exits_2_and_writes_nothing(project: Path) -> None:
    path = export(project)
    set_target(path, "part3-a1-p2", "**unbalanced")
    before = snapshot(project)
    result = cli(project, "xliff", "import", "out.xlf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "unit 'part3-a1-p2': unbalanced markup: an odd number of '**'" in result.stderr
    assert changed(before, snapshot(project)) == set()
    broken = project / "broken.xlf"
    broken.write_text("<xliff", encoding="utf-8")
    result = cli(project, "xliff", "import", "broken.xlf")
    assert result.returncode == 2 and "broken.xlf:1: not a readable XLIFF 2 file" in result.stderr
