"""The side-by-side view of a page: its Chinese and English blocks in two columns, aligned by ID.

The plugin (scripts/plugin/plugin.py) turns this Markdown into virtual pages at build time
(`parallel/part1/`, `en/parallel/part1/`), so the view is never a second copy of the text: docs/zh and
docs/en stay the only sources. Each paragraph or heading becomes a row `<div class="parallel__row" id="ID">`
holding a cell `lang="zh"` and a cell `lang="en"`; turns and boxes become groups around their rows. The
page's generated sections (its tables) follow the row of the block before them, full width, in the
language of the site (`<div class="parallel__wide">`), their links rebased to the view.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from scripts.core import generated
from scripts.core.languages import LANGS
from scripts.text.blocks import Block

TITLE = {"zh": "中英对照：", "en": "Side by side: "}
Pair = tuple[Block | None, Block | None]
URL_ATTR_RE = re.compile(r'\b(href|src)="([^"]*)"')
MD_LINK_RE = re.compile(r"(\]\()((?![a-z][a-z0-9+.-]*:|[#/])[^)\s]+\.md(?:#[^)\s]*)?)(\))")
SITE = "http://site/"  # a stand-in origin against which the site's relative URLs are resolved


@dataclass(frozen=True)
class Insert:
    """A generated section of a page (its HTML, a table), shown after the row of the block before it."""

    after: str  # the ID of the block before it ("" at the top of the page)
    html: str


def generated_sections(text: str, blocks: list[Block]) -> list[Insert]:
    """The generated sections of a page's Markdown `text` (parsed into `blocks`), in order."""
    lines = text.split("\n")
    out = []
    for section in generated.sections(lines):
        before = [b.id for b in blocks if b.kind != "container" and b.line <= section.start]
        body = "\n".join(lines[section.start + 1 : section.end]).strip()
        out.append(Insert(before[-1] if before else "", body))
    return out


def rebase(html: str, page_url: str, view_url: str) -> str:
    """The relative links of `html`, written for the page at `page_url`, as the view at `view_url`
    needs them; a link to a place on the page itself stays on the view, which has the same IDs."""

    def fix(m: re.Match[str]) -> str:
        value = m.group(2)
        if not value or value.startswith(("#", "/")) or urlsplit(value).scheme:
            return m.group(0)
        target = urlsplit(urljoin(SITE + page_url, value))
        path = target.path.removeprefix("/")
        fragment = f"#{target.fragment}" if target.fragment else ""
        if path == page_url and fragment:
            return f'{m.group(1)}="{fragment}"'
        return f'{m.group(1)}="{get_relative_url(path or ".", view_url)}{fragment}"'

    return URL_ATTR_RE.sub(fix, html)


def has_view(zh: list[Block]) -> bool:
    """A page gets a side-by-side view when it has text of the published interview: a paragraph that
    is not a label of this edition (so not the glossary or the data page, generated and labels)."""
    return any(b.kind == "paragraph" and not b.is_label for b in zh)


def align(zh: list[Block], en: list[Block]) -> list[Pair]:
    """(Chinese, English) block pairs by ID in Chinese order; an English block without a Chinese
    twin follows the block before it in English."""
    en_by_id = {b.id: b for b in en}
    pairs: list[Pair] = [(z, en_by_id.get(z.id)) for z in zh]
    zh_ids = {b.id for b in zh}
    for i, e in enumerate(en):
        if e.id not in zh_ids:
            before = en[i - 1].id if i else None
            at = next((k + 1 for k, (z, x) in enumerate(pairs) if (z or x).id == before), 0)  # type: ignore[union-attr]
            pairs.insert(at, (None, e))
    return pairs


def _cell(block: Block | None, lang: str, links: str) -> str:
    if block is None:
        return f'<div class="parallel__cell parallel__cell--missing" lang="{lang}"></div>'
    attrs = [f".{c}" for c in block.classes]
    if block.kind == "heading":  # a heading of the cell, not of the page: no TOC entry, no second ID
        attrs = [".parallel__heading", *attrs, 'role="heading"', f'aria-level="{min(block.level + 1, 6)}"']
    text = MD_LINK_RE.sub(lambda m: m.group(1) + links + m.group(2) + m.group(3), block.markdown)
    text += f"\n{{ {' '.join(attrs)} }}" if attrs else ""
    return f'<div class="parallel__cell" lang="{lang}" markdown>\n\n{text}\n\n</div>'


def _row(zh: Block | None, en: Block | None, links: str) -> str:
    block = zh or en
    assert block is not None
    cells = f"{_cell(zh, 'zh', links)}\n\n{_cell(en, 'en', links)}"
    return f'<div class="parallel__row" id="{block.id}" markdown>\n\n{cells}\n\n</div>'


def _group(block: Block) -> str:
    classes = " ".join(("parallel__group", *block.classes))
    speaker = f' data-speaker="{block.attrs["data-speaker"]}"' if "data-speaker" in block.attrs else ""
    return f'<div class="{classes}" id="{block.id}"{speaker} markdown>'


def title(blocks: list[Block], lang: str) -> str:
    heading = next((b for b in blocks if b.kind == "heading"), None)
    return TITLE[lang] + (heading.text if heading else "")


def _wide(insert: Insert, lang: str) -> list[str]:
    return [f'<div class="parallel__wide" lang="{lang}">', "", insert.html, "", "</div>", ""]


def markdown(zh: list[Block], en: list[Block], lang: str, inserts: Sequence[Insert] = (), links: str = "") -> str:
    """The Markdown of the side-by-side page in the site of `lang` (its title and chrome language), with
    the generated sections `inserts` of that language's page (already rebased to the view). `links`
    turns a link to a page (`about.md`, relative to a language folder) into one from the view's file."""
    assert lang in LANGS
    meta = {"title": title(zh if lang == "zh" else en, lang), "search": {"exclude": True}}
    out = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()),
        "---",
        "",
        '<div class="parallel" markdown>',
        "",
    ]
    for insert in inserts:
        if not insert.after:
            out += _wide(insert, lang)
    groups: list[str] = []
    for z, e in align(zh, en):
        block = z or e
        assert block is not None
        while groups and groups[-1] != block.parent:
            out += ["</div>", ""]
            groups.pop()
        if block.kind == "container":
            out += [_group(block), ""]
            groups.append(block.id)
        else:
            out += [_row(z, e, links), ""]
            for insert in inserts:
                if insert.after == block.id:
                    out += _wide(insert, lang)
    out += ["</div>", ""] * len(groups) + ["</div>", ""]
    # translator's notes, numbered at the foot of the view as on the single page
    out += [f"[^{n.label}]: {n.markdown}\n" for b in (*zh, *en) for n in b.notes]
    return "\n".join(out)
