"""The bilingual site builds strictly, every link resolves, and no page reaches another host."""

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import attr, build, one, replace_once

from scripts.checks import lang_marks, site_safety
from scripts.checks import site_links as sitecheck
from scripts.core.config import nav_pages
from scripts.core.findings import Finding
from scripts.core.policy import load

PAGES = [p.removesuffix(".md") for p in nav_pages()]


def url_of(page: str) -> str:
    return "index.html" if page == "index" else f"{page}/index.html"


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "lxml")


def line_of(path: Path, text: str) -> int:
    """The line of the first `text` in a file."""
    page = path.read_text(encoding="utf-8")
    return page[: page.index(text)].count("\n") + 1


def printed(findings: list[Finding]) -> list[str]:
    """The findings as the checks print them: `page:line: [check] link: message`."""
    return [str(f) for f in findings]


def test_strict_build_passes_without_warnings(root_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = root_build  # the session's strict build of the real project, which the other tests read
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^(WARNING|ERROR)", result.stderr, flags=re.M), result.stderr


def test_strict_build_fails_on_a_link_to_a_missing_page(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "docs" / "zh" / "part1.md", "成绩的取得得益于", "[见此](missing.md)成绩的取得得益于")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "missing.md" in result.stderr


def test_both_languages_have_every_page_with_the_right_lang(built_site: Path) -> None:
    for page in PAGES:
        assert attr(one(soup(built_site, url_of(page)), "html"), "lang") == "zh"
        assert attr(one(soup(built_site, "en/" + url_of(page)), "html"), "lang") == "en"


def test_language_switch_points_to_the_same_page(built_site: Path) -> None:
    for page in PAGES:
        switch = soup(built_site, url_of(page)).select("a.md-select__link[hreflang]")
        links = {attr(a, "hreflang"): attr(a, "href") for a in switch}
        assert set(links) == {"zh", "en"}
        target, _ = sitecheck.Site(built_site).target(url_of(page), links["en"])
        assert target == "en/" + url_of(page)


def test_site_url_comes_from_the_environment(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.org/interview/")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "en" / "part1" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/interview/en/part1/"' in html  # canonical link
    assert sitecheck.check_links(tmp_path / "site", site_url="https://example.org/interview/") == []


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert sitecheck.check_links(built_site) == []


def test_a_link_to_a_missing_page_is_caught(site_copy: Path) -> None:
    replace_once(site_copy / "part1" / "index.html", "<h1", '<a href="../nowhere/">x</a><h1')
    line = line_of(site_copy / "part1" / "index.html", '<a href="../nowhere/">')
    findings = sitecheck.check_links(site_copy)
    assert printed(findings) == [f"part1/index.html:{line}: [links] ../nowhere/: no such file in the site"]
    assert findings == [Finding("part1/index.html", line, "links", "../nowhere/", "no such file in the site")]


def test_a_link_to_a_missing_anchor_is_caught(site_copy: Path) -> None:
    replace_once(site_copy / "en" / "part2" / "index.html", "<h1", '<a href="../part3/#part3-a99-p1">x</a><h1')
    line = line_of(site_copy / "en" / "part2" / "index.html", '<a href="../part3/#part3-a99-p1">')
    findings = sitecheck.check_links(site_copy)
    assert printed(findings) == [
        f"en/part2/index.html:{line}: [links] ../part3/#part3-a99-p1: "
        "no element with id 'part3-a99-p1' on en/part3/index.html"
    ]


def test_a_language_link_to_the_wrong_page_is_caught(site_copy: Path) -> None:
    path = site_copy / "part1" / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace('href="../en/part1/"', 'href="../en/"'), encoding="utf-8")
    switch = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("a.md-select__link[hreflang=en]")
    assert switch is not None and switch.sourceline is not None
    findings = sitecheck.check_links(site_copy)
    assert (
        f"part1/index.html:{switch.sourceline}: [links] language link 'en' -> ../en/: "
        "expected its twin en/part1/index.html, found en/index.html"
    ) in printed(findings), findings


def test_an_external_link_outside_the_allowlist_is_caught(site_copy: Path) -> None:
    replace_once(site_copy / "index.html", "<h1", '<a href="https://example.com/x">x</a><h1')
    line = line_of(site_copy / "index.html", '<a href="https://example.com/x">')
    assert printed(sitecheck.check_links(site_copy, allowlist=[])) == [
        f"index.html:{line}: [links] https://example.com/x: external link not in extra.external_link_allowlist of mkdocs.yml"
    ]
    assert sitecheck.check_links(site_copy, allowlist=["https://example.com/"]) == []


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    assert sitecheck.check_offline(built_site) == []


def test_an_external_font_stylesheet_is_caught(site_copy: Path) -> None:
    replace_once(
        site_copy / "part1" / "index.html",
        "</head>",
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>',
    )
    line = line_of(site_copy / "part1" / "index.html", '<link rel="stylesheet" href="https://fonts.googleapis.com/')
    findings = sitecheck.check_offline(site_copy)
    assert printed(findings) == [
        f'part1/index.html:{line}: [offline] <link href="https://fonts.googleapis.com/css?family=Roboto"> '
        "loads from another host"
    ]


def test_an_external_script_and_css_import_are_caught(site_copy: Path) -> None:
    replace_once(site_copy / "en" / "index.html", "</head>", '<script src="//cdn.example.net/x.js"></script></head>')
    css = next(site_copy.rglob("site.css"))
    css.write_text(
        '@import url("https://fonts.example.com/a.css");\n' + css.read_text(encoding="utf-8"), encoding="utf-8"
    )
    line = line_of(site_copy / "en" / "index.html", '<script src="//cdn.example.net/x.js">')
    findings = printed(sitecheck.check_offline(site_copy))
    assert f'en/index.html:{line}: [offline] <script src="//cdn.example.net/x.js"> loads from another host' in findings
    assert (
        f"{css.relative_to(site_copy).as_posix()}:1: [offline] loads https://fonts.example.com/a.css from another host"
        in findings
    )


def test_an_external_import_in_a_style_element_is_caught_on_its_line(site_copy: Path) -> None:
    replace_once(
        site_copy / "part1" / "index.html",
        "</head>",
        '<style>\nbody { margin: 0 }\n@import url("https://fonts.example.com/b.css");\n</style></head>',
    )
    line = line_of(site_copy / "part1" / "index.html", '@import url("https://fonts.example.com/b.css")')
    assert printed(sitecheck.check_offline(site_copy)) == [
        f"part1/index.html:{line}: [offline] loads https://fonts.example.com/b.css from another host"
    ]


def test_a_finding_past_line_65535_of_a_long_page_names_its_own_line(tmp_path: Path) -> None:
    """libxml2 keeps an element's line in 16 bits (a later one reads as 65,535): the checks read such a page
    again for the line."""
    filler = "<p>x</p>\n" * 70_000  # lines 1 to 70,000
    text = (
        f'<html lang="zh"><body><article>{filler}<a href="gone/">a</a>\n<img src="https://example.org/x.png" alt="">\n'
        "<p>原载 Modern World Police</p>\n<marquee>x</marquee>\n</article></body></html>"
    )
    (tmp_path / "index.html").write_text(text, encoding="utf-8")
    assert printed(sitecheck.check_links(tmp_path)) == ["index.html:70001: [links] gone/: no such file in the site"]
    assert printed(sitecheck.check_offline(tmp_path)) == [
        'index.html:70002: [offline] <img src="https://example.org/x.png"> loads from another host'
    ]
    assert [f.line for f in lang_marks.check_html(tmp_path)] == [70003]
    assert [(f.line, f.message.split()[0]) for f in site_safety.check_page("index.html", text, load())] == [
        (70004, "<marquee>")
    ]
