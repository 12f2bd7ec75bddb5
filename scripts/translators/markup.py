"""What the English of a unit may carry, and how its translator's notes travel with it.

In a PO entry's msgstr or an XLIFF target, the English of a heading or paragraph is one line of text; its
translator's notes follow it, each after a blank line, written as in the page (`[^tn-label]: note`).

The text may carry only the markup the pages use (an allowlist): bold and italics, code spans, references
to its own notes, Chinese marked as `<span lang="zh">…</span>`, the speaker label's `{ .speaker }` where
the Chinese has one, and the links the Chinese has (to the same targets, in the same order). Anything else
would change or break the page (other HTML, other links, attribute lists, an ID of its own, a start that
Markdown reads as a list, quote or heading, unbalanced markup), and is refused with a message that says
why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.text.blocks import NOTE_LABEL_RE, NOTE_REF_RE, Block

BLANK_RE = re.compile(r"\n[ \t]*\n")
NOTE_RE = re.compile(r"^\[\^([^\]]*)\]:[ \t]*(.*)$", re.S)
TAG_RE = re.compile(r"<[A-Za-z/!?][^<>]*>?")  # a tag, or the start of one that never closes
ALLOWED_TAGS = ('<span lang="zh">', "</span>")  # Chinese within the English, marked as such
ATTRS_RE = re.compile(r"\{[^{}]*\}")
ID_ATTR_RE = re.compile(r"\{:?\s*#")
SPEAKER = "{ .speaker }"
SPEAKER_RE = re.compile(r"^\*\*[^*]+\*\*\{ \.speaker \}")
LINK_RE = re.compile(r"(!?)\[[^\[\]]*\]\(([^()\s]*)\)")  # [text](target), ![alt](image)
REF_LINK_RE = re.compile(r"\]\[|\]\(|!\[")  # what is left of a link that LINK_RE does not take
# What Markdown reads at the start of a line as something other than a paragraph's text.
BLOCK_START_RE = re.compile(r"^(?:#|>|[-+*](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|\||```|~~~|=+$|-+$|\[\^[^\]]*\]:)")


@dataclass(frozen=True)
class English:
    """The English of one block as an import gives it: its text and its translator's notes."""

    markdown: str
    notes: tuple[tuple[str, str], ...] = ()  # (label, markdown), in order

    @classmethod
    def of(cls, block: Block) -> English:
        return cls(block.markdown, tuple((n.label, n.markdown) for n in block.notes))


def links(markdown: str) -> list[str]:
    """The targets of a text's links and images, in order (an image's with a leading !)."""
    return [m.group(1) + m.group(2) for m in LINK_RE.finditer(markdown)]


def inline_problems(text: str, speaker: bool, allowed_links: list[str]) -> list[str]:
    """What in one line of English is not on the allowlist, or does not close; `speaker`: whether it may
    carry the speaker label's `{ .speaker }`; `allowed_links`: the link targets it must have (the
    Chinese twin's: the English links where the Chinese links, and nowhere else)."""
    problems = []
    for m in ATTRS_RE.finditer(text):
        if ID_ATTR_RE.match(m.group()):
            problems.append(f"it carries an ID of its own ('{m.group()}'): the block's ID is the entry's key")
        elif not (speaker and m.group() == SPEAKER):
            problems.append(
                f"'{m.group()}' is an attribute list: the English carries none but the speaker label's "
                f"'{SPEAKER}', where the Chinese has one"
            )
    depth = 0
    for m in TAG_RE.finditer(text):
        tag = m.group()
        if not tag.endswith(">"):
            problems.append(f"'{tag[:30]}' opens a tag and never closes it")
        elif tag not in ALLOWED_TAGS:
            problems.append(f"'{tag[:40]}': the English may carry no HTML but <span lang=\"zh\">…</span>")
        else:
            depth += 1 if tag == ALLOWED_TAGS[0] else -1
            if depth not in (0, 1):
                problems.append("unbalanced markup: '<span lang=\"zh\">' and '</span>' do not pair up")
                depth = max(0, min(depth, 1))
    if depth:
        problems.append("unbalanced markup: a '<span lang=\"zh\">' is never closed with '</span>'")
    if text.count("`") % 2:
        problems.append("unbalanced markup: an odd number of '`' (a code span opens and never closes)")
    if links(text) != allowed_links:
        problems.append(
            f"it links to {', '.join(links(text)) or 'nothing'} where the Chinese links to "
            f"{', '.join(allowed_links) or 'nothing'}: keep the Chinese's links, and add none"
        )
    rest = LINK_RE.sub(r"[\1]", re.sub(r"\\.", "", re.sub(r"`[^`]*`", "", text)))
    if rest.count("**") % 2:
        problems.append("unbalanced markup: an odd number of '**' (bold opens and never closes)")
    if rest.replace("**", "").count("*") % 2:
        problems.append("unbalanced markup: an odd number of '*' (italics open and never close)")
    if rest.count("[") != rest.count("]"):
        problems.append("unbalanced markup: '[' and ']' do not pair up")
    if REF_LINK_RE.search(rest):
        problems.append("a link that is not written [text](target): the English carries no other")
    return problems


def read(text: str, zh: Block) -> tuple[English | None, list[str]]:
    """The English of the block whose Chinese is `zh`, from a file's translation; or None and what is
    wrong with it."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return None, ["the English is empty"]
    parts = BLANK_RE.split(text)
    body = parts[0].strip()
    problems = []
    if "\n" in body:
        problems.append(
            "the English of a block is one line: a line break inside it can end the paragraph or start "
            "a list; join its lines"
        )
        body = " ".join(line.strip() for line in body.split("\n"))
    start = BLOCK_START_RE.match(body)
    if zh.kind == "paragraph" and start:
        problems.append(
            f"it starts with '{start.group() or body[:3]}', which Markdown reads as a heading, list, quote, "
            "table, code or note, not as the paragraph's text"
        )
    speaker = bool(SPEAKER_RE.match(zh.markdown))
    if speaker and not SPEAKER_RE.match(body):
        problems.append(f"the speaker label is missing: start with the speaker in bold, then '{SPEAKER}'")
    if body.count(SPEAKER) > 1:
        problems.append(f"'{SPEAKER}' stands more than once: only the speaker label at the start carries it")
    problems += inline_problems(body, speaker, links(zh.markdown))
    notes: list[tuple[str, str]] = []
    for part in parts[1:]:
        m = NOTE_RE.match(part.strip())
        if not m:
            problems.append(
                "after the text, a blank line may only be followed by a translator's note "
                f"'[^tn-…]: …'; found '{part.strip()[:40]}'"
            )
            continue
        label, note = m.group(1), " ".join(line.strip() for line in m.group(2).split("\n")).strip()
        if not NOTE_LABEL_RE.match(label):
            problems.append(
                f"'[^{label}]': a translator's note is labeled 'tn-…' (lower-case letters, digits and hyphens)"
            )
        if label in (n[0] for n in notes):
            problems.append(f"translator's note '[^{label}]' is defined twice")
        if not note:
            problems.append(f"translator's note '[^{label}]' is empty")
        if NOTE_REF_RE.search(note):
            problems.append(f"translator's note '[^{label}]' refers to a note: only the text does")
        problems += [f"in note '[^{label}]': {p}" for p in inline_problems(note, False, [])]
        notes.append((label, note))
    refs = NOTE_REF_RE.findall(body)
    labels = [n[0] for n in notes]
    for ref in dict.fromkeys(refs):
        if refs.count(ref) > 1:
            problems.append(f"'[^{ref}]' is referred to twice: a note has one reference")
        if ref not in labels:
            problems.append(f"'[^{ref}]' has no note: add '[^{ref}]: …' after a blank line")
    for label in labels:
        if label not in refs:
            problems.append(f"translator's note '[^{label}]' is never referred to: put '[^{label}]' in the text")
    if problems:
        return None, problems
    return English(body, tuple(notes)), []
