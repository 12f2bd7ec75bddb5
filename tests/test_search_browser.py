"""Search in a real browser (Debian's chromium, headless): Material's search dialog answered from the
Pagefind index of the page's language (scripts/plugin/search.py, docs/zh/assets/search-worker.js).
The quality table: each query, typed as a reader types it, finds the block a reader expects among the
first three results. Then what a reader meets besides: results of the page's language only, whole
words highlighted, nothing fetched before a search, a pasted query, the keys, the empty state, and the
block a result leads to marked on arrival. Each check also runs on a broken copy of the site."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest
from browser import OUTPUT
from playwright.sync_api import Browser
from search_browser import (
    Expected,
    check_arrival,
    check_empty_state,
    check_highlights,
    check_keyboard,
    check_language,
    check_paste,
    check_quality,
    search_downloads,
)

from scripts.plugin import search

pytestmark = pytest.mark.browser

WORKER = Path("assets") / "search-worker.js"

# (page searched from, query, the block a reader expects: `page/#ID` below the site, or the blocks of which
# a reader expects one). Written by reading the pages, never from what the search answers.
QUALITY: list[tuple[str, str, Expected]] = [
    # names
    ("", "李春生", "part2/#part2-a2-s2-p1"),
    ("", "逯峰", "#home"),
    ("part3/", "胡春华", "part2/#part2-a2-s1-p1"),
    ("", "石虹", "part3/#closing-credit"),
    ("en/", "Li Chunsheng", "en/part2/#part2-a2-s2-p1"),
    ("en/part1/", "Lu Feng", "en/#home"),
    ("en/", "Hu Chunhua", "en/part2/#part2-a2-s1-p1"),
    # places
    ("", "电白", "part2/#part2-a2-s5-p1"),
    ("", "珠海", "part3/#part3-a1-p4"),
    ("en/", "Dianbai", "en/part2/#part2-a2-s5-p1"),
    ("en/", "Zhuhai", "en/part3/#part3-a1-p4"),
    # campaigns
    # the campaign the whole interview is about: any of the passages that introduce it (part 1's title, the
    # question and answer that open part 2, the editor's note)
    ("", "飓风2016", ("part1/#part1", "part2/#part2-q1-p1", "part2/#part2-a1-p1", "#editors-note-p1")),
    ("", "飓风13号", "part2/#part2-a2-s3-finance-p1"),
    ("", "南粤亮剑", "part1/#part1-q1-p1"),
    ("", "雷霆扫毒", "part3/#part3-a3-p1"),
    ("en/", "Hurricane 13", "en/part2/#part2-a2-s3-finance-p1"),
    ("en/", "Guangdong Draws the Sword", "en/part1/#part1-q1-p1"),
    ("en/", "Six Major Campaigns", "en/#editors-note-p1"),
    # terms
    ("", "电信诈骗", "part2/#part2-a2-s4-fraud-p1"),
    ("", "反诈骗中心", "part3/#part3-a2-p1"),
    ("", "涉案资金", "part3/#part3-a1-p5"),
    ("", "警务云", "part1/#part1-a1-p4"),
    ("", "毒品犯罪", "part2/#part2-a2-s3-drugs"),
    ("en/", "drugs", "en/part2/#part2-a2-s3-drugs"),
    ("en/", "Anti-Fraud Center", "en/part3/#part3-a2-p1"),
    ("en/", "Police Cloud", "en/part1/#part1-a1-p4"),
    ("en/", "Ezubao", "en/part3/#part3-a5-p1"),
    ("en/", "钉子地", "en/part2/#fn:tn-stubborn-hotspot"),  # Chinese in an English note
    # figures
    ("", "489415", "part2/#part2-a1-p1"),
    ("", "65.5万", "part1/#part1-a1-p1"),
    ("", "9.72亿", "part3/#part3-a1-p1"),
    ("", "74.8%", "part2/#part2-a1-p1"),
    ("en/", "489,415", "en/part2/#part2-a1-p1"),
    ("en/", "RMB 972 million", "en/part3/#part3-a1-p1"),
    ("en/", "2,051 kilograms", "en/part2/#part2-a2-s3-drugs-p1"),
    # phrases of several words
    ("", "打击电信网络诈骗犯罪联席会议机制", "part3/#part3-a2-p1"),
    ("", "刑事立案数持续下降 破案数不断提升", "part2/#part2"),
    ("en/", "solve major cases faster", "en/part2/#part2-a1-p2"),
    ("en/", "unified command, combined operations", "en/part2/#part2-a2-s4-drugs-p1"),
    # from a side-by-side page: the results are the single-language pages'
    ("parallel/part2/", "李春生", "part2/#part2-a2-s2-p1"),
    ("en/parallel/part3/", "Thunder Drug Sweep", "en/part3/#part3-a3-p1"),
]
PASTED = ("", "以专制专", "part2/#part2-a2-s4-fraud-p1")  # put in the field with no key pressed


def test_the_quality_table_has_thirty_queries_in_both_languages() -> None:
    assert len(QUALITY) >= 30
    assert (
        sum(p.startswith("en/") for p, _, _ in QUALITY) >= 12
        and sum(not p.startswith("en/") for p, _, _ in QUALITY) >= 12
    )


def test_each_query_finds_the_block_a_reader_expects_among_the_first_three(browser: Browser, site_url: str) -> None:
    findings = check_quality(browser, site_url, QUALITY)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "search-quality.txt").write_text(
        f"{len(QUALITY) - len(findings)} of {len(QUALITY)} queries find the expected block among the first three\n"
        + "".join(f"{f}\n" for f in findings),
        encoding="utf-8",
    )
    assert findings == []


def test_a_search_that_lands_on_pages_not_blocks_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    records = search.site_records(site_copy, "zh", ["part2.md"])  # each block's result links to its page
    search.write(site_copy, "zh", [dataclasses.replace(r, url=r.url.split("#")[0]) for r in records])
    assert check_quality(browser, copy_url, [QUALITY[0]]) == [
        "/: '李春生': expected part2/#part2-a2-s2-p1 among the first 3 results, the search answered with no block ([])"
    ]


def test_a_pasted_query_finds_its_block(browser: Browser, site_url: str) -> None:
    assert check_paste(browser, site_url, PASTED[0], PASTED[1]) == []
    assert check_quality(browser, site_url, [PASTED], typed=False) == []


def test_a_pasted_query_that_waits_for_a_key_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace('field?.addEventListener("input"', 'field?.addEventListener("none"')
    )
    assert check_paste(browser, copy_url, "", "以专制专") == ["/: '以专制专' pasted: no results until a key is pressed"]


# Each language its own ---------------------------------------------------------------------------------

LANGUAGE = [
    ("", "2016"),
    ("part2/", "广东"),
    ("parallel/part1/", "飓风"),
    ("en/", "2016"),
    ("en/parallel/", "Guangdong"),
]


def test_search_finds_only_pages_of_the_readers_language(browser: Browser, site_url: str) -> None:
    assert check_language(browser, site_url, LANGUAGE) == []


def test_a_page_that_searches_the_other_languages_index_is_caught(
    browser: Browser, site_copy: Path, copy_url: str
) -> None:
    shutil.rmtree(site_copy / "pagefind")
    shutil.copytree(site_copy / "en" / "pagefind", site_copy / "pagefind")
    findings = check_language(browser, copy_url, [("", "2016")])
    assert len(findings) == 1 and findings[0].startswith("/: '2016': results from the other language: /en/"), findings


# What a result shows -------------------------------------------------------------------------------------

HIGHLIGHTS = [
    ("", "电信诈骗", "电信诈骗"),
    ("", "李春生", "李春生"),
    ("", "反诈骗中心", "反诈骗中心"),
    ("en/", "Chunsheng", "Chunsheng"),
]


def test_whole_words_are_highlighted_and_no_zero_width_space_is_shown(browser: Browser, site_url: str) -> None:
    assert check_highlights(browser, site_url, HIGHLIGHTS) == []


def test_a_word_highlighted_in_pieces_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    worker = site_copy / WORKER  # each character of the query highlighted wherever it stands
    text = worker.read_text(encoding="utf-8")
    worker.write_text(
        text.replace(
            "? terms.flatMap((w) => occurrences(view, w))",
            "? terms.flatMap((w) => [...w].flatMap((c) => occurrences(view, c)))",
        )
    )
    findings = check_highlights(browser, copy_url, [HIGHLIGHTS[0]])
    assert len(findings) == 1 and findings[0].startswith("/: '电信诈骗': highlights other than '电信诈骗': ["), findings


def test_a_query_that_matches_nothing_says_so(browser: Browser, site_url: str) -> None:
    assert check_empty_state(browser, site_url, "part1/", "狐狸") == []
    assert check_empty_state(browser, site_url, "en/part1/", "xylophone") == []


def test_a_search_that_never_answers_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    worker = site_copy / WORKER
    worker.write_text(worker.read_text(encoding="utf-8").replace("if (id === latest) post(", "if (!id) post("))
    findings = check_empty_state(browser, copy_url, "en/part1/", "xylophone")
    assert len(findings) == 1 and findings[0].startswith("en/part1/: 'xylophone': the search says '"), findings


def test_the_keys_of_materials_search_work_and_enter_opens_the_best_block(browser: Browser, site_url: str) -> None:
    assert check_keyboard(browser, site_url, "part1/", "李春生") == []
    assert check_keyboard(browser, site_url, "en/", "Police Cloud") == []


def test_enter_that_opens_a_page_instead_of_its_block_is_caught(
    browser: Browser, site_copy: Path, copy_url: str
) -> None:
    worker = site_copy / WORKER  # the page scored above its blocks: Material folds them, Enter takes the page
    worker.write_text(worker.read_text(encoding="utf-8").replace("[0].score = doc.score - 0.01", "[0].score = 1e9"))
    findings = check_keyboard(browser, copy_url, "part1/", "李春生")
    assert findings[0] == "part1/: '李春生': ArrowDown twice does not reach the first block of the results", findings
    assert findings[1].startswith("part1/: '李春生': Enter opened /part2/, not a block of it"), findings


# What search fetches -----------------------------------------------------------------------------------------


def test_nothing_is_fetched_for_search_before_a_query_and_then_the_own_languages_index(
    browser: Browser, site_url: str
) -> None:
    weights = {}
    for path, query in (("part2/", "电信诈骗"), ("en/part2/", "Li Chunsheng")):
        findings, fetched = search_downloads(browser, site_url, path, query)
        assert findings == []
        assert fetched["query"] and all("pagefind/" in f or f.endswith("search-worker.js") for f in fetched["query"])
        weights[f"{path} '{query}'"] = {
            phase: {"files": len(files), "bytes": sum(files.values())} for phase, files in fetched.items()
        }
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "search-downloads.json").write_text(json.dumps(weights, indent=2, ensure_ascii=False), encoding="utf-8")


def test_a_page_that_fetches_an_index_as_it_loads_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "part2" / "index.html"  # without the script that hands Material's search to Pagefind
    html = page.read_text(encoding="utf-8")
    page.write_text(
        re.sub(r"<script>(?:(?!</script>).)*search\.worker(?:(?!</script>).)*</script>", "", html, flags=re.S)
    )
    findings, _ = search_downloads(browser, copy_url, "part2/", "电信诈骗")
    assert findings and findings[0].startswith("part2/: fetched for search before a query: "), findings
    assert "search/search_index.json" in findings[0]


# Arriving at a block --------------------------------------------------------------------------------------------

ARRIVALS = [("part2/", "part2-a2-s2-p1"), ("en/part2/", "part2-a2-s3-drugs"), ("parallel/part2/", "part2-a2-s2-p1")]


def test_the_block_a_link_leads_to_is_marked_in_both_views(browser: Browser, site_url: str) -> None:
    assert check_arrival(browser, site_url, ARRIVALS) == []


def test_a_block_reached_without_a_mark_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    css = site_copy / "assets" / "reader.css"
    css.write_text(css.read_text(encoding="utf-8").replace("[id]:target {", "[id]:not(:target) {", 1))
    findings = check_arrival(browser, copy_url, [ARRIVALS[0]])
    assert findings[0] == "part2/#part2-a2-s2-p1: the block reached is not marked (none, none)", findings
