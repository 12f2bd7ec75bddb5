"""The aligned edition among the downloads: TMX 1.4b (one unit per block, zh-CN to en-US) and a bilingual CSV,
made from the pages by every build, read back by translate-toolkit, and linked from the Data page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import ROOT, build, replace_once
from lxml import etree
from translate.storage import csvl10n, tmx
from translator_files import copy_project

from scripts.translators import aligned

TMX, CSV = "hurricane2016-aligned.tmx", "hurricane2016-aligned.csv"


@pytest.fixture(scope="module")
def made() -> dict[str, str]:
    return aligned.files(ROOT)


def test_the_build_writes_the_aligned_text_the_pages_give(built_site: Path, made: dict[str, str]) -> None:
    assert set(made) == {TMX, CSV}
    for name, text in made.items():
        assert (built_site / "downloads" / name).read_text(encoding="utf-8") == text
    assert not (ROOT / "docs" / "zh" / "downloads" / TMX).exists(), "made by the build: not kept in docs/"


def test_translate_toolkit_reads_the_tmx_back_block_by_block(made: dict[str, str]) -> None:
    store = tmx.tmxfile.parsestring(made[TMX].encode("utf-8"))
    pairs = aligned.paired("interview", ROOT)
    assert [u.getid() for u in store.units] == [u.id for u, _ in pairs]
    for unit, (u, en) in zip(store.units, pairs, strict=True):
        assert unit.source == aligned.reader_text(u.zh.markdown)
        assert unit.target == unit.gettarget("en-US") == aligned.reader_text(en.markdown)
        assert unit.getnotes() == "\n".join(f"{n.label}: {aligned.reader_text(n.markdown)}" for n in en.notes)
    assert "[^tn-" not in made[TMX] and "{ .speaker }" not in made[TMX] and "**" not in made[TMX]
    assert any(en.notes for _, en in pairs) and "<note>tn-" in made[TMX]


def test_the_tmx_is_tmx_1_4b_from_zh_cn_to_en_us(made: dict[str, str]) -> None:
    root = etree.fromstring(made[TMX].encode("utf-8"))
    header = root.find("header")
    assert root.get("version") == "1.4" and header is not None
    required = {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"}
    assert required <= set(header.attrib)
    assert (header.get("srclang"), header.get("segtype"), header.get("datatype")) == ("zh-CN", "paragraph", "plaintext")
    assert header.findtext("prop[@type='x-document']") == "interview"
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"zh-CN", "en-US"}
    first = root.find("body/tu")
    assert first is not None and first.findtext("prop[@type='x-location']") == f"#{first.get('tuid')}"


def test_translate_toolkit_reads_the_bilingual_csv_back(made: dict[str, str]) -> None:
    store = csvl10n.csvfile(io.BytesIO(made[CSV].encode("utf-8")))
    pairs = aligned.paired("interview", ROOT)
    assert [u.getid() for u in store.units] == [u.id for u, _ in pairs]
    by_id = {u.getid(): u for u in store.units}
    for u, en in pairs:
        row = by_id[u.id]
        assert row.source == aligned.reader_text(u.zh.markdown) and row.target == aligned.reader_text(en.markdown)
        assert row.getlocations() == [f"#{u.id}" if u.page == "index.md" else f"{Path(u.page).stem}/#{u.id}"]
        assert bool(row.getnotes()) == bool(en.notes)
    assert made[CSV].split("\n")[0] == ",".join(aligned.CSV_HEADER)


def test_an_edited_page_is_in_the_next_build_with_nothing_regenerated(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace_once(project / "docs" / "en" / "part3.md", "owe most to the sound mechanisms", "owe most to the mechanisms")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for name in (TMX, CSV):
        text = (tmp_path / "site" / "downloads" / name).read_text(encoding="utf-8")
        assert "owe most to the mechanisms" in text and "sound mechanisms" not in text


@pytest.mark.parametrize("page", ["data/index.html", "en/data/index.html"])
def test_the_data_page_links_the_aligned_downloads(built_site: Path, page: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    for name in (TMX, CSV):
        assert f'downloads/{name}" download>{name}</a>' in html, name
