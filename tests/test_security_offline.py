"""The offline and links checks know every place of a built page that holds a URL (scripts/checks/urls.py):
a request to another host from any of them is caught at its line, and so are <base> and <meta http-equiv>."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_once

from scripts.checks import html_lines, site_links, urls

PAGE = "en/part1/index.html"


def inject(site: Path, anchor: str, snippet: str, page: str = PAGE) -> int:
    path = site / page
    replace_once(path, anchor, snippet + anchor)
    text = path.read_text(encoding="utf-8")
    return text[: text.index(snippet)].count("\n") + 1


def offline(site: Path) -> list[str]:
    return [str(f) for f in site_links.check_offline(site)]


@pytest.mark.parametrize(
    "snippet, message",
    [
        (
            '<img src="x.png" srcset="https://attacker.example/a.png 2x" alt="">',
            '<img srcset="https://attacker.example/a.png">',
        ),
        ('<video poster="https://attacker.example/p.png"></video>', '<video poster="https://attacker.example/p.png">'),
        ('<object data="https://attacker.example/x.swf"></object>', '<object data="https://attacker.example/x.swf">'),
        (
            '<table background="https://attacker.example/b.png"></table>',
            '<table background="https://attacker.example/b.png">',
        ),
        ('<a href="#x" ping="https://attacker.example/track">x</a>', '<a ping="https://attacker.example/track">'),
        ('<svg><image href="https://attacker.example/i.png"/></svg>', '<image href="https://attacker.example/i.png">'),
        (
            '<link rel="preload" href="https://attacker.example/f.woff2">',
            '<link href="https://attacker.example/f.woff2">',
        ),
        ('<input type="image" src="https://attacker.example/i.png">', '<input src="https://attacker.example/i.png">'),
        (
            '<meta http-equiv="refresh" content="0; url=https://attacker.example/">',
            '<meta http-equiv="https://attacker.example/">',
        ),
    ],
)
def test_a_request_to_another_host_from_any_url_attribute_is_caught(
    site_copy: Path, snippet: str, message: str
) -> None:
    line = inject(site_copy, '<p id="part1-a1-p2">', snippet)
    assert f"{PAGE}:{line}: [offline] {message} loads from another host" in offline(site_copy)


@pytest.mark.parametrize(
    "css",
    [
        "background: url(https://attacker.example/a.png)",
        'background-image: image-set("https://attacker.example/a.png" 1x)',
        "background: \\75 rl(https://attacker.example/a.png)",
        "background: u\\72l(https://attacker.example/a.png)",
        "background: /* a comment */ url( 'https://attacker.example/a.png' )",
    ],
)
def test_css_that_loads_from_another_host_is_caught_however_it_is_written(site_copy: Path, css: str) -> None:
    quote = "'" if '"' in css else '"'
    line = inject(site_copy, '<p id="part1-a1-p2">', f"<span style={quote}{css}{quote}>x</span>")
    assert f"{PAGE}:{line}: [offline] loads https://attacker.example/a.png from another host" in offline(site_copy)


def test_an_import_by_string_in_a_stylesheet_is_caught(site_copy: Path) -> None:
    css = next(site_copy.rglob("reader.css"))
    css.write_text('@import "https://attacker.example/a.css";\n' + css.read_text(encoding="utf-8"), encoding="utf-8")
    key = css.relative_to(site_copy).as_posix()
    assert f"{key}:1: [offline] loads https://attacker.example/a.css from another host" in offline(site_copy)


def test_a_base_element_is_caught_by_the_offline_check(site_copy: Path) -> None:
    line = inject(site_copy, "</head>", '<base href="https://attacker.example/">')
    assert (
        f'{PAGE}:{line}: [offline] <base href="https://attacker.example/"> makes every relative URL of the page lead '
        "elsewhere (Material's scripts and assets/reader.js among them): not allowed" in offline(site_copy)
    )


def test_any_meta_http_equiv_is_caught_by_the_offline_check(site_copy: Path) -> None:
    line = inject(site_copy, "</head>", '<meta http-equiv="set-cookie" content="a=b">')
    assert (
        f'{PAGE}:{line}: [offline] <meta http-equiv="set-cookie"> can send the reader to another page or change how '
        "the page is handled: not allowed" in offline(site_copy)
    )


def test_materials_search_worker_from_another_host_is_caught(site_copy: Path) -> None:
    path = site_copy / PAGE
    text = path.read_text(encoding="utf-8")
    start = text.index('"search": "') + len('"search": "')
    worker = text[start : text.index('"', start)]
    path.write_text(text.replace(worker, "https://attacker.example/worker.js", 1), encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert (
        f'{PAGE}:{line}: [offline] <script search="https://attacker.example/worker.js"> loads from another host'
        in offline(site_copy)
    )


def test_an_internal_srcset_that_points_to_no_file_is_a_broken_link(site_copy: Path) -> None:
    line = inject(
        site_copy, '<p id="part1-a1-p2">', '<img src="../charts/fraud.svg" srcset="../charts/gone.svg 2x" alt="">'
    )
    findings = [str(f) for f in site_links.check_links(site_copy)]
    assert f"{PAGE}:{line}: [links] ../charts/gone.svg: <img srcset> points to no file in the site" in findings


def test_links_followed_by_the_reader_are_not_requests() -> None:
    page = html_lines.parse(
        '<a href="https://example.org/">a</a><link rel="canonical" href="https://example.org/">'
        '<blockquote cite="https://example.org/">q</blockquote><img src="https://example.org/i.png" alt="">'
    )
    loads = {(el.tag, p.attribute): p.loads for el in html_lines.elements(page) for p in urls.places(el)}
    assert loads == {("a", "href"): False, ("link", "href"): False, ("blockquote", "cite"): False, ("img", "src"): True}


def test_the_real_site_loads_nothing_from_another_host(built_site: Path) -> None:
    assert site_links.check_offline(built_site) == []
