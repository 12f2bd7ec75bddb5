"""SVG charts drawn from the data, in Chinese and English.

Each chart is a plain SVG file with a <title> and <desc> for screen readers (role="img"), no script,
no external reference, and no varying content (no dates, no random IDs): the same data gives the same
bytes. `python -m scripts tables` writes them to docs/zh/charts/ and docs/en/charts/.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from scripts.figures import formatting as display
from scripts.figures.derived import Derived, base_2015
from scripts.figures.model import Change, Data, Figure

FONT = "sans-serif"
INK, MUTED, GRID = "#1f2933", "#52606d", "#d9e2ec"
UP, DOWN, BAR = "#c05621", "#2b6cb0", "#3f51b5"


def text_width(text: str, size: float) -> float:
    """An estimate of the width of a line of text: CJK characters one em, others a little over half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.58 for ch in text)


def num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


@dataclass
class Drawing:
    title: str
    desc: str
    width: int
    height: int
    body: list[str]


def _text(
    x: float, y: float, text: str, size: int = 12, anchor: str = "start", fill: str = INK, weight: str = "normal"
) -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold}>'
        f"{escape(text)}</text>"
    )


def _label(f: Figure, data: Data, lang: str) -> str:
    """A row label; a crime type's figures carry the crime type's name."""
    own: str = getattr(f.label, lang)
    if not f.crime_type:
        return own
    ct: str = getattr(data.crime_type(f.crime_type).label, lang)
    return f"{ct}：{own}" if lang == "zh" else f"{ct[0].upper()}{ct[1:]}: {own[0].lower()}{own[1:]}"


def _change(f: Figure) -> Change:
    assert f.change is not None, f.key
    return f.change


def _base(f: Figure) -> Derived:
    base = base_2015(f)
    assert base is not None, f.key
    return base


def _signed(percent: Decimal) -> str:
    return ("+" if percent > 0 else "−") + f"{abs(percent):f}%"


# --- changes by indicator -------------------------------------------------------------------------------


def changes(data: Data, lang: str) -> Drawing:
    figures = [f for f in data.figures if f.change and f.change.against != "previous-three-years"]
    zh = lang == "zh"
    title = "2016年各项指标的变化" if zh else "Changes in the 2016 indicators"
    groups: dict[str | None, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.crime_type, []).append(f)
    lines: list[tuple[str, Figure | None]] = []  # (text, figure); a group heading has no figure
    for key, members in groups.items():
        name = getattr(data.crime_type(key).label if key else data.datasets[members[0].dataset].title, lang)
        lines.append((name if zh else name[0].upper() + name[1:], None))
        lines += [(getattr(f.label, lang), f) for f in members]
    change = display.zh_change if zh else display.en_change
    parts = [
        (_label(f, data, lang) + ("" if zh else ": ") + change(_change(f).percent, _change(f).against)) for f in figures
    ]
    desc = (
        ("横条表示各项指标2016年的变化百分比，向左为下降，向右为上升。" + "；".join(parts) + "。")
        if zh
        else (
            "Bars show the percentage change of each indicator in 2016, left for a fall, right for a rise. "
            + "; ".join(parts)
            + "."
        )
    )
    values = [float(_change(f).percent) for f in figures]
    lo = min(0.0, math.floor(min(values) / 25) * 25)
    hi = max(0.0, math.ceil(max(values) / 25) * 25)
    label_w = max(text_width(t, 12) + (0 if f is None else 12) for t, f in lines) + 16
    gap, plot_w, row_h, top = 60, 380, 22, 56
    x0 = label_w + gap

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * plot_w

    bottom = top + row_h * len(lines)
    width, height = int(x0 + plot_w + 70), bottom + 36
    body = [_text(12, 24, title, 15, weight="bold")]
    tick = lo
    while tick <= hi:
        body.append(
            f'<line x1="{num(x(tick))}" y1="{top - 6}" x2="{num(x(tick))}" y2="{bottom}" '
            f'stroke="{INK if tick == 0 else GRID}" stroke-width="1"/>'
        )
        body.append(
            _text(x(tick), bottom + 18, f"{tick:+.0f}%".replace("-", "−") if tick else "0", 11, "middle", MUTED)
        )
        tick += 25
    for i, (text, row) in enumerate(lines):
        y = top + i * row_h
        if row is None:
            body.append(_text(12, y + 15, text, 12, weight="bold"))
            continue
        f = row
        v = float(_change(f).percent)
        left, right = sorted((x(0), x(v)))
        body.append(_text(label_w, y + 15, text, 12, "end"))
        body.append(
            f'<rect x="{num(left)}" y="{y + 4}" width="{num(right - left)}" height="14" '
            f'fill="{UP if v > 0 else DOWN}"/>'
        )
        body.append(
            _text(
                x(v) + (5 if v > 0 else -5), y + 15, _signed(_change(f).percent), 11, "start" if v > 0 else "end", MUTED
            )
        )
    return Drawing(title, desc, width, height, body)


# --- roundups by crime type -------------------------------------------------------------------------------


def roundups(data: Data, lang: str) -> Drawing:
    counts = [
        next(f for f in data.figures if f.counts == "operations" and f.crime_type == ct.key and not f.operations)
        for ct in data.crime_types
    ]
    total = next(f for f in data.figures if f.counts == "operations" and not f.crime_type and not f.operations)
    labels = [getattr(ct.label, lang) for ct in data.crime_types]
    labels = labels if lang == "zh" else [t[0].upper() + t[1:] for t in labels]
    numbers = [[o.number for o in data.operations if o.crime_type == ct.key] for ct in data.crime_types]
    notes = [
        (f"{display.zh_value(f.stated(), f.unit)}（" + "、".join(f"{n}号" for n in ns) + "）")
        if lang == "zh"
        else (f"{display.plain(f.stated())} (Nos. " + ", ".join(str(n) for n in ns) + ")")
        for f, ns in zip(counts, numbers, strict=False)
    ]
    n_total = display.plain(total.stated())
    title = (
        f"“飓风”系列{n_total}次收网行动，按犯罪类型"
        if lang == "zh"
        else f"The {n_total} Hurricane roundups by crime type"
    )
    desc = (
        ("；".join(f"{t}{note}" for t, note in zip(labels, notes, strict=False)) + f"；合计{n_total}次。")
        if lang == "zh"
        else ("; ".join(f"{t}: {note}" for t, note in zip(labels, notes, strict=False)) + f"; {n_total} in all.")
    )
    label_w = max(text_width(t, 12) for t in labels) + 16
    bar_w, row_h, top = 220, 30, 48
    most = max(float(f.stated()) for f in counts)
    width = int(label_w + bar_w + max(text_width(t, 11) for t in notes) + 40)
    height = top + row_h * len(counts) + 16
    body = [_text(12, 24, title, 15, weight="bold")]
    for i, (f, label, note) in enumerate(zip(counts, labels, notes, strict=False)):
        y = top + i * row_h
        w = float(f.stated()) / most * bar_w
        body.append(_text(label_w - 6, y + 16, label, 12, "end"))
        body.append(f'<rect x="{num(label_w)}" y="{y + 4}" width="{num(w)}" height="18" fill="{BAR}"/>')
        body.append(_text(label_w + w + 6, y + 17, note, 11, "start", MUTED))
    return Drawing(title, desc, width, height, body)


# --- telecom and online fraud: 2016 and the derived 2015 -----------------------------------------------------


def fraud(data: Data, lang: str) -> Drawing:
    rows = [f for f in data.figures if f.crime_type == "fraud" and base_2015(f) and f.unit != "yuan"]
    zh = lang == "zh"
    title = (
        "电信网络诈骗：2016年数字与推算的2015年数字"
        if zh
        else "Telecom and online fraud: 2016 figures and derived 2015 figures"
    )
    labels = [getattr(f.label, lang) for f in rows]
    stated = [(display.zh_value if zh else display.en_value)(f.stated(), f.unit) for f in rows]
    derived = [(display.zh_derived if zh else display.en_derived)(_base(f).value, f.unit) for f in rows]
    parts = [
        f"{t}{'：2016年' if zh else ': 2016, '}{s}{'，2015年推算' if zh else '; 2015 derived, '}{d}"
        for t, s, d in zip(labels, stated, derived, strict=False)
    ]
    desc = (
        ("；".join(parts) + "。2015年数值由2016年数值和同比变化推算，不是访谈所述的数字。")
        if zh
        else (
            "; ".join(parts) + ". The 2015 values are computed from the 2016 figures and their year-on-year changes; "
            "the interview does not state them."
        )
    )
    most = max(float(max(f.stated(), _base(f).value)) for f in rows)
    magnitude = 10 ** math.floor(math.log10(most))
    step = magnitude if most / magnitude <= 5 else magnitude * 2
    hi = math.ceil(most / step) * step
    label_w = max(text_width(t, 12) for t in labels) + 16
    plot_w, group_h, top = 400, 46, 76
    width = int(label_w + plot_w + 90)
    height = top + group_h * len(rows) + 30

    def x(v: float) -> float:
        return float(label_w + v / hi * plot_w)

    legend_stated = "2016年（访谈所述）" if zh else "2016 (stated in the interview)"
    legend_derived = "2015年（由同比变化推算）" if zh else "2015 (derived from the year-on-year change)"
    body = [
        _text(12, 24, title, 15, weight="bold"),
        f'<rect x="12" y="38" width="14" height="12" fill="{BAR}"/>',
        _text(32, 49, legend_stated, 11),
        f'<rect x="{num(44 + text_width(legend_stated, 11))}" y="38" width="14" height="12" fill="#ffffff" '
        f'stroke="{BAR}" stroke-dasharray="3 2"/>',
        _text(64 + text_width(legend_stated, 11), 49, legend_derived, 11),
    ]
    tick = 0
    while tick <= hi:
        body.append(
            f'<line x1="{num(x(tick))}" y1="{top - 4}" x2="{num(x(tick))}" y2="{top + group_h * len(rows)}" '
            f'stroke="{INK if tick == 0 else GRID}" stroke-width="1"/>'
        )
        body.append(
            _text(
                x(tick),
                top + group_h * len(rows) + 18,
                (display.zh_number if zh else display.en_number)(Decimal(tick)),
                11,
                "middle",
                MUTED,
            )
        )
        tick += step
    for i, (f, label, s, d) in enumerate(zip(rows, labels, stated, derived, strict=False)):
        y = top + i * group_h
        body.append(_text(label_w - 6, y + 24, label, 12, "end"))
        w15, w16 = float(_base(f).value) / hi * plot_w, float(f.stated()) / hi * plot_w
        body.append(
            f'<rect x="{num(label_w)}" y="{y + 4}" width="{num(w15)}" height="16" fill="#ffffff" '
            f'stroke="{BAR}" stroke-dasharray="3 2"/>'
        )
        body.append(_text(label_w + w15 + 5, y + 16, d, 11, "start", MUTED))
        body.append(f'<rect x="{num(label_w)}" y="{y + 22}" width="{num(w16)}" height="16" fill="{BAR}"/>')
        body.append(_text(label_w + w16 + 5, y + 34, s, 11, "start", INK))
    return Drawing(title, desc, width, height, body)


@dataclass(frozen=True)
class Chart:
    name: str
    sources: tuple[str, ...]  # the data files (stems) it is drawn from
    draw: Callable[[Data, str], Drawing]

    def title(self, data: Data, lang: str) -> str:
        return self.draw(data, lang).title

    def desc(self, data: Data, lang: str) -> str:
        return self.draw(data, lang).desc

    def size(self, data: Data, lang: str) -> tuple[int, int]:
        d = self.draw(data, lang)
        return d.width, d.height

    def svg(self, data: Data, lang: str) -> str:
        d = self.draw(data, lang)
        files = ", ".join(f"data/figures/{s}.yml" for s in self.sources)
        return "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                f"<!-- Generated by `make tables` from {files}; do not edit. -->",
                f'<svg xmlns="http://www.w3.org/2000/svg" width="{d.width}" height="{d.height}" '
                f'viewBox="0 0 {d.width} {d.height}" role="img" aria-labelledby="title desc" lang="{lang}" '
                f'font-family="{FONT}">',
                f'<title id="title">{escape(d.title)}</title>',
                f'<desc id="desc">{escape(d.desc)}</desc>',
                '<rect width="100%" height="100%" fill="#ffffff"/>',
                *d.body,
                "</svg>",
                "",
            ]
        )


CHARTS: list[Chart] = [
    Chart("changes", ("headline", "crime_types"), changes),
    Chart("roundups", ("operations", "crime_types"), roundups),
    Chart("fraud", ("crime_types",), fraud),
]
