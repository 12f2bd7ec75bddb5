"""Pages may not carry active content: each construct off the content allowlist is caught with file and line
(the allowlist in depth: tests/test_security_content.py)."""

from pathlib import Path

import pytest
from conftest import replace_once

from scripts.checks import safety


def test_the_real_pages_and_site_are_clean(built_site: Path) -> None:
    assert safety.check_markdown() == []
    assert safety.check_html(built_site) == []


@pytest.mark.parametrize(
    "snippet, message",
    [
        ("<script>alert(1)</script>", "raw <script>"),
        ('<iframe src="https://example.com"></iframe>', "raw <iframe>"),
        ('<object data="x.swf"></object>', "raw <object>"),
        ('<embed src="x.swf">', "raw <embed>"),
        ("<style>body{display:none}</style>", "raw <style>"),
        ('<span onclick="steal()">x</span>', "raw onclick= handler on <span>"),
        ('<img src="x.png" onerror="steal()">', "raw onerror= handler on <img>"),
        ("[click](javascript:alert(1))", "javascript: URL"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data: URL"),
        ("[x](data:text/html,hi)", "data: URL"),
    ],
)
def test_each_forbidden_construct_in_markdown_is_caught(project_copy: Path, snippet: str, message: str) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("**Reporter:**"))
    lines[target] += " " + snippet
    page.write_text("\n".join(lines), encoding="utf-8")
    findings = [str(f) for f in safety.check_markdown(project_copy / "docs")]
    assert findings and all(f.startswith(f"docs/en/part1.md:{target + 1}: [safety] ") for f in findings)
    assert any(message in f for f in findings), findings


def test_ordinary_prose_is_not_flagged() -> None:
    assert safety.check_text("Data: figures from the one-door service; a note on it.", "x.md") == []


def test_forbidden_content_in_built_html_is_caught(site_copy: Path) -> None:
    replace_once(
        site_copy / "en" / "part1" / "index.html",
        '<p id="part1-a1-p2">',
        '<script>x()</script><p id="part1-a1-p2" onmouseover="x()"><a href="javascript:x()">y</a>',
    )
    text = (site_copy / "en" / "part1" / "index.html").read_text(encoding="utf-8")
    line = text[: text.index("<script>x()</script>")].count("\n") + 1
    findings = [str(f) for f in safety.check_html(site_copy)]
    allowlist = "not on the content allowlist (data/policy/allowlist.yml)"
    assert f"en/part1/index.html:{line}: [safety] <script> in the page content: {allowlist}" in findings
    assert (
        f"en/part1/index.html:{line}: [safety] onmouseover= handler on <p> in the page content: {allowlist}" in findings
    )
    assert (
        f"en/part1/index.html:{line}: [safety] javascript: URL in href= on <a> in the page content: {allowlist}"
        in findings
    )
