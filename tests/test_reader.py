"""The reading experience as built (scripts/plugin/reader.py, scripts/generators/side_by_side.py): side-by-side pages
generated from both languages, paragraph permalinks, one sitemap per language (search: test_search.py).
What it does in a browser is tested in test_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from conftest import ROOT, attr, build, one, replace_once

from scripts.checks import site_links as sitecheck
from scripts.generators import side_by_side as parallel
from scripts.text.blocks import Block, load_language, normalize, parse_text

ZH, EN = load_language("zh"), load_language("en")
VIEWS = [page for page, blocks in ZH.items() if parallel.has_view(blocks)]


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def view_of(page: str, lang: str) -> str:
    stem = page.removesuffix(".md")
    return ("" if lang == "zh" else "en/") + "parallel/" + ("" if stem == "index" else stem + "/") + "index.html"


def single_of(page: str, lang: str) -> str:
    stem = page.removesuffix(".md")
    return ("" if lang == "zh" else "en/") + ("" if stem == "index" else stem + "/") + "index.html"


# Side-by-side pages -------------------------------------------------------------------------------


def test_every_page_of_the_interview_has_a_side_by_side_view_and_only_those() -> None:
    assert VIEWS == ["index.md", "background.md", "part1.md", "part2.md", "part3.md"]


def test_side_by_side_pages_are_generated_not_written() -> None:
    assert not list((ROOT / "docs").glob("*/parallel*"))


def test_the_side_by_side_view_pairs_each_block_with_its_twin_by_id(built_site: Path) -> None:
    assert any(b.notes for page in VIEWS for b in EN[page])  # the notes below are there to be checked
    for page in VIEWS:
        en = {b.id: b for b in EN[page]}
        for lang in ("zh", "en"):
            html = soup(built_site, view_of(page, lang))
            assert attr(one(html, "html"), "lang") == lang
            for block in (b for b in ZH[page] if b.kind != "container"):
                row = html.find(id=block.id)
                assert row is not None and "parallel__row" in row["class"], (view_of(page, lang), block.id)
                cells = row.find_all(class_="parallel__cell", recursive=False)
                assert [c["lang"] for c in cells] == ["zh", "en"]
                # each translator's note: its numbered reference in the cell, its text at the foot of the view
                refs = [sup.extract() for sup in cells[1].select('sup[id^="fnref:"]')]
                notes = en[block.id].notes
                assert [r["id"] for r in refs] == [f"fnref:{n.label}" for n in notes], block.id
                assert all(html.find(id=f"fn:{n.label}") is not None for n in notes), block.id
                assert normalize(cells[0].get_text()) == normalize(block.text)
                assert normalize(cells[1].get_text()) == normalize(en[block.id].text)


def test_single_and_side_by_side_views_link_to_each_other(built_site: Path) -> None:
    site = sitecheck.Site(built_site)
    for page in VIEWS:
        for lang in ("zh", "en"):
            single, view = single_of(page, lang), view_of(page, lang)
            to_view = attr(one(soup(built_site, single), "a[data-keep-paragraph]"), "href")
            to_single = attr(one(soup(built_site, view), "a[data-keep-paragraph]"), "href")
            assert site.target(single, to_view)[0] == view
            assert site.target(view, to_single)[0] == single


def test_the_logo_of_every_page_leads_to_the_home_page_of_its_language(built_site: Path) -> None:
    pages = sorted(p for p in built_site.rglob("index.html") if "pagefind" not in p.parts)
    assert {"index.html", "en/index.html", "en/parallel/part1/index.html", "en/parallel/index.html"} <= {
        p.relative_to(built_site).as_posix() for p in pages
    }
    for path in pages:
        url = "/" + path.parent.relative_to(built_site).as_posix().removesuffix(".") + "/"
        url = url.replace("//", "/")
        home = "/en/" if url.startswith("/en/") else "/"
        for logo in soup(built_site, path.relative_to(built_site).as_posix()).select("a.md-logo"):
            target = urljoin(url, attr(logo, "href"))
            assert target.rstrip("/") + "/" == home, (url, attr(logo, "href"))


def test_a_side_by_side_view_follows_its_sources(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "docs" / "en" / "part1.md", "Reporter:", "Interviewer:")
    assert build(project_copy, tmp_path / "site").returncode == 0
    row = soup(tmp_path / "site", "parallel/part1/index.html").find(id="part1-q1-p1")
    assert row is not None
    cell = row.find(lang="en")
    assert cell is not None
    assert cell.get_text().strip().startswith("Interviewer:")


def _blocks(text: str) -> list[Block]:
    return parse_text(text, Path("page.md"))


def test_an_english_block_without_a_chinese_twin_follows_its_english_predecessor() -> None:
    zh = _blocks("# 标题 { #t }\n\n甲\n{ #a }\n\n乙\n{ #b }\n")
    en = _blocks("# Title { #t }\n\nA\n{ #a }\n\nA2\n{ #a2 }\n\nB\n{ #b }\n")
    assert [((z and z.id), (e and e.id)) for z, e in parallel.align(zh, en)] == [
        ("t", "t"),
        ("a", "a"),
        (None, "a2"),
        ("b", "b"),
    ]


def test_a_missing_translation_leaves_an_empty_english_cell() -> None:
    markdown = parallel.markdown(_blocks("甲\n{ #a }\n"), [], "zh")
    assert '<div class="parallel__cell parallel__cell--missing" lang="en"></div>' in markdown


# Paragraph permalinks -------------------------------------------------------------------------------


def test_every_paragraph_links_to_itself(built_site: Path) -> None:
    for page in VIEWS:
        for lang in ("zh", "en"):
            html = soup(built_site, single_of(page, lang))
            paragraphs = html.select("article p[id]")
            assert paragraphs
            for p in paragraphs:
                link = p.find("a", class_="paralink", recursive=False)
                assert link is not None and link["href"] == f"#{p['id']}" and link["aria-label"], (page, lang, p["id"])
            rows = soup(built_site, view_of(page, lang)).select(".parallel__row")
            for r in rows:
                link = r.find("a", class_="paralink", recursive=False)
                assert link is not None and link["href"] == f"#{r['id']}", (page, lang, r["id"])


# One sitemap per language (its search index: test_search.py) ----------------------------------------


def test_each_language_root_has_a_sitemap_of_its_pages(built_site: Path) -> None:
    locs = re.findall(r"<loc>([^<]*)</loc>", (built_site / "en" / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all("/en/" in loc for loc in locs)
    assert len(locs) == len(
        re.findall(r"<loc>[^<]*/en/[^<]*</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    )


def test_material_looks_for_index_and_sitemaps_at_the_language_roots(built_site: Path) -> None:
    for page, base, roots in (
        ("en/part1/index.html", "../", {"en": "../", "zh": "../../"}),
        ("part1/index.html", "../", {"en": "../en/", "zh": "../"}),
        ("en/index.html", "./", {"en": "./", "zh": "../"}),
    ):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f"data.base = {json.dumps(base)}" in html
        assert f"const roots = {json.dumps(roots, sort_keys=True)}" in html
