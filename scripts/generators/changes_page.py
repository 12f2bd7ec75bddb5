"""The changes page of each language (`changes.md`): the English second edition's editorial pass, block
by block, generated from data/changelog/*.yml (`python -m scripts changes --write`; without `--write`,
each page that differs from what the data gives is a finding, as for the glossary pages).

Each change names the English block it changed by its ID; the page lists them by page of the
edition, each linked to its paragraph: on the English page, the English paragraph; on the Chinese
page, the side-by-side view, where the Chinese original stands beside the changed English. The changes
are written in English: on the Chinese page they carry `lang="en"`, and the Chinese they quote carries
`lang="zh"` on both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scripts.core import documents
from scripts.core.config import nav_pages
from scripts.core.files import write_if_changed
from scripts.core.findings import Finding
from scripts.core.generated import close_marker, open_marker
from scripts.core.languages import mark_chinese
from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import YamlError, line_of, read_yaml, schema_errors
from scripts.generators.side_by_side import has_view
from scripts.text.blocks import Block, load_language

PAGE = "changes.md"
COMMAND = "python -m scripts changes --write"
SCHEMA = "changelog.schema.json"
PAGE_TEXT = {
    "zh": {
        "title": "修订记录",
        "intro": (
            "英文译文第二版逐段修订的记录：每一行是一个英文段落（或标题、框文）及其修改和理由。"
            "中文文本没有修改措辞（见[关于本版](about.md#about-changes)）。修订说明以英文写成；"
            "点击段落编号，可在中英对照阅读中看到该段的中文原文和修订后的英文。"
        ),
    },
    "en": {
        "title": "Changes in this edition",
        "intro": (
            "The record of the English second edition’s editorial pass, block by block: each row is an English "
            "paragraph (or heading or box) with what changed and why. The wording of the Chinese did not change "
            "(see [About this edition](about.md#about-changes)). Follow a paragraph’s ID to read it."
        ),
    },
}
HEAD = {"zh": ("段落", "修订"), "en": ("Paragraph", "Change")}


@dataclass(frozen=True)
class Change:
    id: str
    text: str
    file: str  # data/changelog/part1.yml
    line: int


def load(root: Path = ROOT) -> list[Change]:
    """Every change of data/changelog/*.yml, in file order, each checked against the schema; YamlError
    names the file and line of every problem."""
    folder = root / "data" / "changelog"
    schema = json.loads((root / "data" / SCHEMA).read_text(encoding="utf-8"))
    changes: list[Change] = []
    errors: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        doc, lines = read_yaml(path)
        found = schema_errors(doc, lines, rel(path), schema)
        if found or not isinstance(doc, list):
            errors += found
            continue
        for i, entry in enumerate(doc):
            changes.append(Change(entry["id"], entry["change"], rel(path), line_of(lines, (i,))))
    if errors:
        raise YamlError(errors)
    return changes


def _page_of(changes: list[Change], english: dict[str, list[Block]]) -> dict[str, list[Change]]:
    """{page: its changes}, in navigation order; YamlError for a change whose ID no English block has."""
    where = {b.id: page for page, blocks in english.items() for b in blocks}
    unknown = [f"{c.file}:{c.line}: id: no English block has the ID '{c.id}'" for c in changes if c.id not in where]
    if unknown:
        raise YamlError(unknown)
    by_page: dict[str, list[Change]] = {page: [] for page in english}
    for c in changes:
        by_page[where[c.id]].append(c)
    return {page: cs for page, cs in by_page.items() if cs}


def _cell(text: str, lang: str) -> str:
    text = mark_chinese(text.replace("|", "\\|").replace("\n", " "))
    return f'<span lang="en">{text}</span>' if lang == "zh" else text


def _link(page: str, block_id: str, lang: str, viewed: bool) -> str:
    """The changed English block: on the English page; from the Chinese page, beside its Chinese in the
    side-by-side view, or on the English page where the page has no view (the data page)."""
    stem = page.removesuffix(".md").removesuffix("index")
    folder = stem + "/" if stem else ""
    if lang == "en":
        return f"[{block_id}]({page}#{block_id})"
    return f"[{block_id}](../{'parallel' if viewed else 'en'}/{folder}#{block_id})"


def render_page(changes: list[Change], lang: str, root: Path = ROOT) -> str:
    """The changes page of one language: wholly generated but for its title, so the block checks skip it."""
    t = PAGE_TEXT[lang]
    main = documents.main_document(root)  # the changelog is the interview's: its IDs are those of its pages
    pages = documents.pages(main, root) if main else nav_pages(root)
    english = load_language("en", root / "docs", pages)
    titles = load_language(lang, root / "docs", pages)
    chinese = load_language("zh", root / "docs", pages)
    out = [
        f"# {t['title']} {{ #changes .label }}",  # outside the generated section: MkDocs takes the page title from it
        "",
        open_marker("changes", COMMAND, "data/changelog/*.yml"),
        "",
        t["intro"],
        "",
    ]
    for page, page_changes in _page_of(changes, english).items():
        title = next((b.text for b in titles[page] if b.kind == "heading" and b.level == 1), page)
        stem = page.removesuffix(".md")
        out += [f"## {title} {{ #changes-{stem} }}", "", f"| {' | '.join(HEAD[lang])} |", "| --- | --- |"]
        viewed = has_view(chinese.get(page, []))
        out += [f"| {_link(page, c.id, lang, viewed)} | {_cell(c.text, lang)} |" for c in page_changes]
        out.append("")
    return "\n".join([*out, close_marker("changes"), ""])


def pages(write: bool = False, root: Path = ROOT) -> list[Finding]:
    """Each changes page that differs from what data/changelog/ gives (written instead with `write`)."""
    changes = load(root)
    stale = []
    for lang in PAGE_TEXT:
        path = root / "docs" / lang / PAGE
        text = render_page(changes, lang, root)
        if write:
            write_if_changed(path, text)
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            message = f"differs from what data/changelog/ gives; run `{COMMAND}`"
            stale.append(Finding(rel(path), 1, "generated", "changes", message))
    return stale
