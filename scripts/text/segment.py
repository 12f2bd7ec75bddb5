"""A plain Chinese text as the blocks of a document's pages (`python -m scripts new`, scripts/generators/
new_document.py). The text has one paragraph a line, as our own source has (source/interview.zh.txt):

* a heading is a line without end punctuation (。！？；：，… , possibly inside closing quotes); each
  heading starts a page;
* a speaker's turn starts at a line `NAME:` or `NAME：` (a name of up to ten characters without
  punctuation or space) when at least two lines of the text start with that name, and goes on over the
  paragraphs after it until the next turn or heading;
* every other line is a paragraph.

The wording is never changed: half-width , ; : ? ! ( ) become full width only where that is unambiguous (right
after Chinese, or parentheses around Chinese), which the fidelity check reads as the same characters
(NFKC), and Markdown's own characters are written as character references, which the text model reads
back. Traditional characters stay as they are. A text that cannot be segmented is an InputError (file
and line): empty, not starting with a heading, or holding a control or invisible character.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.files import InputError

CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
END = set("。！？!?…；;.，,：:、")
CLOSERS = set("”’」』\"')）》〉】]")
TURN_RE = re.compile(r"^([^\s:：,，.。;；!！?？、“”\"'‘’「」『』（）()《》〈〉【】\[\]]{1,10})[:：]\s*(\S.*)$")
# C0 and C1 controls (a tab aside), line and paragraph separators, zero-width and bidirectional controls
INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
AFTER_CJK_RE = re.compile(f"(?<=[{CJK}])([,;:?!])")
PARENS_RE = re.compile(r"\(([^()\n]*)\)")
HAS_CJK_RE = re.compile(f"[{CJK}]")
# Markdown's (and the block format's) own characters, written as character references
ESCAPES = {c: f"&#{ord(c)};" for c in "&<>*_`[]\\{}|#~"}
LINE_START_RE = re.compile(r"^([-+=]|\d+(?=[.)]))")


@dataclass
class Paragraph:
    line: int
    text: str  # Markdown, escaped and normalised
    speaker: str = ""  # the speaker's name for the first paragraph of a turn
    label: str = ""  # the speaker's name as the line writes it, with its colon


@dataclass
class Turn:
    speaker: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Page:
    heading: str  # Markdown, escaped and normalised
    line: int
    title: str = ""  # the heading as text (normalised, not escaped)
    blocks: list[Paragraph | Turn] = field(default_factory=list)


def full_width(text: str) -> str:
    """Half-width , ; : ? ! after Chinese, and parentheses around Chinese, in full width; nothing else."""
    text = AFTER_CJK_RE.sub(lambda m: HALF_TO_FULL[m.group(1)], text)
    return PARENS_RE.sub(lambda m: f"（{m.group(1)}）" if HAS_CJK_RE.search(m.group(1)) else m.group(0), text)


def escape(text: str) -> str:
    """The text as Markdown that reads back as the same text (character references for Markdown's own)."""
    out = "".join(ESCAPES.get(c, c) for c in text)
    return LINE_START_RE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(1)), out)


def is_heading(line: str) -> bool:
    """A line without end punctuation (closing quotes and brackets aside)."""
    core = line.rstrip("".join(CLOSERS)).rstrip()
    return bool(core) and core[-1] not in END


def segment(text: str, path: Path) -> list[Page]:
    """The pages of a text; InputError (file and line) when it cannot be segmented."""
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1)]
    for n, line in lines:
        bad = INVISIBLE_RE.search(line)
        if bad:
            raise InputError(
                path, n, f"a control or invisible character U+{ord(bad.group(0)):04X} at column {bad.start() + 1}"
            )
    lines = [(n, " ".join(line.split())) for n, line in lines if line]
    if not lines:
        raise InputError(path, 1, "no text to segment: one paragraph a line, starting with a heading")
    names = Counter(m.group(1) for _, line in lines if (m := TURN_RE.match(line)))
    pages: list[Page] = []
    turn: Turn | None = None
    for n, line in lines:
        m = TURN_RE.match(line)
        if m and names[m.group(1)] >= 2:
            if not pages:
                break
            turn = Turn(m.group(1), n)
            label = line[: m.start(2)].rstrip()
            turn.paragraphs.append(Paragraph(n, escape(full_width(m.group(2))), m.group(1), escape(full_width(label))))
            pages[-1].blocks.append(turn)
        elif is_heading(line):
            pages.append(Page(escape(full_width(line)), n, full_width(line)))
            turn = None
        elif not pages:
            break
        elif turn is not None:
            turn.paragraphs.append(Paragraph(n, escape(full_width(line))))
        else:
            pages[-1].blocks.append(Paragraph(n, escape(full_width(line))))
    if not pages or pages[0].line != lines[0][0]:
        raise InputError(
            path,
            lines[0][0],
            "cannot segment: the text must start with a heading (a line without end punctuation such as 。！？), "
            "which titles its first page",
        )
    return pages


def speakers(pages: list[Page]) -> list[str]:
    """The speakers' names in the order of their first turn."""
    out: list[str] = []
    for page in pages:
        for block in page.blocks:
            if isinstance(block, Turn) and block.speaker not in out:
                out.append(block.speaker)
    return out
