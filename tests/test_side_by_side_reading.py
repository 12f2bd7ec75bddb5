"""A side-by-side page reads like the single-language pages (scripts/plugin/views.py): previous and next
side-by-side pages, its contents, the navigation with it as the current page, the page's tables, and a
switch to the other view in the header; and the language menu marks the current language. Each check
also runs on a broken copy of the built site. In a browser: tests/test_browser_reading.py."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import attr

from scripts.checks.site_links import Site
from scripts.generators import side_by_side as parallel
from scripts.plugin import views
from scripts.text.blocks import load_language, parse_text

ZH, EN = load_language("zh"), load_language("en")
PAGES = [page for page, blocks in ZH.items() if parallel.has_view(blocks)]  # in navigation order
BLOCKS = {"zh": ZH, "en": EN}


def _key(page: str, lang: str, view: bool) -> str:
    stem = page.removesuffix(".md").removesuffix("index")
    return ("" if lang == "zh" else "en/") + ("parallel/" if view else "") + (f"{stem}/" if stem else "") + "index.html"


def _table_ids(soup: BeautifulSoup) -> list[str]:
    return [attr(t, "id") for t in soup.select("article table[id]")]


def view_findings(root: Path) -> list[str]:
    """What a side-by-side page of the built site at `root` lacks, as `page: what` lines."""
    site = Site.load(root)
    findings: list[str] = []

    def target(page: str, href: str) -> str | None:
        return site.target(page, href)[0]

    for lang in ("zh", "en"):
        for i, page in enumerate(PAGES):
            key, single = _key(page, lang, True), _key(page, lang, False)
            soup = site.pages[key]
            for rel, n in (("prev", i - 1), ("next", i + 1)):
                link = soup.select_one(f"a.md-footer__link--{rel}")
                want = _key(PAGES[n], lang, True) if 0 <= n < len(PAGES) else None
                got = target(key, attr(link, "href")) if link else None
                if got != want:
                    findings.append(f"{key}: {rel} leads to {got}, expected {want}")
            headings = [f"#{id_}" for _, id_, _ in views.headings(BLOCKS[lang][page])]
            contents = [
                attr(a, "href") for a in soup.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
            ]
            if contents != headings:
                findings.append(f"{key}: contents {contents}, expected the page's headings {headings}")
            current = [target(key, attr(a, "href")) for a in soup.select(".md-nav--primary a.md-nav__link--active")]
            if current != [key]:
                findings.append(f"{key}: the navigation marks {current} as the current page, expected itself")
            for other in PAGES:
                hrefs = [target(key, attr(a, "href")) for a in soup.select(".md-nav--primary a.md-nav__link")]
                if _key(other, lang, False) in hrefs:
                    findings.append(f"{key}: the navigation leads to {_key(other, lang, False)}, not to its view")
            wide = [attr(t, "id") for t in soup.select(f'.parallel__wide[lang="{lang}"] table[id]')]
            missing = [t for t in _table_ids(site.pages[single]) if t not in wide]
            if missing:
                findings.append(f"{key}: without the tables of its page: {', '.join(missing)}")
            for here, there in ((key, single), (single, key)):
                switch = site.pages[here].select_one(".md-header .reader-switch a[data-keep-paragraph]")
                if switch is None or target(here, attr(switch, "href")) != there:
                    findings.append(f"{here}: no switch in the header to {there}")
    return findings


def test_a_side_by_side_page_has_previous_next_contents_navigation_tables_and_a_switch(built_site: Path) -> None:
    assert view_findings(built_site) == []


def test_a_side_by_side_page_missing_each_of_them_is_caught(site_copy: Path) -> None:
    page = site_copy / "parallel" / "part2" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(
        r'<a href="[^"]*" class="md-footer__link md-footer__link--prev".*?</a>', "", html, count=1, flags=re.S
    )
    html = html.replace('href="#part2-a2-s1" class="md-nav__link"', 'href="#elsewhere" class="md-nav__link"')
    html = html.replace('<a href="../part3/" class="md-nav__link">', '<a href="../../part3/" class="md-nav__link">', 1)
    html = html.replace('<div class="parallel__wide" lang="zh">', "<div>", 1)
    html = html.replace('class="md-header__option reader-switch"', 'class="md-header__option"', 1)
    page.write_text(html, encoding="utf-8")
    findings = [f for f in view_findings(site_copy) if f.startswith("parallel/part2/")]
    assert findings[0] == "parallel/part2/index.html: prev leads to None, expected parallel/part1/index.html"
    assert any(f.startswith("parallel/part2/index.html: contents ['#elsewhere'") for f in findings)
    assert "parallel/part2/index.html: the navigation leads to part3/index.html, not to its view" in findings
    assert "parallel/part2/index.html: without the tables of its page: table-hurricane" in findings
    assert "parallel/part2/index.html: no switch in the header to part2/index.html" in findings
    assert len(findings) == 5, findings


def test_contents_nest_headings_by_level() -> None:
    toc = views.table_of_contents(((2, "a", "A"), (3, "a1", "A & 1"), (2, "b", "B")))
    top = list(toc)
    assert [(i.id, [c.id for c in i.children]) for i in top] == [("a", ["a1"]), ("b", [])]
    assert top[0].children[0].title == "A &amp; 1"  # titles are HTML


def test_previous_and_next_views_stop_at_the_ends() -> None:
    order = ["parallel/index.md", "parallel/part1.md", "parallel/part2.md"]
    assert views.neighbours(order, order[0]) == (None, order[1])
    assert views.neighbours(order, order[2]) == (order[1], None)


def test_a_table_follows_the_block_before_it_and_its_links_serve_the_view() -> None:
    text = "# T { #t }\n\n甲\n{ #a }\n\n<!-- generated:x (…) -->\n<p>x</p>\n<!-- /generated:x -->\n\n乙\n{ #b }\n"
    blocks = parse_text(text, Path("p.md"))
    inserts = parallel.generated_sections(text, blocks)
    assert inserts == [parallel.Insert("a", "<p>x</p>")]
    md = parallel.markdown(blocks, blocks, "zh", inserts)
    assert md.index('id="a"') < md.index("parallel__wide") < md.index('id="b"')
    html = (
        '<a href="../part1/#part1-a1-p1">1</a><a href="../data/#t">2</a><img src="../charts/c.svg"><a href="#x">3</a>'
    )
    assert parallel.rebase(html, "part1/", "parallel/part1/") == (
        '<a href="#part1-a1-p1">1</a><a href="../../data/#t">2</a><img src="../../charts/c.svg"><a href="#x">3</a>'
    )


# The language menu ---------------------------------------------------------------------------------


def language_menu_findings(root: Path) -> list[str]:
    """Each page's language menu: every entry carries its language, and the page's own is marked current."""
    findings: list[str] = []
    for path in sorted(root.rglob("*.html")):
        key = path.relative_to(root).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        links = soup.select(".md-header a.md-select__link[hreflang]")
        if not links:
            continue
        page_lang = attr(soup.html, "lang") if soup.html else ""
        unmarked = [attr(a, "hreflang") for a in links if a.get("lang") != a.get("hreflang")]
        if unmarked:
            findings.append(f"{key}: language entries without their lang: {', '.join(unmarked)}")
        current = [attr(a, "hreflang") for a in links if a.get("aria-current") == "true"]
        if current != [page_lang]:
            findings.append(f"{key}: the menu marks {current} as current, expected ['{page_lang}']")
    return findings


def test_the_language_menu_marks_the_current_language_and_each_entry_has_its_lang(built_site: Path) -> None:
    assert language_menu_findings(built_site) == []


def test_a_language_menu_without_its_marks_is_caught(site_copy: Path) -> None:
    page = site_copy / "en" / "part1" / "index.html"
    html = page.read_text(encoding="utf-8").replace(' aria-current="true"', "").replace(' lang="zh" class', " class")
    page.write_text(html, encoding="utf-8")
    assert language_menu_findings(site_copy) == [
        "en/part1/index.html: language entries without their lang: zh",
        "en/part1/index.html: the menu marks [] as current, expected ['en']",
    ]
