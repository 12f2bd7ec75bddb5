"""Writing one block's English into its page's Markdown, touching only that block's lines.

A changed block has its text lines (or its heading's text) and its translator's notes replaced; a block
the English page lacks is inserted where its Chinese twin stands: after the English twin of the block
before it in the same container (or right after the container's opening line), past the same generated
sections. Every edit is checked by parsing the page again: the other blocks keep their IDs, kinds, levels,
classes, speakers and containers, and the block reads back as what was written, or the edit is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.core import generated
from scripts.text.blocks import DIV_OPEN_RE, HEADING_RE, UNTRANSLATED, Block, FormatError, parse_text
from scripts.translators.markup import English

Shape = tuple[str, str, int, tuple[str, ...], str, str]


class EditError(ValueError):
    """An edit that would break the page; str() says how."""


@dataclass
class Page:
    """One page's text as edits go on, with its blocks as they parse."""

    path: Path
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def blocks(self) -> list[Block]:
        return parse_text(self.text, self.path)


def _shape(b: Block) -> Shape:
    return (b.id, b.kind, b.level, b.classes, b.speaker, b.parent)


def _translated_shape(b: Block) -> Shape:
    """The shape a block keeps once translated: that of its placeholder (`new`), less its mark."""
    return (b.id, b.kind, b.level, tuple(c for c in b.classes if c != UNTRANSLATED), b.speaker, b.parent)


def _unmark(line: str) -> str:
    """An attribute list's line without the untranslated mark (`{ #ID .untranslated }` -> `{ #ID }`)."""
    return line.replace(f" .{UNTRANSLATED}", "", 1)


def _note_end(lines: list[str], index: int) -> int:
    """The index after a note whose definition is on line `index`: its continuation lines are indented."""
    index += 1
    while index < len(lines) and lines[index].strip() and lines[index].startswith("    "):
        index += 1
    return index


def _text_end(b: Block) -> int:
    """The index after a heading's line, or of a paragraph's ID line (after its text lines)."""
    return b.line if b.kind == "heading" else b.line - 1 + b.markdown.count("\n") + 1


def block_end(lines: list[str], b: Block) -> int:
    """The index of the line after a block: after its ID line and notes, or after a container's `</div>`."""
    if b.kind != "container":
        end = _text_end(b) + (b.kind == "paragraph")
        return _note_end(lines, max(n.line for n in b.notes) - 1) if b.notes else end
    skip = {i for s in generated.sections(lines) for i in range(s.start, (s.end or len(lines)) + 1)}
    depth = 0
    for i in range(b.line - 1, len(lines)):
        if i in skip:
            continue
        stripped = lines[i].strip()
        depth += bool(DIV_OPEN_RE.match(stripped)) - (stripped == "</div>")
        if depth == 0:
            return i + 1
    return len(lines)


def _notes_lines(notes: tuple[tuple[str, str], ...]) -> list[str]:
    out: list[str] = []
    for label, text in notes:
        out += ["", f"[^{label}]: {text}"]
    return out


def _replace(lines: list[str], b: Block, english: English) -> list[str]:
    """The page's lines with block `b`'s text and notes replaced (notes first: they come later)."""
    lines = list(lines)
    if english.notes != tuple((n.label, n.markdown) for n in b.notes):
        after_id = _text_end(b) + (b.kind == "paragraph")
        end = block_end(lines, b)
        new = _notes_lines(english.notes)
        if end < len(lines) and lines[end].strip() and new:
            new.append("")
        lines[after_id:end] = new
    if b.is_untranslated:  # a placeholder that `new` wrote: the translation takes its place, unmarked
        at = b.line - 1 if b.kind == "heading" else _text_end(b)
        lines[at] = _unmark(lines[at])
    if english.markdown != b.markdown:
        start = b.line - 1
        if b.kind == "heading":
            line = lines[start]
            m = HEADING_RE.match(line.strip())
            assert m is not None
            indent = len(line) - len(line.lstrip())
            lines[start] = line[: indent + m.start(2)] + english.markdown + line[indent + m.end(2) :]
        else:
            lines[start : _text_end(b)] = [english.markdown]
    return lines


def _anchor(zh: list[Block], b: Block) -> tuple[Block | None, bool]:
    """The block after which `b` stands in its container: (the block before it there, False), or
    (its container, True) when it comes first; (None, False) at the top of the page."""
    i = next(k for k, z in enumerate(zh) if z.id == b.id)
    for p in reversed(zh[:i]):
        if p.id == b.parent:
            return p, True
        if p.parent == b.parent:
            return p, False
    return None, False


def _generated_between(lines: list[str], start: int, end: int) -> int:
    return sum(1 for s in generated.sections(lines) if start <= s.start < end)


def _insert(page: Page, zh_lines: list[str], zh: list[Block], b: Block, english: English) -> list[str]:
    """The page's lines with block `b` (a Chinese block the page lacks) inserted where its twin stands."""
    lines, en = page.lines, {x.id: x for x in page.blocks()}
    anchor, opens = _anchor(zh, b)
    if anchor is not None and anchor.id not in en:
        kind = "container" if opens else "block before it"
        raise EditError(f"its {kind} '{anchor.id}' has no English yet: add that first")
    zh_from = 0 if anchor is None else (anchor.line if opens else block_end(zh_lines, anchor))
    pos = 0 if anchor is None else (en[anchor.id].line if opens else block_end(lines, en[anchor.id]))
    skip = _generated_between(zh_lines, zh_from, b.line - 1)
    following = [s for s in generated.sections(lines) if s.start >= pos]
    if skip:
        if len(following) < skip:
            raise EditError("the English page lacks a generated section that the Chinese has before it")
        pos = (following[skip - 1].end or len(lines)) + 1
    first = zh_lines[b.line - 1]
    if b.kind == "heading":
        m = HEADING_RE.match(first.strip())
        assert m is not None
        text = [first.strip()[: m.start(2)] + english.markdown + first.strip()[m.end(2) :]]
    else:
        text = [english.markdown, zh_lines[_text_end(b)].strip()]  # the Chinese twin's ID line
    new = [*text, *_notes_lines(english.notes)]
    new = [*new, ""] if pos == 0 else ["", *new]
    if pos < len(lines) and lines[pos].strip() and pos:
        new.append("")
    return lines[:pos] + new + lines[pos:]


def edit(page: Page, zh_page: Page, block_id: str, english: English) -> bool:
    """Write `english` as block `block_id` of `page` (in place); whether the page changed. EditError if
    the page would not read back with the same blocks and this block as written."""
    before = page.blocks()
    current = {b.id: b for b in before}
    zh = zh_page.blocks()
    twin = next(b for b in zh if b.id == block_id)
    if block_id in current:
        if English.of(current[block_id]) == english:
            return False
        lines = _replace(page.lines, current[block_id], english)
    else:
        lines = _insert(page, zh_page.lines, zh, twin, english)
    text = "\n".join(lines)
    try:
        after = parse_text(text, page.path)
    except FormatError as err:
        raise EditError(f"the page would not read: {err.message}") from None
    written = next((b for b in after if b.id == block_id), None)
    if [_shape(b) for b in after if b.id != block_id] != [_shape(b) for b in before if b.id != block_id] or (
        written is None
        or written.is_untranslated
        or _translated_shape(written) != _translated_shape(current.get(block_id, twin))
    ):
        raise EditError("the page would not keep its blocks: the English changes the page's structure")
    if English.of(written) != english:
        raise EditError("the page would not read back the English as written")
    page.text = text
    return True
