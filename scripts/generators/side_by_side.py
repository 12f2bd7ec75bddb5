"""The side-by-side view of a page: its Chinese and English blocks in two columns, aligned by ID.

scripts/reader_hook.py turns this Markdown into virtual pages at build time (`parallel/part1/`,
`en/parallel/part1/`), so the view is never a second copy of the text: docs/zh and docs/en stay the
only sources. Each paragraph or heading becomes a row `<div class="parallel__row" id="ID">` holding
a cell `lang="zh"` and a cell `lang="en"`; turns and boxes become groups around their rows.
"""

from __future__ import annotations

import json

from scripts.core.languages import LANGS
from scripts.text.blocks import Block

TITLE = {"zh": "中英对照：", "en": "Side by side: "}
Pair = tuple[Block | None, Block | None]


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


def _cell(block: Block | None, lang: str) -> str:
    if block is None:
        return f'<div class="parallel__cell parallel__cell--missing" lang="{lang}"></div>'
    attrs = [f".{c}" for c in block.classes]
    if block.kind == "heading":  # a heading of the cell, not of the page: no TOC entry, no second ID
        attrs = [".parallel__heading", *attrs, 'role="heading"', f'aria-level="{min(block.level + 1, 6)}"']
    text = block.markdown + (f"\n{{ {' '.join(attrs)} }}" if attrs else "")
    return f'<div class="parallel__cell" lang="{lang}" markdown>\n\n{text}\n\n</div>'


def _row(zh: Block | None, en: Block | None) -> str:
    block = zh or en
    assert block is not None
    return f'<div class="parallel__row" id="{block.id}" markdown>\n\n{_cell(zh, "zh")}\n\n{_cell(en, "en")}\n\n</div>'


def _group(block: Block) -> str:
    classes = " ".join(("parallel__group", *block.classes))
    speaker = f' data-speaker="{block.attrs["data-speaker"]}"' if "data-speaker" in block.attrs else ""
    return f'<div class="{classes}" id="{block.id}"{speaker} markdown>'


def title(blocks: list[Block], lang: str) -> str:
    heading = next((b for b in blocks if b.kind == "heading"), None)
    return TITLE[lang] + (heading.text if heading else "")


def markdown(zh: list[Block], en: list[Block], lang: str) -> str:
    """The Markdown of the side-by-side page in the site of `lang` (its title and chrome language)."""
    assert lang in LANGS
    meta = {"title": title(zh if lang == "zh" else en, lang), "search": {"exclude": True}, "hide": ["toc"]}
    out = [
        "---",
        *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()),
        "---",
        "",
        '<div class="parallel" markdown>',
        "",
    ]
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
            out += [_row(z, e), ""]
    out += ["</div>", ""] * len(groups) + ["</div>", ""]
    # translator's notes, numbered at the foot of the view as on the single page
    out += [f"[^{n.label}]: {n.markdown}\n" for b in (*zh, *en) for n in b.notes]
    return "\n".join(out)
