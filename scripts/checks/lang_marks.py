"""Text in the other language carries its own `lang`, so that screen readers speak it in the right voice,
browsers pick its fonts (assets/site.css) and search segments it as its language.

In a built page, every text of the body is in the language of its nearest element with a `lang`
attribute (the page's `<html lang>` at the least). A finding is Chinese characters in text whose
language is English (a Chinese term in a translator's note, a glossary note), or English words (two or
more in a row) in text whose language is Chinese (a translator's note at the foot of a side-by-side
page, an English name). Code, scripts and styles are not text. Attribute values (tooltips, labels) are
not held to it: an attribute has one language, its element's, and cannot mark a part of itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from scripts.checks.html_lines import SourceLines, tags
from scripts.core.findings import Finding

CHECK = "lang"
CHINESE_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Two words or more in a row: not an acronym (CSV, JSON), a term (derived) or an ID (editors-note-p1).
ENGLISH_RE = re.compile(r"[A-Za-z][a-z’']+(?: [A-Za-z][a-z’']*)+")
NOT_TEXT = ("script", "style", "code", "pre", "kbd", "samp", "head")


def language(el: Tag) -> str:
    """The language of the text inside `el`: its nearest `lang`, itself included."""
    node: Tag | None = el
    while node is not None:
        value = node.get("lang")
        if isinstance(value, str) and value:
            return value.split("-")[0].lower()
        node = node.parent
    return ""


def findings_of(soup: BeautifulSoup) -> list[tuple[Tag, str]]:
    """(element, message) for each text of the page in the other language without its own `lang`."""
    out: list[tuple[Tag, str]] = []
    for text in soup.find_all(string=True):
        if not isinstance(text, NavigableString) or isinstance(text, Comment) or text.parent is None:
            continue
        parent = text.parent
        if any(p.name in NOT_TEXT for p in (parent, *parent.parents) if isinstance(p, Tag)):
            continue
        lang, value = language(parent), " ".join(str(text).split())
        if lang == "en" and (m := CHINESE_RE.search(value)):
            out.append((parent, f"Chinese '{m.group(0)}' in English text without lang=\"zh\": '{value[:60]}'"))
        elif lang == "zh" and (m := ENGLISH_RE.search(value)):
            out.append((parent, f"English '{m.group(0)[:40]}' in Chinese text without lang=\"en\": '{value[:60]}'"))
    return out


def check_html(site: Path) -> list[Finding]:
    """Every text of every page of the built `site` in the other language without its own `lang`."""
    lines = SourceLines(site)
    findings: list[Finding] = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        found = findings_of(soup)
        elements = tags(soup) if found else []
        for el, message in found:
            findings.append(Finding(page, lines.line(page, el, elements), CHECK, "", message))
    return findings
