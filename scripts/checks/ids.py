"""IDs and speakers, document by document (scripts/core/documents.py): a block's ID is unique within its
document, in each language (a page already refuses one twice, scripts/text/blocks.py), and the same ID in
two documents is two blocks; every turn's speaker is one of its document's `speakers`."""

from __future__ import annotations

from pathlib import Path

from scripts.core import documents
from scripts.core.findings import Finding
from scripts.core.languages import LANGS
from scripts.core.paths import DOCS, rel
from scripts.text.blocks import Block, load_language


def check_document(document: documents.Document, blocks: dict[str, list[Block]]) -> list[Finding]:
    """The findings of one language's pages of a document ({page: blocks})."""
    found: list[tuple[Block, str]] = []
    seen: dict[str, Block] = {}
    speakers = {s.key for s in document.speakers}
    for page_blocks in blocks.values():
        for b in page_blocks:
            first = seen.setdefault(b.id, b)
            if first is not b:
                found.append(
                    (
                        b,
                        f"duplicate ID in document {document.slug} (first at {first.where()}): an ID is unique within a document",
                    )
                )
            speaker = b.attrs.get("data-speaker")
            if speaker is not None and speaker not in speakers:
                known = ", ".join(sorted(speakers)) or "none"
                found.append((b, f"speaker '{speaker}' is not one of the speakers of {rel(document.path)} ({known})"))
    return [Finding(rel(b.path), b.line, "ids", b.id, message) for b, message in found]


def check(docs: Path = DOCS) -> list[Finding]:
    root = docs.parent
    findings: list[Finding] = []
    for document in documents.load(root):
        pages = documents.pages(document, root)
        for lang in LANGS:
            findings += check_document(document, load_language(lang, docs, pages))
    return findings
