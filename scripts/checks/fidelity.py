"""Fidelity: the Chinese pages say exactly what the published source says.

Both sides are normalised (NFKC, white space removed): the PDF's half-width punctuation
and the pages' full-width punctuation then compare equal, and so do the paragraph breaks.
The text of every Chinese block that is not a structural label (class ``label``), in
navigation order, must equal the whole source text: nothing dropped, nothing added,
nothing reordered, no character changed. Each document (documents/*/document.yml) has its own source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.core.files import read_text
from scripts.core.findings import Finding
from scripts.core.languages import DEFAULT_LANG
from scripts.core.paths import DOCS, ROOT, rel
from scripts.text.blocks import Block, load_language, normalize

SOURCE = ROOT / "source" / "interview.zh.txt"
CONTEXT = 12  # characters of context shown on each side of a difference


@dataclass(frozen=True)
class Place:
    """Where a piece of text is: a block of a page (docs/zh/part1.md:5, part1-q1-p1) or a line of the source."""

    file: str
    line: int
    id: str = ""  # the block's ID; "" for a line of the source

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Segment:
    start: int  # offset in the normalised stream
    text: str
    where: Place


def _stream(segments: list[tuple[str, Place]]) -> tuple[str, list[Segment]]:
    out: list[Segment] = []
    parts: list[str] = []
    pos = 0
    for text, where in segments:
        norm = normalize(text)
        if norm:
            out.append(Segment(pos, norm, where))
            parts.append(norm)
            pos += len(norm)
    return "".join(parts), out


def _locate(segments: list[Segment], offset: int) -> Segment | None:
    for seg in segments:
        if seg.start <= offset < seg.start + len(seg.text):
            return seg
    return None


def page_segments(pages: dict[str, list[Block]]) -> list[tuple[str, Place]]:
    """The text of every block that is text of the source, in page order, with where it is."""
    return [
        (b.text, Place(rel(b.path), b.line, b.id))
        for blocks in pages.values()
        for b in blocks
        if b.kind != "container" and not b.is_label
    ]


def source_segments(source: Path = SOURCE) -> list[tuple[str, Place]]:
    """Each line of the source, with its file and line."""
    lines = read_text(source).split("\n")
    return [(line, Place(rel(source), n)) for n, line in enumerate(lines, 1)]


def _at(place: Place, message: str) -> Finding:
    return Finding(place.file, place.line, "fidelity", place.id, message)


def compare(pages: list[tuple[str, Place]], source: list[tuple[str, Place]]) -> list[Finding]:
    """The first difference between pages and source, as readable findings (empty: faithful)."""
    page_text, page_segs = _stream(pages)
    src_text, src_segs = _stream(source)
    if page_text == src_text:
        return []
    i = next(
        (k for k, (a, b) in enumerate(zip(page_text, src_text, strict=False)) if a != b),
        min(len(page_text), len(src_text)),
    )
    page_at, src_at = _locate(page_segs, i), _locate(src_segs, i)
    found = page_text[max(0, i - CONTEXT) : i + CONTEXT]
    expected = src_text[max(0, i - CONTEXT) : i + CONTEXT]
    if page_at is None and src_at is not None:
        return [
            _at(src_at.where, f"source text missing from the Chinese pages after their end: expected '…{expected}…'")
        ]
    if page_at is not None and src_at is None:
        return [_at(page_at.where, f"text not in the source (the source has ended): found '…{found}…'")]
    if page_at is None or src_at is None:  # the texts differ at i, so at least one of them goes on there
        raise AssertionError(f"no text at character {i} of either side")
    return [
        _at(
            page_at.where,
            f"differs from {src_at.where} at character {i - src_at.start + 1} "
            f"of that source line: expected '…{expected}…', found '…{found}…'",
        )
    ]


def check(docs: Path = DOCS, source: Path | None = None) -> list[Finding]:
    """The Chinese pages of each document of `docs` against its source text (scripts/core/documents.py;
    `source` stands for the source of the document at the language root): empty when they are faithful."""
    from scripts.core import documents

    root = docs.parent
    found = documents.load(root) if (root / "mkdocs.yml").exists() else []
    if not found:
        return compare(page_segments(load_language(DEFAULT_LANG, docs)), source_segments(source or SOURCE))
    findings: list[Finding] = []
    for document in found:
        text = source if source is not None and document.folder == "" else document.source
        pages = load_language(DEFAULT_LANG, docs, documents.pages(document, root))
        findings += compare(page_segments(pages), source_segments(text))
    return findings
