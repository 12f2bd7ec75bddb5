"""The search index of a built site (scripts/plugin/search.py): each language has its own Pagefind
bundle at its root, of its own language only, and every result it can give lands on a block of a page
of that language: the page exists, in that language, is not a side-by-side page, and has an element
with the result's ID. Each finding names the bundle's file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from scripts.checks import html_lines
from scripts.core.findings import Finding
from scripts.core.languages import LANGS, language_of, root
from scripts.plugin.search import BUNDLE

SIGNATURE = b"pagefind_dcd"  # what a Pagefind file holds before its data, once ungzipped


def read(path: Path) -> Any:
    """A Pagefind data file (a result's fragment), as JSON."""
    data = gzip.decompress(path.read_bytes())
    return json.loads(data.removeprefix(SIGNATURE))


def check(site: Path) -> list[Finding]:
    findings: list[Finding] = []
    ids: dict[str, set[str]] = {}  # page file -> its element IDs

    def found(path: Path, block: str, message: str) -> None:
        findings.append(Finding(path.relative_to(site).as_posix(), 1, "search", block, message))

    for lang in LANGS:
        bundle = site / root(lang) / BUNDLE
        entry = bundle / "pagefind-entry.json"
        if not entry.is_file():
            found(site / root(lang), "", f"no search index for {lang}: {entry.relative_to(site)} is missing")
            continue
        languages = sorted(json.loads(entry.read_text(encoding="utf-8"))["languages"])
        if languages != [lang]:
            found(entry, "", f"the {lang} index holds the languages {', '.join(languages)}, expected {lang} alone")
        fragments = sorted((bundle / "fragment").glob("*.pf_fragment"))
        if not fragments:
            found(bundle, "", f"the {lang} index has no results")
        for path in fragments:
            url = str(read(path)["url"])
            page, _, block = url.lstrip("/").partition("#")
            where = f"{url}: "
            html = site / page / "index.html"
            if language_of(page) != lang:
                found(path, block, where + f"a page in {language_of(page)}, in the {lang} index")
            elif page.removeprefix(root(lang)).startswith("parallel/"):
                found(path, block, where + "a side-by-side page, which search leaves out")
            elif not html.is_file():
                found(path, block, where + f"no such page ({html.relative_to(site)})")
            elif not block:
                found(path, block, where + "a whole page, not one of its blocks")
            else:
                key = html.relative_to(site).as_posix()
                if key not in ids:
                    ids[key] = {str(el.get("id")) for el in html_lines.Page.read(html).elements if "id" in el.attrib}
                if block not in ids[key]:
                    found(path, block, where + f"no element with the ID '{block}' on {key}")
    return findings
