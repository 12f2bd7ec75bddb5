"""What every chart is drawn with: text measured and wrapped into lines, shapes by their role, and the
SVG file around a drawing in each palette.

A chart is drawn twice: for a wide column (WIDE px, the Data page's column from 720 px of screen up,
at least 686 px in Material's layout) and for a narrow one (NARROW px, a phone's column: 358 px at
390 px of screen). Each is shown at its own size or smaller, so no text is drawn under MIN_FONT px:
on a 390 px phone, and at 1280 px, every text of a chart is rendered at 12 px at least. Colours are
roles (`class`), and each palette says what they are: LIGHT follows Material's default scheme, DARK
its slate scheme; the page shows the drawing of its reader's scheme.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "sans-serif"
WIDE, NARROW = 680, 350  # px: the two widths each chart is drawn for
WIDE_FROM = "45em"  # the wide drawing is shown from this width of screen up (720 px: a column of 686 px)
MIN_FONT, LABEL_FONT = 12, 13  # px: figures, ticks and notes; labels and headings


@dataclass(frozen=True)
class Palette:
    suffix: str  # of the file name: "" or "-dark"
    paper: str
    ink: str
    muted: str
    grid: str
    up: str
    down: str
    bar: str

    def style(self) -> str:
        """The colour of each role; every colour has at least 3:1 against the paper, text 4.5:1."""
        return (
            f".paper{{fill:{self.paper}}}text{{fill:{self.ink}}}.muted{{fill:{self.muted}}}"
            f".grid{{stroke:{self.grid}}}.axis{{stroke:{self.ink}}}.up{{fill:{self.up}}}.down{{fill:{self.down}}}"
            f".bar{{fill:{self.bar}}}.hollow{{fill:{self.paper};stroke:{self.bar};stroke-dasharray:3 2}}"
        )


LIGHT = Palette("", "#ffffff", "#1f2933", "#52606d", "#d9e2ec", "#c05621", "#2b6cb0", "#3f51b5")
# Material's slate background is hsl(225, 15%, 14%); bars in lighter tints of the same hues
DARK = Palette("-dark", "#1e2129", "#e3e6ed", "#a9b1c1", "#3b4252", "#ed9a5d", "#6ea8dc", "#8c9eff")
PALETTES = (LIGHT, DARK)


@dataclass
class Drawing:
    title: str  # the chart's title: the page's caption and the SVG's <title>, never drawn
    desc: str  # every figure the chart shows, in words: the text alternative
    width: int
    height: int
    body: list[str]


# --- text ------------------------------------------------------------------------------------------------

OPEN, CLOSE = "（“‘《「", "）”’》」、，。：；！？"
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# The pieces a line may break between: a word with the space before it, or one wide character; digits
# stay with the measure word after them (15号), brackets and punctuation with what they enclose or end.
_TOKEN_RE = re.compile(rf"\s*[{OPEN}]*(?:[^\s{_CJK}]+[{_CJK}]?|[{_CJK}])[{CLOSE}]*")


def text_width(text: str, size: float) -> float:
    """An estimate of the width of a line of text: CJK characters one em, others a little over half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.58 for ch in text)


def wrap(text: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width` (a single piece wider than that stands on a line alone)."""
    lines: list[str] = []
    line = ""
    for piece in _TOKEN_RE.findall(text):
        if line and text_width(line + piece, size) > width:
            lines.append(line)
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line] if line else lines


def num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def text(
    x: float, y: float, words: str, size: int = MIN_FONT, anchor: str = "start", role: str = "", bold: bool = False
) -> str:
    if size < MIN_FONT:
        raise ValueError(f"text at {size}px: no chart text is smaller than {MIN_FONT}px")
    attrs = (f' class="{role}"' if role else "") + (' font-weight="bold"' if bold else "")
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" text-anchor="{anchor}"{attrs}>{escape(words)}</text>'


def lines_of_text(
    x: float, y: float, lines: list[str], size: int, step: float, anchor: str = "start", bold: bool = False
) -> list[str]:
    """Lines one under the other, the first with its baseline at `y`."""
    return [text(x, y + i * step, line, size, anchor, bold=bold) for i, line in enumerate(lines)]


def rect(x: float, y: float, width: float, height: float, role: str) -> str:
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}" class="{role}"/>'


def line(x1: float, y1: float, x2: float, y2: float, role: str = "grid") -> str:
    return f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" class="{role}" stroke-width="1"/>'


# --- the file ------------------------------------------------------------------------------------------


def svg(d: Drawing, lang: str, palette: Palette, comment: str) -> str:
    """The SVG file of drawing `d` in `palette`: its title and description for screen readers, its
    style, nothing external, and the same bytes for the same drawing."""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f"<!-- {comment} -->",
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{d.width}" height="{d.height}" '
            f'viewBox="0 0 {d.width} {d.height}" role="img" aria-labelledby="title desc" lang="{lang}" '
            f'font-family="{FONT}">',
            f'<title id="title">{escape(d.title)}</title>',
            f'<desc id="desc">{escape(d.desc)}</desc>',
            f"<style>{palette.style()}</style>",
            '<rect width="100%" height="100%" class="paper"/>',
            *d.body,
            "</svg>",
            "",
        ]
    )
