"""Read the site's Markdown pages as a list of blocks with paragraph IDs.

The pages use a small, regular subset of Markdown (see CONTRIBUTING.md):

* headings end with an attribute list: ``## 编者按 { #editors-note }``;
* every paragraph ends with an attribute line: ``{ #part1-a1-p2 }``;
* a turn of the interview, a box or a caption block is a ``<div ... markdown>``
  on a line of its own, closed by ``</div>`` on a line of its own;
* a translator's note is a Markdown footnote labelled ``tn-…``: its reference stands in the
  paragraph (``Australia[^tn-australia]``), its definition (``[^tn-australia]: …``) right after
  that paragraph's ID line; it is the translator's words, kept on the block as a :class:`Note`,
  never part of the block's text;
* generated sections sit between ``<!-- generated:NAME ... -->`` and
  ``<!-- /generated:NAME -->`` and are not text of the interview.

Anything else is reported as a :class:`FormatError` naming file and line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from scripts.core.config import nav_pages
from scripts.core.files import read_text
from scripts.core.generated import CLOSE_RE as GEN_CLOSE_RE
from scripts.core.generated import OPEN_RE as GEN_OPEN_RE
from scripts.core.paths import DOCS, rel

ID_RE = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
ATTRS_RE = re.compile(r"^\{:?\s*#(" + ID_RE + r")((?:\s+\.[\w-]+)*)\s*\}$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s+\{:?\s*#(" + ID_RE + r")((?:\s+\.[\w-]+)*)\s*\}$")
DIV_OPEN_RE = re.compile(r"^<div\s+([^>]*?)\s*markdown>$")
DIV_ATTR_RE = re.compile(r'([\w-]+)="([^"]*)"')
NOTE_DEF_RE = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
NOTE_REF_RE = re.compile(r"\[\^([^\]]+)\]")
NOTE_LABEL_RE = re.compile(r"^tn-[a-z0-9]+(?:-[a-z0-9]+)*$")
INLINE_ATTRS_RE = re.compile(r"\{:?\s*[.#][^}]*\}")
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG_RE = re.compile(r"<[^>]+>")
UNTRANSLATED = "untranslated"  # the class of an English block not yet translated


class FormatError(ValueError):
    """A page that does not follow the block format; str() is `file:line: message`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{rel(path)}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Note:
    """A translator's note on a block: the translator's words, not the text."""

    label: str  # tn-australia
    markdown: str
    line: int


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or container (turn, box, captions) of a page."""

    id: str
    kind: str  # "heading" | "paragraph" | "container"
    line: int  # 1-based line of the block's first line in its file
    path: Path
    markdown: str = ""  # the block's Markdown text without its attribute list
    classes: tuple[str, ...] = ()
    level: int = 0  # heading level
    speaker: str = ""  # for a turn and the paragraphs in it: "reporter" or "lufeng"
    parent: str = ""  # the ID of the enclosing container, if any
    attrs: dict[str, str] = field(default_factory=dict, compare=False)
    notes: tuple[Note, ...] = ()  # translator's notes, in the order of their references

    @property
    def is_label(self) -> bool:
        """Structural labels (added headings, notes) are not text of the source."""
        return "label" in self.classes

    @property
    def is_untranslated(self) -> bool:
        """An English block that stands for a translation not yet made (`python -m scripts new` writes
        every block of a new document's English pages so): the site shows a notice linking to the Chinese."""
        return UNTRANSLATED in self.classes

    @property
    def text(self) -> str:
        """The visible text, with Markdown syntax and inline attribute lists removed."""
        return plain_text(self.markdown)

    def where(self) -> str:
        return f"{rel(self.path)}:{self.line}"


def plain_text(markdown: str) -> str:
    text = NOTE_REF_RE.sub("", markdown)
    text = INLINE_ATTRS_RE.sub("", text)
    text = LINK_RE.sub(r"\1", text)
    text = TAG_RE.sub("", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(" ".join(text.split()))


def normalize(text: str) -> str:
    """NFKC with all white space removed: the form in which texts are compared."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _classes(spec: str) -> tuple[str, ...]:
    return tuple(c.lstrip(".") for c in spec.split())


def parse_text(text: str, path: Path) -> list[Block]:
    """Parse one page's Markdown into blocks, in document order."""
    if text.startswith("\ufeff"):
        raise FormatError(path, 1, "starts with a byte order mark (U+FEFF): save the file as UTF-8 without BOM")
    blocks: list[Block] = []
    stack: list[Block] = []
    lines = text.split("\n")
    para: list[str] = []
    para_start = 0
    generated: tuple[str, int] | None = None
    seen: dict[str, int] = {}

    def add(block: Block) -> None:
        if block.id in seen:
            raise FormatError(path, block.line, f"duplicate ID '{block.id}' (first on line {seen[block.id]})")
        seen[block.id] = block.line
        blocks.append(block)

    note_open: list[list[str]] = []  # the lines of the note being read, while no blank line has ended it

    def add_note(label: str, first: str, number: int) -> None:
        if not NOTE_LABEL_RE.match(label):
            raise FormatError(
                path,
                number,
                f"footnote '[^{label}]': a translator's note is labelled 'tn-…' "
                "(lower-case letters, digits and hyphens)",
            )
        last = blocks[-1] if blocks else None
        if last is None or label not in NOTE_REF_RE.findall(last.markdown):
            raise FormatError(
                path,
                number,
                f"translator's note '[^{label}]' does not follow the paragraph that "
                f"refers to it: put '[^{label}]' in that paragraph and this line right after its ID line",
            )
        if any(n.label == label for b in blocks for n in b.notes):
            raise FormatError(path, number, f"translator's note '[^{label}]' is defined twice")
        lines_: list[str] = [first]
        note_open[:] = [lines_]
        blocks[-1] = replace(last, notes=(*last.notes, Note(label, "", number)))
        notes_text[(len(blocks) - 1, label)] = lines_

    notes_text: dict[tuple[int, str], list[str]] = {}

    def context() -> tuple[str, str]:
        if not stack:
            return "", ""
        return stack[-1].id, stack[-1].speaker

    def flush_paragraph() -> None:
        nonlocal para
        if not para:
            return
        m = ATTRS_RE.match(para[-1].strip())
        if not m:
            raise FormatError(path, para_start, "paragraph has no ID: end it with a line like '{ #part1-a1-p3 }'")
        if len(para) == 1:
            raise FormatError(path, para_start, f"ID line '{para[0].strip()}' has no paragraph above it")
        parent, speaker = context()
        add(
            Block(
                id=m.group(1),
                kind="paragraph",
                line=para_start,
                path=path,
                markdown="\n".join(para[:-1]).strip(),
                classes=_classes(m.group(2)),
                speaker=speaker,
                parent=parent,
            )
        )
        para = []

    for number, raw in enumerate(lines, 1):
        line = raw.rstrip()
        stripped = line.strip()
        if generated:
            close = GEN_CLOSE_RE.match(stripped)
            if close and close.group(1) == generated[0]:
                generated = None
            continue
        gen = GEN_OPEN_RE.match(stripped)
        if gen:
            flush_paragraph()
            generated = (gen.group(1), number)
            continue
        if not stripped:
            flush_paragraph()
            note_open.clear()
            continue
        if para:
            para.append(line)
            continue
        note = NOTE_DEF_RE.match(stripped)
        if note:
            add_note(note.group(1), note.group(2), number)
            continue
        if note_open and raw.startswith("    "):  # a note's continuation lines are indented
            note_open[-1].append(stripped)
            continue
        div = DIV_OPEN_RE.match(stripped)
        if div:
            attrs = dict(DIV_ATTR_RE.findall(div.group(1)))
            if "id" not in attrs:
                raise FormatError(path, number, '<div> has no id="…"')
            parent, speaker = context()
            block = Block(
                id=attrs["id"],
                kind="container",
                line=number,
                path=path,
                classes=tuple(attrs.get("class", "").split()),
                speaker=attrs.get("data-speaker", speaker),
                parent=parent,
                attrs=attrs,
            )
            add(block)
            stack.append(block)
            continue
        if stripped == "</div>":
            if not stack:
                raise FormatError(path, number, "</div> without an open <div>")
            stack.pop()
            continue
        if stripped.startswith("#"):
            m = HEADING_RE.match(stripped)
            if not m:
                raise FormatError(path, number, "heading has no ID: end it with '{ #some-id }'")
            parent, speaker = context()
            add(
                Block(
                    id=m.group(3),
                    kind="heading",
                    line=number,
                    path=path,
                    markdown=m.group(2),
                    classes=_classes(m.group(4)),
                    level=len(m.group(1)),
                    parent=parent,
                )
            )
            continue
        if stripped.startswith("<") and not stripped.startswith(("<span", "<strong", "<em", "<a ")):
            raise FormatError(path, number, f"unexpected HTML line '{stripped[:40]}'")
        para = [line]
        para_start = number
    flush_paragraph()
    for (index, label), note_lines in notes_text.items():
        b = blocks[index]
        blocks[index] = replace(
            b,
            notes=tuple(replace(n, markdown=" ".join(note_lines).strip()) if n.label == label else n for n in b.notes),
        )
    for b in blocks:
        missing = [ref for ref in NOTE_REF_RE.findall(b.markdown) if ref not in {n.label for n in b.notes}]
        if missing:
            raise FormatError(
                path,
                b.line,
                f"'[^{missing[0]}]' in {b.id} has no note: add a line "
                f"'[^{missing[0]}]: …' right after the block's ID line",
            )
    if generated:
        raise FormatError(path, generated[1], f"generated section '{generated[0]}' is never closed")
    if stack:
        raise FormatError(path, stack[-1].line, f'<div id="{stack[-1].id}"> is never closed')
    return blocks


def parse_page(path: Path) -> list[Block]:
    """The blocks of a page file; InputError (scripts/core/files.py) if it is not UTF-8 or starts with a BOM."""
    return parse_text(read_text(path), path)


def page_path(lang: str, page: str, docs: Path = DOCS) -> Path:
    return docs / lang / page


def load_language(lang: str, docs: Path = DOCS, pages: list[str] | None = None) -> dict[str, list[Block]]:
    """All pages of one language, in navigation order: {page: blocks}."""
    pages = nav_pages() if pages is None else pages
    return {page: parse_page(page_path(lang, page, docs)) for page in pages if page_path(lang, page, docs).exists()}
