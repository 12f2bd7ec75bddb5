"""The generated sections of the pages: HTML tables (and the Data page's charts and downloads) in both
languages, rendered from the data by the Jinja2 templates in templates/.

The templates escape every value they print, so no string from the data reaches a page unescaped;
nothing here builds HTML by hand. Python chooses what a section says (its rows, columns, captions, in
plain text); the templates say how it is marked up.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.figures.derived import previous_year
from scripts.figures.model import Data, DataError, Figure, Label
from scripts.generators import charts
from scripts.generators.downloads import DOWNLOADS
from scripts.generators.figure_text import change_text, derived_text, value_text
from scripts.text.places import Places

WORDS = {
    "zh": {
        "indicator": "指标",
        "value": "数值",
        "period": "时期",
        "change": "变化",
        "derived": "{year}年（推算）",
        "source": "出处",
        "table": "表",
        "crime_type": "犯罪类型",
        "roundups": "收网行动",
        "count": "次数",
        "result": "战果",
        "total": "合计",
        "locality": "地区",
        "prefecture": "所属地级市",
        "reasons": "列入原因",
        "year": "年份",
        "campaign": "专项行动",
        "approach": "方针",
        "focus": "重点打击",
        "all_data": "全部数据",
        "sep": "；",
        "list": "、",
        "colon": "：",
        "derived_note": "“{year}年（推算）”一栏不是访谈所述的数字：它由{period}年数值和同比变化算出"
        "（{period}年数值 ÷（1 + 变化）），并按输入数字的取舍范围取整，仅供参考。",
    },
    "en": {
        "indicator": "Indicator",
        "value": "Figure",
        "period": "Period",
        "change": "Change",
        "derived": "{year} (derived)",
        "source": "Source",
        "table": "Table",
        "crime_type": "Crime type",
        "roundups": "Roundups",
        "count": "Number",
        "result": "Result",
        "total": "Total",
        "locality": "Locality",
        "prefecture": "Prefecture-level city",
        "reasons": "Reason for inclusion",
        "year": "Year",
        "campaign": "Campaign",
        "approach": "Approach",
        "focus": "Focus",
        "all_data": "all data",
        "sep": "; ",
        "list": ", ",
        "colon": ": ",
        "derived_note": "The “{year} (derived)” column is not stated in the interview: it is computed from the "
        "{period} figure and its year-on-year change ({period} figure ÷ (1 + change)) and rounded "
        "within the range that the rounding of those figures allows. For reference only.",
    },
}

DOWNLOAD_TEXT = {
    "zh": {
        "json": "全部数据（JSON）：数字、收网行动、犯罪类型、地区、专项行动，以及标明为推算的{derived}年数值",
        "figures": "全部数字（CSV，每行一个数字）",
        "operations": "{roundups}次收网行动（CSV）",
        "localities": "重点整治地区（CSV）",
        "campaigns": "历年专项行动（CSV）",
        "tmx": "全文中英对照（TMX 1.4b 翻译记忆，每个标题、段落一个翻译单元，附译注）",
        "aligned": "全文中英对照（CSV，每行一个标题或段落：source 为中文，target 为英文，notes 为译注）",
    },
    "en": {
        "json": "All data (JSON): figures, roundups, crime types, localities and campaigns, with the derived "
        "{derived} values marked as derived",
        "figures": "All figures (CSV, one figure a row)",
        "operations": "The {roundups} roundups (CSV)",
        "localities": "Localities under focused rectification (CSV)",
        "campaigns": "Campaigns, {first}–{last} (CSV)",
        "tmx": "The whole text, Chinese and English aligned heading by heading and paragraph by paragraph "
        "(TMX 1.4b translation memory, with the translator’s notes)",
        "aligned": "The whole text aligned (CSV, one heading or paragraph a row: source is the Chinese, target "
        "the English, notes the translator’s notes)",
    },
}


def _escaped(value: object) -> object:
    """What a template prints, escaped as html.escape does (`'` as `&#x27;`, `"` as `&quot;`), as the
    published pages always were; MarkupSafe's own escaping would write `&#39;` and `&#34;` instead.
    Markup (a macro's output) is already HTML and passes as it is."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))  # noqa: S704 (escaped on this very line)


# Autoescaping stays on as a second guard: whatever `finalize` let through unescaped would be escaped.
ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    undefined=StrictUndefined,
    finalize=_escaped,
)


@dataclass(frozen=True)
class Context:
    """A page in one language, as the templates see it (`c`)."""

    data: Data
    lang: str
    page: str  # the page the table goes on: "part1.md"
    places: Places  # where each paragraph stands: its page and its number there
    downloads: dict[str, str] = field(default_factory=dict)  # each download's file name (downloads.files)

    @property
    def w(self) -> dict[str, str]:
        return WORDS[self.lang]

    @property
    def on_data_page(self) -> bool:
        return self.page == self.data.data_page

    def t(self, label: Label) -> str:
        return label.zh if self.lang == "zh" else label.en

    def listed(self, labels: Iterable[Label], sep: str) -> str:
        """Labels joined by the word `sep` ("sep": '；', "list": '、')."""
        return self.w[sep].join(self.t(x) for x in labels)

    def href(self, pid: str) -> str:
        """The page that holds paragraph `pid`, from the page the table is on."""
        page = self.places.places[pid].page
        return "../" if page == "index" else f"../{page}/"

    def place(self, pid: str) -> str:
        """Where paragraph `pid` stands: "第二部分第3段" / "Part 2, ¶ 3"."""
        return self.places.text(pid, self.lang)

    def value(self, f: Figure) -> str:
        return value_text(f, self.lang)

    def change(self, f: Figure) -> str:
        return change_text(f, self.lang)

    def derived(self, f: Figure) -> str:
        return derived_text(f, self.lang)

    def roundups(self, numbers: Sequence[int]) -> str:
        return self.data.naming(self.lang).names(numbers)

    def caption(self, title: str) -> str:
        """'表：…' / 'Table: …'."""
        return f"{self.w['table']}{self.w['colon']}{title}"

    def dataset_caption(self, dataset: str) -> str:
        return self.caption(self.t(self.data.datasets[dataset].title))


@dataclass(frozen=True)
class FigureTable:
    """A table of one row per figure, and the columns its figures need."""

    name: str
    caption: str
    figures: list[Figure]
    head: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    with_change: bool = False
    with_derived: bool = False
    derived_head: str = ""  # the derived column's head, dated by the figures: '2015 (derived)'


def figure_table(name: str, caption: str, figures: list[Figure], c: Context) -> FigureTable:
    """Indicator, figure, period, [change], [previous year, derived], source."""
    with_change = any(f.change for f in figures)
    years = {d.year for f in figures if (d := previous_year(f))}
    if len(years) > 1:
        raise DataError([f"{figures[0].where()}: table {name}: derived values of several years ({sorted(years)})"])
    w = c.w
    # the column's year is the figures' own (their period minus one), never a word of the code
    dated = {"year": str(min(years)), "period": str(min(years) + 1)} if years else {}
    derived_head = w["derived"].format(**dated) if years else ""
    head = (
        [w["indicator"], w["value"], w["period"]]
        + ([w["change"]] if with_change else [])
        + ([derived_head] if years else [])
        + [w["source"]]
    )
    notes = [w["derived_note"].format(**dated)] if years else []
    return FigureTable(name, caption, figures, head, notes, with_change, bool(years), derived_head)


def render(template: str, name: str, c: Context, **values: Any) -> str:
    """A section: `template` rendered for section `name` on the page and in the language of `c`."""
    return ENV.get_template(template).render(name=name, c=c, **values)


# --- the sections -------------------------------------------------------------------------------------

Builder = Callable[[Context], str]


def _dataset_table(name: str, dataset: str) -> Builder:
    def build(c: Context) -> str:
        table = figure_table(name, c.dataset_caption(dataset), c.data.datasets[dataset].figures, c)
        return render("figures.html.j2", name, c, table=table)

    return build


def _crime_type_table(name: str, key: str) -> Builder:
    def build(c: Context) -> str:
        ct = c.data.crime_type(key)
        figures = [f for f in c.data.datasets["crime_types"].figures if f.crime_type == key]
        # the period the figures share (2016年 / 2016), from the data; none when they share none
        periods = {f.period for f in figures if f.period}
        period = periods.pop() if len(periods) == 1 else None
        caption = c.caption(
            f"{ct.label.zh}：{period.zh if period else ''}指标"
            if c.lang == "zh"
            else f"{ct.label.en[0].upper()}{ct.label.en[1:]}: indicators{', ' + period.en if period else ''}"
        )
        return render("figures.html.j2", name, c, table=figure_table(name, caption, figures, c))

    return build


def operations_section(c: Context) -> str:
    data, w = c.data, c.w
    ds = data.datasets["operations"]
    by_crime_type = [
        (
            ct,
            [o.number for o in data.operations if o.crime_type == ct.key],
            next(f for f in ds.figures if f.counts == "operations" and f.crime_type == ct.key),
        )
        for ct in data.crime_types
    ]
    totals = [f for f in ds.figures if f.counts == "operations" and not f.crime_type and not f.operations]
    return render(
        "operations.html.j2",
        "operations",
        c,
        caption=c.dataset_caption("operations"),
        head=[w["crime_type"], w["roundups"], w["count"], w["source"]],
        by_crime_type=by_crime_type,
        totals=totals,
        results=[f for f in ds.figures if f.operations],
        results_caption=c.caption("收网行动的战果" if c.lang == "zh" else "Results of roundups"),
        results_head=[w["roundups"], w["result"], w["value"], w["source"]],
    )


def localities_section(c: Context) -> str:
    data, w = c.data, c.w
    localities = [(loc, c.listed((data.reason(r).label for r in loc.reasons), "sep")) for loc in data.localities]
    figures = data.datasets["localities"].figures
    caption = c.caption("重点整治地区：相关数字" if c.lang == "zh" else "Localities: related figures")
    return render(
        "localities.html.j2",
        "localities",
        c,
        caption=c.dataset_caption("localities"),
        head=[w["locality"], w["prefecture"], w["reasons"], w["source"]],
        localities=localities,
        figures=figure_table("locality-figures", caption, figures, c) if figures else None,
    )


def campaigns_section(c: Context) -> str:
    w = c.w
    return render(
        "campaigns.html.j2",
        "campaigns",
        c,
        caption=c.dataset_caption("campaigns"),
        head=[w["year"], w["campaign"], w["approach"], w["focus"], w["source"]],
    )


class ChartFigure(NamedTuple):
    """A chart as the page shows it: its drawings for a wide and a narrow column, and the files of each
    in each palette (the page shows the reader's)."""

    name: str
    wide: charts.Drawing
    narrow: charts.Drawing
    files: list[tuple[str, str, str]]  # (palette: "light" | "dark", wide file, narrow file)


def charts_section(c: Context) -> str:
    figures = [
        ChartFigure(
            chart.name,
            chart.draw(c.data, c.lang, False),
            chart.draw(c.data, c.lang, True),
            [("dark" if p.suffix else "light", chart.file(False, p), chart.file(True, p)) for p in charts.PALETTES],
        )
        for chart in charts.CHARTS
    ]
    return render("charts.html.j2", "charts", c, figures=figures, wide_from=charts.WIDE_FROM)


def _counts(data: Data) -> dict[str, int | str]:
    """What the downloads' descriptions count, from the data: the roundups, the campaigns' first and last year,
    the year of the derived values."""
    years = [campaign.year for campaign in data.campaigns] or [0]
    derived: list[int | str] = [*sorted({d.year for f in data.figures if (d := previous_year(f))}), ""]
    return {"roundups": len(data.operations), "first": min(years), "last": max(years), "derived": derived[0]}


def downloads_section(c: Context) -> str:
    return render(
        "downloads.html.j2",
        "downloads",
        c,
        up="../" * (c.page.count("/") + (1 if c.lang == "zh" else 2)),  # to the site's root, from the page's URL
        folder=DOWNLOADS,
        files=[(c.downloads[k], text.format(**_counts(c.data))) for k, text in DOWNLOAD_TEXT[c.lang].items()],
    )


class Section(NamedTuple):
    build: Builder
    sources: list[str]  # the data files (stems) it comes from; "*": all of them


SECTIONS: dict[str, Section] = {
    "headline": Section(_dataset_table("headline", "headline"), ["headline"]),
    "measures": Section(_dataset_table("measures", "measures"), ["measures"]),
    "hurricane": Section(_dataset_table("hurricane", "hurricane"), ["hurricane"]),
    "operations": Section(operations_section, ["operations", "crime_types"]),
    "fraud": Section(_crime_type_table("fraud", "fraud"), ["crime_types"]),
    "drugs": Section(_crime_type_table("drugs", "drugs"), ["crime_types"]),
    "finance": Section(_crime_type_table("finance", "finance"), ["crime_types"]),
    "theft": Section(_crime_type_table("theft", "theft"), ["crime_types"]),
    "fraud-mechanisms": Section(_dataset_table("fraud-mechanisms", "fraud_mechanisms"), ["fraud_mechanisms"]),
    "police": Section(_dataset_table("police", "police"), ["police"]),
    "honours": Section(_dataset_table("honours", "honours"), ["honours"]),
    "province": Section(_dataset_table("province", "province"), ["province"]),
    "localities": Section(localities_section, ["localities"]),
    "campaigns": Section(campaigns_section, ["campaigns"]),
    "charts": Section(charts_section, sorted({d for chart in charts.CHARTS for d in chart.sources})),
    "downloads": Section(downloads_section, ["*"]),
}


def section(name: str, c: Context) -> str:
    """Section `name` as the page in `c` carries it: its content in a `<div class="data-table">`."""
    wrapper = SECTIONS[name].build(c)
    assert "\n\n" not in wrapper, name  # a blank line would end the HTML block
    return wrapper
