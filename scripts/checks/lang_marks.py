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
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement

from scripts.checks import html_lines
from scripts.core.findings import Finding

CHECK = "lang"
CHINESE_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Two words or more in a row: not an acronym (CSV, JSON), a term (derived) or an ID (editors-note-p1).
ENGLISH_RE = re.compile(r"[A-Za-z][a-z’']+(?: [A-Za-z][a-z’']*)+")
NOT_TEXT = ("script", "style", "code", "pre", "kbd", "samp", "head")


def language(el: HtmlElement) -> str:
    """The language of the text inside `el`: its nearest `lang`, itself included."""
    node: HtmlElement | None = el
    while node is not None:
        value = str(node.get("lang") or "")
        if value:
            return value.split("-")[0].lower()
        node = node.getparent()
    return ""


def texts(root: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """(the element it stands in, text) for each text of the page, in document order; lxml keeps a text
    as the `text` of the element it starts or the `tail` of the element (or comment) it follows."""
    for event, node in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start" and node.text:
            yield node, node.text
        elif event in ("end", "comment", "pi") and node.tail and node.getparent() is not None:
            yield node.getparent(), node.tail


def findings_of(root: HtmlElement | None) -> list[tuple[HtmlElement, str]]:
    """(element, message) for each text of the page in the other language without its own `lang`."""
    out: list[tuple[HtmlElement, str]] = []
    for parent, text in texts(root) if root is not None else []:
        if any(p.tag in NOT_TEXT for p in (parent, *parent.iterancestors())):
            continue
        lang, value = language(parent), " ".join(text.split())
        if lang == "en" and (m := CHINESE_RE.search(value)):
            out.append((parent, f"Chinese '{m.group(0)}' in English text without lang=\"zh\": '{value[:60]}'"))
        elif lang == "zh" and (m := ENGLISH_RE.search(value)):
            out.append((parent, f"English '{m.group(0)[:40]}' in Chinese text without lang=\"en\": '{value[:60]}'"))
    return out


def check_html(site: Path) -> list[Finding]:
    """Every text of every page of the built `site` in the other language without its own `lang`."""
    findings: list[Finding] = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        doc = html_lines.Page.read(path)
        top = doc.elements[0] if doc.elements else None
        findings += [Finding(page, doc.line(el), CHECK, "", message) for el, message in findings_of(top)]
    return findings
