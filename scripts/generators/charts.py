"""SVG charts drawn from the data, in Chinese and English.

Each chart is drawn for a wide and a narrow column (chart_svg.py), each in a light and a dark palette:
four plain SVG files a language, `NAME.svg`, `NAME-dark.svg`, `NAME-narrow.svg`, `NAME-narrow-dark.svg`,
each with a <title> and a <desc> for screen readers (role="img"), no script, no external reference, and
no varying content (no dates, no random IDs): the same data gives the same bytes. The title is the
page's caption, not drawn. `python -m scripts tables` writes them to docs/zh/charts/ and docs/en/charts/.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from scripts.figures import formatting as display
from scripts.figures.derived import Derived, period_year, previous_year
from scripts.figures.model import Change, Data, DataError, Figure
from scripts.generators.chart_svg import (
    LABEL_FONT,
    MIN_FONT,
    NARROW,
    PALETTES,
    WIDE,
    WIDE_FROM,
    Drawing,
    Palette,
    line,
    lines_of_text,
    rect,
    svg,
    text,
    text_width,
    wrap,
)

LINE = 16  # px from one line of a label to the next


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
    base = previous_year(f)
    assert base is not None, f.key
    return base


def _signed(percent: Decimal) -> str:
    return ("+" if percent > 0 else "−") + f"{abs(percent):f}%"


def _capital(text: str, lang: str) -> str:
    return text if lang == "zh" else text[0].upper() + text[1:]


def _ticks(lo: float, hi: float, first: float, room: float, widest: float) -> list[float]:
    """The multiples of `first` from `lo` to `hi` (a scale `room` px long), or of a multiple of `first`
    where labels `widest` px wide would come closer than 12 px; 0 is always one of them."""
    step = next(k * first for k in (1, 2, 4, 5, 10) if k * first / (hi - lo) * room >= widest + 12 or k * first >= hi)
    return [k * step for k in range(math.ceil(lo / step), math.floor(hi / step) + 1)]


def _label_column(labels: list[str], most: float) -> float:
    """The width of a column of labels beside the bars: the longest label's, up to `most`."""
    return min(most, max(text_width(t, LABEL_FONT) for t in labels))


def chart_title(data: Data, name: str, lang: str, total: str = "") -> str:
    """The chart's title in `lang`, as its document.yml `charts` gives it ({total}: the figure it totals)."""
    titles = data.chart_titles.get(name)
    if not titles:
        raise DataError([f"documents/:1: charts: no title for the chart '{name}' in the document.yml of the data"])
    return titles[lang].replace("{total}", total)


# --- changes by indicator -------------------------------------------------------------------------------


def changes(data: Data, lang: str, narrow: bool) -> Drawing:
    figures = [f for f in data.figures if f.change and f.change.against != "previous-three-years"]
    zh = lang == "zh"
    title = chart_title(data, "changes", lang)
    groups: dict[str | None, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.crime_type, []).append(f)
    rows: list[tuple[str, Figure | None]] = []  # (text, figure); a group heading has no figure
    for key, members in groups.items():
        name = getattr(data.crime_type(key).label if key else data.datasets[members[0].dataset].title, lang)
        rows.append((_capital(name, lang), None))
        rows += [(getattr(f.label, lang), f) for f in members]
    change = display.zh_change if zh else display.en_change
    parts = [
        (_label(f, data, lang) + ("" if zh else ": ") + change(_change(f).percent, _change(f).against)) for f in figures
    ]
    # the year the figures state (their periods: 2016, or the year without one), from the data
    years = {n for f in figures if (n := period_year(f)) is not None}
    year = str(years.pop()) if len(years) == 1 else ""
    desc = (
        (
            f"横条表示各项指标{year + '年' if year else ''}的变化百分比，向左为下降，向右为上升。"
            + "；".join(parts)
            + "。"
        )
        if zh
        else (
            f"Bars show the percentage change of each indicator{' in ' + year if year else ''}, left for a fall, "
            "right for a rise. " + "; ".join(parts) + "."
        )
    )
    values = [float(_change(f).percent) for f in figures]
    lo = min(0.0, math.floor(min(values) / 25) * 25)
    hi = max(0.0, math.ceil(max(values) / 25) * 25)
    shown = [_signed(_change(f).percent) for f in figures]
    value_w = max(text_width(s, MIN_FONT) for s in shown) + 6
    width = NARROW if narrow else WIDE
    tick_w = max(text_width(f"{t:+.0f}%", MIN_FONT) for t in (lo, hi))
    if narrow:  # a label above each bar, its value at the end of the label's line
        x0 = tick_w / 2 + 2
        plot_w, bar_h = width - 2 * x0, 12
    else:  # labels in a column beside the bars, the values at the bars' ends
        label_w = _label_column([t for t, f in rows if f], 230) + 16
        x0 = label_w + value_w + 8
        plot_w = width - x0 - value_w - 4
        bar_h = 14

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * plot_w

    ticks = _ticks(lo, hi, 25, plot_w, tick_w)
    body: list[str] = []
    y = 8.0
    for words, row in rows:
        if row is None:  # a group heading
            y += 6
            body.append(text(0, y + 13, words, LABEL_FONT, bold=True))
            y += 22
            continue
        v = float(_change(row).percent)
        left, right = sorted((x(0), x(v)))
        if narrow:
            label = wrap(words, LABEL_FONT, width - value_w - 12)
            body += lines_of_text(0, y + 13, label, LABEL_FONT, LINE)
            body.append(text(width, y + 13, _signed(_change(row).percent), MIN_FONT, "end"))
            y += LINE * len(label) + 2
            body += [line(x(t), y, x(t), y + bar_h, "axis" if t == 0 else "grid") for t in ticks]
            body.append(rect(left, y, right - left, bar_h, "up" if v > 0 else "down"))
            y += bar_h + 10
            continue
        label = wrap(words, LABEL_FONT, label_w - 16)
        row_h = max(22, LINE * len(label) + 6)
        body += lines_of_text(label_w, y + 15, label, LABEL_FONT, LINE, "end")
        body.append(rect(left, y + 4, right - left, bar_h, "up" if v > 0 else "down"))
        end = x(v) + (5 if v > 0 else -5)
        body.append(text(end, y + 15, _signed(_change(row).percent), MIN_FONT, "start" if v > 0 else "end", "muted"))
        y += row_h
    if not narrow:  # the grid behind the bars, the zero line over them
        top = 8
        body = [line(x(t), top, x(t), y, "grid") for t in ticks if t] + body + [line(x(0), top, x(0), y, "axis")]
    body += [
        text(x(t), y + 16, f"{t:+.0f}%".replace("-", "−") if t else "0", MIN_FONT, "middle", "muted") for t in ticks
    ]
    return Drawing(title, desc, width, int(y + 26), body)


# --- roundups by crime type -------------------------------------------------------------------------------


def roundups(data: Data, lang: str, narrow: bool) -> Drawing:
    counts = [
        next(f for f in data.figures if f.counts == "operations" and f.crime_type == ct.key and not f.operations)
        for ct in data.crime_types
    ]
    total = next(f for f in data.figures if f.counts == "operations" and not f.crime_type and not f.operations)
    zh = lang == "zh"
    labels = [_capital(getattr(ct.label, lang), lang) for ct in data.crime_types]
    numbers = [[o.number for o in data.operations if o.crime_type == ct.key] for ct in data.crime_types]
    said = [display.zh_value(f.stated(), f.unit) if zh else display.plain(f.stated()) for f in counts]
    listed = [data.naming(lang).names(ns, short=True) for ns in numbers]  # the document's words (naming.py)
    n_total = display.plain(total.stated())
    title = chart_title(data, "roundups", lang, total=n_total)
    notes = [f"{s}（{n}）" if zh else f"{s} ({n})" for s, n in zip(said, listed, strict=True)]
    desc = (
        ("；".join(f"{t}{note}" for t, note in zip(labels, notes, strict=True)) + f"；合计{n_total}次。")
        if zh
        else ("; ".join(f"{t}: {note}" for t, note in zip(labels, notes, strict=True)) + f"; {n_total} in all.")
    )
    width = NARROW if narrow else WIDE
    x0 = 0.0 if narrow else _label_column(labels, 240) + 16
    count_w = max(text_width(s, LABEL_FONT) for s in said) + 8
    bar_w = min(320.0, width - x0 - count_w)
    most = max(float(f.stated()) for f in counts)
    body: list[str] = []
    y = 6.0
    for f, label, count, roundup_numbers in zip(counts, labels, said, listed, strict=True):
        if narrow:
            body.append(text(0, y + 13, label, LABEL_FONT, bold=True))
            y += LINE + 4
        else:  # beside the bar, in as many lines as it needs
            lines = wrap(label, LABEL_FONT, x0 - 16)
            body += lines_of_text(x0 - 8, y + 15 - (len(lines) - 1) * LINE / 2, lines, LABEL_FONT, LINE, "end")
        w = float(f.stated()) / most * bar_w
        body.append(rect(x0, y + 2, w, 18, "bar"))
        body.append(text(x0 + w + 6, y + 16, count, LABEL_FONT, bold=True))
        y += 24
        note = wrap(roundup_numbers, MIN_FONT, width - x0)
        body += [text(x0, y + 10 + i * 15, t, MIN_FONT, role="muted") for i, t in enumerate(note)]
        y += 15 * len(note) + 12
    return Drawing(title, desc, width, int(y), body)


# --- telecom and online fraud: stated and derived previous year-------------------------------------------------


def fraud(data: Data, lang: str, narrow: bool) -> Drawing:
    rows = [f for f in data.figures if f.crime_type == "fraud" and previous_year(f) and f.unit != "yuan"]
    zh = lang == "zh"
    title = chart_title(data, "fraud", lang)
    labels = [getattr(f.label, lang) for f in rows]
    stated = [(display.zh_value if zh else display.en_value)(f.stated(), f.unit) for f in rows]
    derived = [(display.zh_derived if zh else display.en_derived)(_base(f).value, f.unit) for f in rows]
    base, now = _base(rows[0]).year, _base(rows[0]).year + 1  # the figures' own years, not the code's
    parts = [
        f"{t}{f'：{now}年' if zh else f': {now}, '}{s}{f'，{base}年推算' if zh else f'; {base} derived, '}{d}"
        for t, s, d in zip(labels, stated, derived, strict=True)
    ]
    desc = (
        ("；".join(parts) + f"。{base}年数值由{now}年数值和同比变化推算，不是访谈所述的数字。")
        if zh
        else (
            "; ".join(parts) + f". The {base} values are computed from the {now} figures and their year-on-year "
            "changes; the interview does not state them."
        )
    )
    most = max(float(max(f.stated(), _base(f).value)) for f in rows)
    magnitude = 10 ** math.floor(math.log10(most))
    first = magnitude if most / magnitude <= 5 else magnitude * 2
    hi = math.ceil(most / first) * first
    width = NARROW if narrow else WIDE
    value_w = max(text_width(t, MIN_FONT) for t in stated + derived) + 10
    label_w = 6.0 if narrow else _label_column(labels, 200) + 16  # narrow: room for half the first tick's label
    plot_w = width - label_w - value_w - 4

    def x(v: float) -> float:
        return float(label_w + v / hi * plot_w)

    legend_stated = f"{now}年（访谈所述）" if zh else f"{now} (stated in the interview)"
    legend_derived = f"{base}年（由同比变化推算）" if zh else f"{base} (derived from the year-on-year change)"
    body: list[str] = []
    y = 4.0
    legend_x = 0.0
    for words, role in ((legend_stated, "bar"), (legend_derived, "hollow")):
        if legend_x and legend_x + 20 + text_width(words, MIN_FONT) > width:
            legend_x, y = 0.0, y + 20
        body += [rect(legend_x, y, 14, 12, role), text(legend_x + 20, y + 11, words)]
        legend_x += 20 + text_width(words, MIN_FONT) + 24
    y += 30
    top = y
    tick_text = display.zh_number if zh else display.en_number
    ticks = _ticks(0, hi, first, plot_w, text_width(tick_text(Decimal(hi)), MIN_FONT))
    bars: list[str] = []
    for f, label, s, d in zip(rows, labels, stated, derived, strict=True):
        if narrow:  # the label above the bars, the grid beside the bars only
            bars.append(text(0, y + 13, label, LABEL_FONT, bold=True))
            y += LINE + 4
            bars += [line(x(t), y, x(t), y + 42, "axis" if t == 0 else "grid") for t in ticks]
            label_lines = 1
        else:
            lines = wrap(label, LABEL_FONT, label_w - 16)
            bars += lines_of_text(label_w - 8, y + 24 - (len(lines) - 1) * LINE / 2, lines, LABEL_FONT, LINE, "end")
            label_lines = len(lines)
        w15, w16 = float(_base(f).value) / hi * plot_w, float(f.stated()) / hi * plot_w
        bars += [rect(label_w, y + 4, w15, 16, "hollow"), text(label_w + w15 + 5, y + 16, d, MIN_FONT, role="muted")]
        bars += [rect(label_w, y + 22, w16, 16, "bar"), text(label_w + w16 + 5, y + 34, s, MIN_FONT)]
        y += max(46, LINE * label_lines + 14)
    if not narrow:
        body += [line(x(t), top - 4, x(t), y, "axis" if t == 0 else "grid") for t in ticks]
    body += bars
    body += [text(x(t), y + 16, tick_text(Decimal(t)), MIN_FONT, "middle", "muted") for t in ticks]
    return Drawing(title, desc, width, int(y + 26), body)


@dataclass(frozen=True)
class Chart:
    name: str
    sources: tuple[str, ...]  # the data files (stems) it is drawn from
    draw: Callable[[Data, str, bool], Drawing]  # (data, language, narrow)

    def file(self, narrow: bool, palette: Palette) -> str:
        """The file of one drawing: changes.svg, changes-dark.svg, changes-narrow.svg, changes-narrow-dark.svg."""
        return f"{self.name}{'-narrow' if narrow else ''}{palette.suffix}.svg"

    def files(self, data: Data, lang: str) -> dict[str, str]:
        """Every file of the chart in `lang`: file name -> SVG."""
        sources = ", ".join(f"data/figures/{s}.yml" for s in self.sources)
        comment = f"Generated by `make tables` from {sources}; do not edit."
        return {
            self.file(narrow, palette): svg(self.draw(data, lang, narrow), lang, palette, comment)
            for narrow in (False, True)
            for palette in PALETTES
        }


__all__ = ["CHARTS", "PALETTES", "WIDE_FROM", "Chart", "Drawing"]

CHARTS: list[Chart] = [
    Chart("changes", ("headline", "crime_types"), changes),
    Chart("roundups", ("operations", "crime_types"), roundups),
    Chart("fraud", ("crime_types",), fraud),
]
