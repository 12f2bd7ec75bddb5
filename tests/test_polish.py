"""Polish of the reading pages: headings that never skip a level, stylesheets whose comments end where
they mean to, the glossary's scrolling table reachable by keyboard, and text in the other language
marked with its own `lang` (scripts/checks/lang_marks.py). Each check also runs on a broken copy.
Contrast, fonts and the rest that only a browser can tell: tests/test_browser_reading.py."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, attr, one, replace_once

from scripts.checks import html_lines, lang_marks
from scripts.core.config import nav_pages
from scripts.text.blocks import load_language

# Headings ------------------------------------------------------------------------------------------


def heading_findings(docs: Path) -> list[str]:
    """Each heading of a page that is more than one level below the heading before it."""
    findings: list[str] = []
    for lang in ("zh", "en"):
        for blocks in load_language(lang, docs, nav_pages()).values():
            level = 0
            for b in (b for b in blocks if b.kind == "heading"):
                if b.level > level + 1:
                    findings.append(f"{b.where()}: {b.id} is an h{b.level} after an h{level}")
                level = b.level
    return findings


def test_no_page_skips_a_heading_level() -> None:
    assert heading_findings(ROOT / "docs") == []


def test_a_heading_that_skips_a_level_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "docs" / "zh" / "part2.md", "## 高位推动有力", "### 高位推动有力")
    findings = heading_findings(project_copy / "docs")
    assert len(findings) == 1 and re.fullmatch(r"docs/zh/part2\.md:\d+: part2-a2-s1 is an h3 after an h1", findings[0])


# Stylesheets ---------------------------------------------------------------------------------------


def comment_findings(css: str, name: str) -> list[str]:
    """A comment that ends before it means to (`docs/*/` holds `*/`) leaves its rest to be read as CSS: a
    selector that drops the rule after it. With the comments taken out, no `*/` may be left."""
    rest = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [
        f"{name}:{css[: css.index(m.group(0))].count(chr(10)) + 1}: '*/' outside a comment: '{m.group(0).strip()}'"
        for m in re.finditer(r"[^\n]*\*/[^\n]*", rest)
    ]


def test_every_stylesheet_comment_ends_where_it_means_to() -> None:
    for css in sorted((ROOT / "docs" / "zh" / "assets").glob("*.css")):
        assert comment_findings(css.read_text(encoding="utf-8"), css.name) == []


def test_a_comment_that_ends_too_early_is_caught() -> None:
    css = "/* Site styles; see docs/*/part*.md for the markup. */\n.turn { margin: 1.2em 0; }\n"
    assert comment_findings(css, "site.css") == ["site.css:1: '*/' outside a comment: 'part*.md for the markup. */'"]


# The glossary's table -----------------------------------------------------------------------------


def test_the_glossary_table_scrolls_in_a_named_region_the_keyboard_reaches(built_site: Path) -> None:
    for page, name in (("glossary/index.html", "术语表"), ("en/glossary/index.html", "Glossary")):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "lxml")
        region = one(soup, "article .glossary-table")
        assert (attr(region, "role"), attr(region, "tabindex"), attr(region, "aria-label")) == ("region", "0", name)
        assert region.select_one("table") is not None


# Text in the other language ------------------------------------------------------------------------


def test_text_in_the_other_language_carries_its_lang_on_every_page(built_site: Path) -> None:
    assert lang_marks.check_html(built_site) == []


def test_chinese_in_english_and_english_in_chinese_without_their_lang_are_caught(site_copy: Path) -> None:
    english = site_copy / "en" / "index.html"
    html = english.read_text(encoding="utf-8")
    english.write_text(html.replace('<span lang="zh">以打开路</span>', "以打开路", 1), encoding="utf-8")
    view = site_copy / "parallel" / "part1" / "index.html"
    view.write_text(
        view.read_text(encoding="utf-8").replace('<div class="footnote" lang="en">', '<div class="footnote">', 1),
        encoding="utf-8",
    )
    findings = [str(f) for f in lang_marks.check_html(site_copy)]
    assert any(
        re.match(r"en/index\.html:\d+: \[lang\] Chinese '以打开路' in English text without lang=\"zh\"", f)
        for f in findings
    ), findings
    assert any(
        re.match(r"parallel/part1/index\.html:\d+: \[lang\] English '.*' in Chinese text without lang=\"en\"", f)
        for f in findings
    ), findings
    assert all(f.startswith(("en/index.html:", "parallel/part1/index.html:")) for f in findings), findings


def test_code_acronyms_and_marked_text_are_not_findings() -> None:
    page = html_lines.parse(
        '<html lang="zh"><body><p>下载CSV和JSON文件，标为 derived 的数值；<code>make tables now</code>'
        '<span lang="en">Modern World Police</span></p></body></html>'
    )
    assert page is not None and lang_marks.findings_of(page) == []
    page = html_lines.parse('<html lang="zh"><body><p>原载 Modern World Police<!-- a note --></p></body></html>')
    assert page is not None and [m for _, m in lang_marks.findings_of(page)] == [
        "English 'Modern World Police' in Chinese text without lang=\"en\": '原载 Modern World Police'"
    ]
