"""Content safety of a built site, by allowlist (data/policy/allowlist.yml, scripts/core/policy.py).

* Every HTML page: the elements inside its <article> are held to the content allowlist, the same as
  the Markdown; the rest of the page (Material's chrome and overrides/main.html) to the page allowlist.
  Neither has <base>, <meta http-equiv>, a form that is sent anywhere or a style= attribute.
* Scripts of the chrome: a <script src> loads a file of the site that `page.scripts.files` or the
  build's extra_javascript names; a <script type="application/json"> is data with an ID on
  `page.scripts.data`; an inline script is on `page.scripts.inline` by the digest of its text.
* Every SVG file (a browser runs one opened by itself as a page): the svg allowlist, no DOCTYPE,
  entity or processing instruction, and CSS that loads nothing.
* Every file is of a kind `files.site` names (a .xhtml page would run outside these checks).
Each finding names the file (relative to the site) and the line.
"""

from __future__ import annotations

import hashlib
import json
import re
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from scripts.checks import html_lines, html_rules, site_links, urls
from scripts.core.files import InputError, read_text
from scripts.core.findings import Finding
from scripts.core.policy import Policy

# A string of a relative path to a root of the site in an inline script ("../..", "./", "../en/", "/",
# "/interview/"): it differs with the depth of the page and the site's address, so the digest is of the
# script without it.
ROOT_STRING_RE = re.compile(r'"(?:(?:\.{1,2}/)*(?:\.{1,2}|[a-z]{2}/)?|/(?:[^"/\s]+/)*)"')
XLINK = "{http://www.w3.org/1999/xlink}"
SVG_NS = "{http://www.w3.org/2000/svg}"


def script_digest(text: str) -> str:
    """The digest by which an inline script is on the allowlist (`page.scripts.inline`)."""
    return hashlib.sha256(ROOT_STRING_RE.sub('"…"', text.strip()).encode("utf-8")).hexdigest()


def _site_path(page: str, url: str, prefix: str) -> str:
    """The file of the site a URL on `page` names ('' if it leaves the site); `prefix` is the site's path
    below its host ("interview/"), which the 404 page's absolute URLs carry."""
    parts = urlsplit(urljoin(f"http://site.invalid/{prefix}{page}", url))
    path = unquote(parts.path.lstrip("/"))
    if parts.netloc != "site.invalid" or parts.scheme != "http" or not path.startswith(prefix):
        return ""
    return path[len(prefix) :]


def _script_problems(el: etree._Element, page: str, policy: Policy, prefix: str) -> list[str]:
    src, kind, text = el.get("src"), el.get("type"), el.text or ""
    if src is not None:
        path = _site_path(page, src, prefix)
        allowed = [*policy.script_files, *policy.build.get("extra_javascript", {})]
        if text.strip():
            return ["<script src> with a body"]
        if not any(fnmatch(path, pattern) for pattern in allowed):
            return [f'<script src="{src}"> (a file not on page.scripts.files or build.extra_javascript)']
        return []
    if kind == "application/json":
        if el.get("id") not in policy.script_data:
            return [f'<script type="application/json" id="{el.get("id", "")}"> (an ID not on page.scripts.data)']
        try:
            json.loads(text)
        except ValueError:
            return ['<script type="application/json"> that is not JSON']
        return []
    digest = script_digest(text)
    if digest in policy.inline_scripts:
        return []
    shown = " ".join(text.split())[:60]
    return [f"inline <script> '{shown}…' (digest {digest}, not on page.scripts.inline)"]


def _line(el: object) -> int:
    """The line lxml gives an element, 1 when it gives none."""
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else 1


def check_page(page: str, text: str, policy: Policy, prefix: str = "") -> list[Finding]:
    """The findings of one built page (`page` relative to the site)."""
    doc = html_lines.Page.parse(text)
    content = {el for article in doc.elements if article.tag == "article" for el in article.iterdescendants()}
    findings = []
    for el in doc.elements:
        inside = el in content
        rules = policy.content if inside else policy.page
        attrs: html_rules.Attrs = [(str(k), str(v)) for k, v in el.attrib.items()]
        found = html_rules.problems(rules, el.tag, attrs)
        if el.tag == "script" and not inside and not found:
            found = _script_problems(el, page, policy, prefix)
        where = "in the page content" if inside else "in the page outside its content"
        findings += [
            Finding(
                page,
                doc.line(el),
                "safety",
                "",
                f"{what} {where}: not on the {rules.name} allowlist ({policy.where})",
            )
            for what in found
        ]
    return findings


def _name(qualified: str) -> str:
    """An SVG element's or attribute's name as the allowlist writes it: 'rect', 'xlink:href', 'viewbox'."""
    if qualified.startswith(XLINK):
        return "xlink:" + qualified[len(XLINK) :]
    if qualified.startswith(SVG_NS):
        return qualified[len(SVG_NS) :]
    return qualified if not qualified.startswith("{") else "{foreign}" + qualified.split("}", 1)[1]


def check_svg(key: str, data: bytes, policy: Policy) -> list[Finding]:
    """The findings of one SVG file of the site."""

    def found(line: int, what: str) -> Finding:
        return Finding(key, line, "safety", "", f"{what} in an SVG file: not on the svg allowlist ({policy.where})")

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        return [Finding(key, err.lineno or 1, "safety", "", f"not well-formed SVG: {err.msg}")]
    findings = []
    if root.getroottree().docinfo.internalDTD is not None or b"<!DOCTYPE" in data:
        findings.append(found(1, "a DOCTYPE (entities)"))
    before = list(root.itersiblings(preceding=True))
    for node in [*before, *root.iter()]:
        line = _line(node)
        if isinstance(node, etree._ProcessingInstruction):
            findings.append(found(line, f"<?{node.target!s}?>"))
        elif isinstance(node, etree._Entity):
            findings.append(found(line, "an entity reference"))
        elif isinstance(node.tag, str):
            attrs: html_rules.Attrs = [(_name(str(k)), str(v)) for k, v in node.attrib.items()]
            for what in html_rules.problems(policy.svg, _name(node.tag), attrs):
                findings.append(found(line, what))
            if _name(node.tag) == "style":
                findings += [found(line + n, f"CSS that loads {url}") for n, url in urls.css_urls(node.text or "")]
    return findings


def check(site: Path, policy: Policy, prefix: str | None = None) -> list[Finding]:
    """Every finding of the built site at `site`, served below `prefix` (default: from SITE_URL or
    mkdocs.yml's site_url, as for the links check)."""
    prefix = site_links.site_prefix() if prefix is None else prefix
    findings: list[Finding] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        key = path.relative_to(site).as_posix()
        kind = path.suffix.lstrip(".").lower()
        if kind not in policy.site_files:
            findings.append(
                Finding(
                    key,
                    1,
                    "safety",
                    "",
                    f"a .{kind or '(no extension)'} file: not a kind of file the site may hold "
                    f"(files.site of {policy.where})",
                )
            )
        elif kind == "html":
            try:
                findings += check_page(key, read_text(path), policy, prefix)
            except InputError as err:
                findings.append(Finding(key, err.line, "safety", "", err.message))
        elif kind == "svg":
            findings += check_svg(key, path.read_bytes(), policy)
    return findings
