"""Content safety by allowlist: translations come from strangers, so a page holds only what the content
allowlist of data/policy/allowlist.yml names (scripts/core/policy.py), with Ammonia's (nh3) lists as the
reference.

In the Markdown of docs/ (each finding with file and line):
* raw HTML: every element, attribute, attribute value, class and URL scheme is on the content allowlist;
* links, images, autolinks and reference definitions: their URL schemes are on it;
* attribute lists (`{ #id .class key=value }`): their IDs, classes and attributes are on it;
* characters: no control or invisible format character (bidi overrides, zero-width spaces), which make
  a line read differently from what it holds; in data/ too;
* files: docs/ holds only the kinds of file `files.docs` names (MkDocs copies every file into the site).

The built site is checked by scripts/checks/site_safety.py (`check_html`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from scripts.checks import html_rules
from scripts.core.files import read_text
from scripts.core.findings import Finding
from scripts.core.paths import DOCS, rel
from scripts.core.policy import Policy, Rules, for_root

# The Unicode categories a page's text may hold: letters, marks, numbers, punctuation, symbols and
# spaces, with tab and line feed; never a control (Cc), format (Cf: U+202E RIGHT-TO-LEFT OVERRIDE,
# U+200B ZERO WIDTH SPACE …), private-use, surrogate or line/paragraph separator character.
TEXT_CATEGORIES = ("L", "M", "N", "P", "S", "Zs")
TEXT_CONTROLS = "\t\n"

CODE_SPAN_RE = re.compile(r"`[^`\n]*`")
AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[a-zA-Z]+)>")
LINK_RE = re.compile(r"(?<!\\)(?:\\\\)*\]\(\s*<?([^\s)>]*)")  # a `](` whose `]` is not escaped
REFERENCE_RE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)")
ATTR_LIST_RE = re.compile(r"\{:?[ ]*([^}\n]*?)[ ]*\}")
ATTR_TOKEN_RE = re.compile(r"""#([\w:-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


class _RawHtml(HTMLParser):
    """The elements of raw HTML in a Markdown text, with the line each starts on."""

    def __init__(self, rules: Rules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.found += [(line, f"raw {what}") for what in html_rules.problems(self.rules, tag, list(attrs))]

    handle_startendtag = handle_starttag

    def handle_decl(self, decl: str) -> None:
        self.found.append((self.getpos()[0], f"raw <!{decl.split()[0] if decl.split() else ''}> declaration"))

    def handle_pi(self, data: str) -> None:
        self.found.append((self.getpos()[0], "raw <?…> processing instruction"))

    def unknown_decl(self, data: str) -> None:
        self.found.append((self.getpos()[0], "raw <![…]> section"))


def _attr_list(inside: str, rules: Rules) -> list[str] | None:
    """What an attribute list sets that the content allowlist does not allow; None if `inside` is not
    an attribute list (prose in braces)."""
    tokens = list(ATTR_TOKEN_RE.finditer(inside))
    if not tokens or ATTR_TOKEN_RE.sub("", inside).strip():
        return None
    attrs: list[tuple[str, str | list[str] | None]] = []
    for t in tokens:
        if t.group(1) is not None:
            attrs.append(("id", t.group(1)))
        elif t.group(2) is not None:
            attrs.append(("class", t.group(2)))
        else:
            attrs.append((t.group(3), next(v for v in t.group(4, 5, 6) if v is not None)))
    # An attribute list may set what any element may carry ("*"): an ID, a class, a language.
    return html_rules.attribute_problems(rules, "*", attrs, "an element")


def _url_problems(url: str, rules: Rules, what: str) -> list[str]:
    scheme = html_rules.url_scheme(html.unescape(url))
    return [f"{scheme}: URL in {what}"] if scheme is not None and scheme not in rules.url_schemes else []


def character_findings(text: str, where: str, check: str = "safety") -> list[Finding]:
    """Each control or invisible format character of a text, at its line and column."""
    findings = []
    for number, line in enumerate(text.split("\n"), 1):
        for column, char in enumerate(line, 1):
            if char in TEXT_CONTROLS or unicodedata.category(char).startswith(TEXT_CATEGORIES):
                continue
            name = unicodedata.name(char, "a control character")
            findings.append(
                Finding(
                    where,
                    number,
                    check,
                    "",
                    f"invisible character U+{ord(char):04X} ({name}) at column {column}: "
                    "it can make the line read differently from what it holds",
                )
            )
    return findings


def check_text(text: str, where: str, policy: Policy | None = None) -> list[Finding]:
    """The rules on one Markdown text; `where` is its file as the findings name it."""
    policy = policy or for_root(DOCS.parent)
    rules = policy.content
    source = f"the content allowlist ({policy.where})"
    found: list[tuple[int, str]] = []
    lines = [CODE_SPAN_RE.sub(_blank, line) for line in text.split("\n")]
    for number, line in enumerate(lines, 1):
        for m in AUTOLINK_RE.finditer(line):
            found += [(number, w) for w in _url_problems(m.group(1), rules, "an autolink")]
        for m in LINK_RE.finditer(line):
            found += [(number, w) for w in _url_problems(m.group(1), rules, "a link")]
        ref = REFERENCE_RE.match(line)
        if ref:
            found += [(number, w) for w in _url_problems(ref.group(1), rules, "a link definition")]
        for m in ATTR_LIST_RE.finditer(line):
            found += [(number, f"{w} (attribute list)") for w in _attr_list(m.group(1), rules) or []]
        lines[number - 1] = AUTOLINK_RE.sub(_blank, line)
    parser = _RawHtml(rules)
    parser.feed("\n".join(lines))
    parser.close()
    found += parser.found
    findings = [Finding(where, line, "safety", "", f"{what}: not on {source}") for line, what in sorted(found)]
    return findings + character_findings(text, where)


def check_markdown(docs: Path = DOCS, policy: Policy | None = None) -> list[Finding]:
    """The rules on every Markdown page below `docs`, the kinds of file it holds, and the characters of
    the data files beside it (data/)."""
    policy = policy or for_root(docs.parent)
    findings = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and not p.name.startswith(".")):
        kind = path.suffix.lstrip(".").lower()
        if kind not in policy.docs_files:
            allowed = ", ".join(f".{k}" for k in policy.docs_files)
            findings.append(
                Finding(
                    rel(path),
                    1,
                    "safety",
                    "",
                    f"a .{kind or '(no extension)'} file: docs/ may hold only {allowed} files "
                    f"(files.docs of {policy.where}); MkDocs copies every file into the site as it is",
                )
            )
        elif kind == "md":
            findings += check_text(read_text(path), rel(path), policy)
    data = docs.parent / "data"
    for path in sorted(data.rglob("*.yml")) if data.is_dir() else []:
        findings += character_findings(read_text(path), rel(path))
    return findings


def check_html(site: Path, policy: Policy | None = None) -> list[Finding]:
    """The built site: scripts/checks/site_safety.py."""
    from scripts.checks import site_safety

    return site_safety.check(site, policy or for_root(DOCS.parent))
