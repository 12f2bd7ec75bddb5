"""The search index as built (scripts/plugin/search.py, checked by scripts/checks/search_index.py): one
Pagefind index per language, one result per block of the text, each landing on its block. What the
search does in a browser is tested in test_search_browser.py."""

from __future__ import annotations

import dataclasses
import gzip
import json
import shutil
from pathlib import Path

import pytest
from conftest import build, replace_once

from scripts.checks import search_index
from scripts.plugin import search

ZWS = "\u200b"


def fragments(site: Path, lang_root: str = "") -> dict[str, dict[str, object]]:
    """Every result of a language's index: its URL -> its fragment."""
    out = {}
    for path in (site / lang_root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = search_index.read(path)
        out[str(data["url"])] = data
    return out


def write_fragment(path: Path, data: dict[str, object]) -> None:
    path.write_bytes(gzip.compress(search_index.SIGNATURE + json.dumps(data, ensure_ascii=False).encode("utf-8")))


# The index of the built site ------------------------------------------------------------------------


def test_each_language_has_its_own_index_and_no_other(built_site: Path) -> None:
    for lang, lang_root in (("zh", ""), ("en", "en/")):
        entry = json.loads((built_site / lang_root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert all(url.startswith("/" + lang_root) for url in fragments(built_site, lang_root))
    assert not list(built_site.rglob("search_index.json"))  # Material's own index, which nothing reads
    assert not list(built_site.rglob("pagefind-ui.js"))  # Pagefind's own interface, which is not used


def test_every_result_lands_on_a_block_of_a_page_of_its_language(built_site: Path) -> None:
    assert search_index.check(built_site) == []
    assert len(fragments(built_site)) > 100 and len(fragments(built_site, "en/")) > 100


def test_a_result_whose_block_is_missing_is_caught(site_copy: Path) -> None:
    path, data = next(
        (p, search_index.read(p))
        for p in sorted((site_copy / "pagefind" / "fragment").glob("*"))
        if search_index.read(p)["url"] == "/part2/#part2-a2-s2-p1"
    )
    write_fragment(path, dict(data, url="/part2/#part2-a2-s2-p9"))
    assert [str(f) for f in search_index.check(site_copy)] == [
        f"pagefind/fragment/{path.name}:1: [search] part2-a2-s2-p9: /part2/#part2-a2-s2-p9: no element with the ID "
        "'part2-a2-s2-p9' on part2/index.html"
    ]


def test_an_index_of_the_other_language_is_caught(site_copy: Path) -> None:
    shutil.rmtree(site_copy / "pagefind")
    shutil.copytree(site_copy / "en" / "pagefind", site_copy / "pagefind")
    findings = [str(f) for f in search_index.check(site_copy)]
    assert (
        findings[0] == "pagefind/pagefind-entry.json:1: [search] the zh index holds the languages en, expected zh alone"
    )
    assert any(f.endswith(": a page in en, in the zh index") for f in findings)


def test_a_missing_index_is_caught(site_copy: Path) -> None:
    shutil.rmtree(site_copy / "en" / "pagefind")
    assert [str(f) for f in search_index.check(site_copy)] == [
        "en:1: [search] no search index for en: en/pagefind/pagefind-entry.json is missing"
    ]


def test_side_by_side_pages_and_the_glossary_are_not_searched(built_site: Path) -> None:
    urls = [*fragments(built_site), *fragments(built_site, "en/")]
    assert not [u for u in urls if "/parallel/" in u or "/glossary/" in u]
    assert {"/part2/#part2-a2-s2-p1", "/en/part2/#part2-a2-s2-p1", "/en/part2/#fn:tn-stubborn-hotspot"} <= set(urls)


def test_what_is_not_text_stays_out_of_the_index(built_site: Path) -> None:
    texts = [str(f["content"]) for f in [*fragments(built_site).values(), *fragments(built_site, "en/").values()]]
    # a block's permalink (¶), a heading's, a note's way back (↩): links that end the block
    assert not [t for t in texts if t.rstrip().endswith(("¶", "↩"))]
    # speaker labels: every answer begins with one, and no block of the text with it
    assert not [t for t in texts if t.replace(ZWS, "").startswith(("记者：", "逯峰：", "Reporter:", "Lu Feng:"))]


def test_chinese_is_indexed_character_by_character_and_shown_as_it_stands(built_site: Path) -> None:
    block = fragments(built_site)["/part2/#part2-a2-s2-p1"]
    content = str(block["content"])
    assert f"{ZWS}李{ZWS}春{ZWS}生{ZWS}" in content  # each Han character a word of the index
    assert "公安厅长李春生任组长" in content.replace(ZWS, "")  # the text itself once the boundaries go
    heading = str(fragments(built_site)["/part2/#part2"]["content"])
    assert heading.replace(ZWS, "") == "刑事立案数持续下降 破案数不断提升"  # its space kept


def test_a_table_is_indexed_once_cell_by_cell_on_the_data_page(built_site: Path) -> None:
    en = fragments(built_site, "en/")
    assert "/en/data/#table-operation-results" in en
    assert not [u for u in en if "#table-" in u and not u.startswith("/en/data/")]  # the copies in the pages
    text = str(en["/en/data/#table-operation-results"]["content"])
    assert "Hurricane No. 13 Cases solved 21" in text and "13Cases" not in text  # cell by cell


def meta(fragment: dict[str, object]) -> dict[str, str]:
    """A result's metadata as written (search.Record.meta: each value a word no query holds), read back."""
    values = fragment["meta"]
    assert isinstance(values, dict)
    assert all(str(v).startswith(search.META) and " " not in str(v) for v in values.values())
    return {k: bytes.fromhex(str(v).removeprefix(search.META)).decode("utf-8") for k, v in values.items()}


def test_each_result_says_its_page_section_and_kind(built_site: Path) -> None:
    en = fragments(built_site, "en/")
    assert meta(en["/en/part2/#part2-a2-s2-p1"]) == {
        "page": "Criminal Cases Filed Keep Falling, Cases Solved Keep Rising",
        "section": "Thorough Organization and Deployment",
        "kind": "text",
    }
    assert meta(en["/en/part2/#part2-a2-s3-drugs"]) == {
        "page": "Criminal Cases Filed Keep Falling, Cases Solved Keep Rising",
        "kind": "heading",
    }


def test_the_index_is_the_same_from_one_build_to_the_next(built_site: Path, tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        search.write(tmp_path, lang, search.site_records(built_site, lang, ["part2.md", "data.md"]))
    first = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    for lang in ("zh", "en"):
        search.write(tmp_path, lang, search.site_records(built_site, lang, ["part2.md", "data.md"]))
    assert {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == first


# The records of a page -------------------------------------------------------------------------------

PAGE = """<html><body><nav><p id="nav">navigation</p></nav><article>
<h1 id="part9">标题 一<a class="headerlink" href="#part9">¶</a></h1>
<div class="turn" id="part9-a1"><p id="part9-a1-p1"><strong class="speaker">逯峰：</strong>李春生说<sup id="fnref:tn-x">1</sup>。<a class="paralink" href="#part9-a1-p1">¶</a></p></div>
<h2 id="part9-s1">小节</h2><p id="part9-s1-p1">第二段</p><p>没有 ID 的段落</p>
<div class="data-table"><table id="table-x"><caption>表 <a class="data-table__more" href="../data/">全部数据</a></caption><tr><td>1</td></tr></table></div>
</article></body></html>"""


def test_a_page_gives_one_record_per_block_with_an_id_and_its_text_alone() -> None:
    records = search.page_records(PAGE, "zh", "/part9/")
    assert [(r.url, r.text, r.section, r.kind) for r in records] == [
        ("/part9/#part9", "标题 一", "", "heading"),
        ("/part9/#part9-a1-p1", "李春生说。", "", "text"),
        ("/part9/#part9-s1", "小节", "", "heading"),
        ("/part9/#part9-s1-p1", "第二段", "小节", "text"),
    ]
    assert {r.page for r in records} == {"标题 一"}
    assert records[1].content() == f"李{ZWS}春{ZWS}生{ZWS}说{ZWS}。"


def test_english_is_indexed_as_it_stands() -> None:
    record = search.Record("/en/x/#p", "en", "Li Chunsheng, 钉子地, drugs", "Page", "", "text")
    assert record.content() == "Li Chunsheng, 钉子地, drugs"


# Building it -------------------------------------------------------------------------------------------


def test_a_build_without_pagefind_fails_saying_what_is_missing(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-pagefind"))
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "search: Pagefind cannot be run" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "pagefind").exists()


def test_a_build_with_search_off_makes_no_pagefind_index(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "mkdocs.yml", "  - bilingual:\n", '  - bilingual:\n      search: "off"\n')
    assert build(project_copy, tmp_path / "site").returncode == 0
    assert not list((tmp_path / "site").rglob("pagefind-entry.json"))
    # Material's own index instead, one per language below its root, where its pages' Material looks
    for lang_root in ("", "en/"):
        index = json.loads((tmp_path / "site" / lang_root / "search" / "search_index.json").read_text("utf-8"))
        locations = [d["location"] for d in index["docs"]]
        assert "part1/" in locations and not any(loc.startswith("en/") for loc in locations)
        assert (tmp_path / "site" / lang_root / "part1" / "index.html").is_file()
    zh = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    en = json.loads((tmp_path / "site" / "en" / "search" / "search_index.json").read_text("utf-8"))

    def latin(index: dict[str, list[dict[str, str]]]) -> float:
        """The share of ASCII letters in the text of part 1's entries."""
        text = "".join(d["text"] for d in index["docs"] if d["location"].startswith("part1/"))
        return sum(c.isascii() and c.isalpha() for c in text) / len(text)

    assert latin(zh) < 0.2 and latin(en) > 0.6  # each language's own text


@pytest.mark.parametrize("binary", ["/bin/false", "/bin/true"])
def test_a_pagefind_that_stops_is_told_not_hung_on(
    binary: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", binary)
    with pytest.raises(search.SearchError, match=r"Pagefind stopped while indexing \(NewIndex\)"):
        search.write(tmp_path, "zh", [])
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_the_same_records_are_indexed_once_and_their_index_kept(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = search.site_records(built_site, "en", ["part1.md"])
    for site in "abc":
        (tmp_path / site).mkdir()
    made = search.write(tmp_path / "a", "en", records, tmp_path / "cache")

    def asked(records: list[search.Record], lang: str) -> dict[str, bytes]:
        raise search.SearchError("Pagefind asked")

    monkeypatch.setattr(search, "bundle", asked)  # from now on, asking Pagefind fails
    kept = search.write(tmp_path / "b", "en", records, tmp_path / "cache")  # the same records: not asked
    assert {p.relative_to(kept): p.read_bytes() for p in kept.rglob("*") if p.is_file()} == {
        p.relative_to(made): p.read_bytes() for p in made.rglob("*") if p.is_file()
    }
    changed = [dataclasses.replace(records[0], text=records[0].text + " more"), *records[1:]]
    with pytest.raises(search.SearchError, match="Pagefind asked"):  # other records: Pagefind is asked
        search.write(tmp_path / "c", "en", changed, tmp_path / "cache")


def test_a_warmed_pagefind_gives_the_same_bundle_as_a_new_one(built_site: Path) -> None:
    records = search.site_records(built_site, "zh", ["part1.md"])
    fresh = search.bundle(records, "zh")
    search.warm_up("zh")
    warmed = search._warm["zh"].result()
    assert search.bundle(records, "zh") == fresh  # the warmed service, used and ended
    assert "zh" not in search._warm and warmed.process.poll() is not None


def test_an_unused_warm_up_is_ended_and_a_failed_one_is_told_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search.warm_up("en")
    warmed = search._warm["en"].result()
    search._end_unused()
    assert warmed.process.poll() is not None and not search._warm
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-pagefind"))
    search.warm_up("en")
    with pytest.raises(search.SearchError, match="Pagefind cannot be run"):
        search.bundle([], "en")
    assert not search._warm
