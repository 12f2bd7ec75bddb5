"""Content safety: translations come from strangers, so pages may not carry active content.

Rejected in the Markdown (with file and line) and in the content of the built pages: raw
<script>, <iframe>, <object>, <embed>, <style> elements, on…= event handlers, and
javascript:/vbscript:/data: URLs. The theme's own scripts lie outside the page content and are
not a translator's to change.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer

from scripts.checks.html_lines import SourceLines, tags
from scripts.core.findings import Finding
from scripts.core.paths import DOCS, rel

TAGS = ("script", "iframe", "object", "embed", "style")
TAG_RE = re.compile(r"<\s*/?\s*(" + "|".join(TAGS) + r")\b", re.I)
HANDLER_RE = re.compile(r"<[^>]*?\s(on[a-z]+)\s*=", re.I)
URL_RE = re.compile(
    r"(?:\]\(\s*<?|\b(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?\s*|<)\s*((?:javascript|vbscript|data)\s*:)",
    re.I,
)
BARE_SCHEME_RE = re.compile(r"\b(javascript|vbscript)\s*:", re.I)
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data")


def check_text(text: str, where: str) -> list[Finding]:
    """The rules on one Markdown text; `where` is its file as the findings name it."""
    findings = []
    for number, line in enumerate(text.split("\n"), 1):
        for m in TAG_RE.finditer(line):
            findings.append(
                Finding(where, number, "safety", "", f"raw <{m.group(1).lower()}> is not allowed in a page")
            )
        for m in HANDLER_RE.finditer(line):
            findings.append(
                Finding(where, number, "safety", "", f"event handler {m.group(1).lower()}= is not allowed in a page")
            )
        schemes = {m.group(1).lower().replace(" ", "") for m in URL_RE.finditer(line)}
        schemes |= {m.group(1).lower() + ":" for m in BARE_SCHEME_RE.finditer(line)}
        for scheme in sorted(schemes):
            findings.append(Finding(where, number, "safety", "", f"{scheme} URL is not allowed in a page"))
    return findings


def check_markdown(docs: Path = DOCS) -> list[Finding]:
    """The rules on every Markdown page below `docs`."""
    findings = []
    for path in sorted(docs.rglob("*.md")):
        findings += check_text(path.read_text(encoding="utf-8"), rel(path))
    return findings


def check_html(site: Path) -> list[Finding]:
    """The same rules on the content area (<article>) of every built page; each finding names the page
    (relative to `site`) and the line of the element."""
    findings = []
    articles = SoupStrainer("article")
    lines = SourceLines(site, articles)
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        # only the articles are built into a tree: the rest of the page (its navigation) is not content
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml", parse_only=articles)
        elements = tags(soup)
        for article in soup.find_all("article"):
            for el in article.find_all(True):
                found = []
                if el.name in TAGS:
                    found.append(f"<{el.name}> in the page content")
                for attr, value in el.attrs.items():
                    if attr.lower().startswith("on"):
                        found.append(f"{attr}= handler on <{el.name}> in the page content")
                    values = value if isinstance(value, list) else [value]
                    for v in values:
                        if re.match(r"\s*(javascript|vbscript|data)\s*:", str(v), re.I) and attr in URL_ATTRS:
                            found.append(f"{str(v).split(':')[0].strip().lower()}: URL in {attr}= on <{el.name}>")
                if found:
                    line = lines.line(page, el, elements)
                    findings += [Finding(page, line, "safety", "", message) for message in found]
    return findings
