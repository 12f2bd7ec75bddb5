"""Tables, charts and downloads generated from the data (`make tables`, `python -m scripts tables`).

* Tables: HTML tables in both languages, written into the pages between
  ``<!-- generated:NAME … -->`` and ``<!-- /generated:NAME -->`` (PLACEMENTS says which page
  carries which; the markers' place in a page is the editors' choice, the same in both twins).
* Charts: SVG files in docs/zh/charts/ and docs/en/charts/ (scripts/charts.py).
* Downloads: the whole data as JSON and CSV in docs/zh/downloads/, linked from the Data page.

Nothing is written unless the data loads and passes every data check; then every output is built
in memory, and only files whose content changes are written, each through a temporary file and a
rename. `check()` instead reports every file that differs from what the data gives.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from scripts.generators import charts

from scripts.checks import data as datacheck

from scripts.figures import formatting as display
from scripts.core.files import write_if_changed
from scripts.figures.model import Data, DataError, Figure, base_2015, interview_paragraphs, load
from scripts.core.generated import CLOSE_RE as GEN_CLOSE_RE
from scripts.core.generated import OPEN_RE as GEN_OPEN_RE
from scripts.core.languages import LANGS
from scripts.core.paths import ROOT, rel

DATA_PAGE = "data.md"
PLACEMENTS: dict[str, list[str]] = {
    "background.md": ["province", "police", "honours"],
    "part1.md": ["headline"],
    "part2.md": ["hurricane", "operations", "localities"],
    "part3.md": ["fraud", "fraud-mechanisms", "drugs", "finance", "theft"],
    DATA_PAGE: ["headline", "measures", "hurricane", "operations", "fraud", "drugs", "finance", "theft",
                "fraud-mechanisms", "police", "honours", "province", "localities", "campaigns", "charts",
                "downloads"],
}
DOWNLOADS = "downloads"  # docs/zh/downloads/: one copy, for both languages
FILES = {"json": "hurricane2016-data.json", "figures": "hurricane2016-figures.csv",
         "operations": "hurricane2016-operations.csv", "localities": "hurricane2016-localities.csv",
         "campaigns": "hurricane2016-campaigns.csv"}
GENERATED_BY = "make tables"

WORDS = {
    "zh": {"indicator": "指标", "value": "数值", "period": "时期", "change": "变化", "derived": "2015年（推算）",
           "source": "出处", "text": "原文", "table": "表", "crime_type": "犯罪类型", "roundups": "收网行动",
           "count": "次数", "result": "战果", "total": "合计", "locality": "地区", "prefecture": "所属地级市",
           "reasons": "列入原因", "year": "年份", "campaign": "专项行动", "approach": "方针", "focus": "重点打击",
           "all_data": "全部数据", "sep": "；", "list": "、", "colon": "：",
           "derived_note": "“2015年（推算）”一栏不是访谈所述的数字：它由2016年数值和同比变化算出"
                           "（2016年数值 ÷（1 + 变化）），并按输入数字的取舍范围取整，仅供参考。"},
    "en": {"indicator": "Indicator", "value": "Figure", "period": "Period", "change": "Change",
           "derived": "2015 (derived)", "source": "Source", "text": "text", "table": "Table",
           "crime_type": "Crime type", "roundups": "Roundups", "count": "Number", "result": "Result",
           "total": "Total", "locality": "Locality", "prefecture": "Prefecture-level city",
           "reasons": "Why it is listed", "year": "Year", "campaign": "Campaign", "approach": "Approach",
           "focus": "Focus", "all_data": "all data", "sep": "; ", "list": ", ", "colon": ": ",
           "derived_note": "The “2015 (derived)” column is not stated in the interview: it is computed from the "
                           "2016 figure and its year-on-year change (2016 figure ÷ (1 + change)) and rounded "
                           "within the range that the rounding of those figures allows. For reference only."},
}


class TablesError(ValueError):
    """Pages that cannot take the generated sections; str() has one `file:line: …` line per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class Context:
    data: Data
    lang: str
    page: str  # the page the table goes on: "part1.md"
    pages: dict[str, str]  # paragraph ID -> page stem ("part1")

    @property
    def w(self) -> dict[str, str]:
        return WORDS[self.lang]

    def t(self, label) -> str:
        return getattr(label, self.lang)

    def source_link(self, pid: str) -> str:
        page = self.pages[pid]
        href = "../" if page == "index" else f"../{page}/"
        return f'<a href="{href}#{pid}" title="{pid}">{self.w["text"]}</a>'


# --- cells ------------------------------------------------------------------------------------------

def value_text(f: Figure, lang: str) -> str:
    if f.value is None:
        return "—"
    return (display.zh_value if lang == "zh" else display.en_value)(f.value, f.unit, f.qualifier)


def change_text(f: Figure, lang: str) -> str:
    if f.change is None:
        return "—"
    return (display.zh_change if lang == "zh" else display.en_change)(f.change.percent, f.change.against)


def derived_text(f: Figure, lang: str) -> str:
    base = base_2015(f)
    if base is None:
        return ""
    return (display.zh_derived if lang == "zh" else display.en_derived)(base.value, f.unit)


def _label_cell(f: Figure, c: Context) -> str:
    note = ""
    if f.note:
        note = (f'<span class="data-table__note">（{esc(f.note.zh)}）</span>' if c.lang == "zh"
                else f' <span class="data-table__note">({esc(f.note.en)})</span>')
    return f'<th scope="row">{esc(c.t(f.label))}{note}</th>'


def _table(name: str, caption: str, head: list[str], rows: list[str], c: Context, notes: list[str] = ()) -> str:
    link = "" if c.page == DATA_PAGE else f' <a class="data-table__more" href="../data/#table-{name}">{c.w["all_data"]}</a>'
    out = [f'<table id="table-{name}">', f"<caption>{esc(caption)}{link}</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in head) + "</tr></thead>",
           "<tbody>", *rows, "</tbody>", "</table>"]
    out += [f'<p class="data-table__note">{esc(n)}</p>' for n in notes]
    return "\n".join(out)


def figure_table(name: str, caption: str, figures: list[Figure], c: Context) -> str:
    """One row per figure: indicator, figure, period, [change], [2015 derived], source."""
    with_change = any(f.change for f in figures)
    with_derived = any(base_2015(f) for f in figures)
    w = c.w
    head = [w["indicator"], w["value"], w["period"]] + ([w["change"]] if with_change else []) \
        + ([w["derived"]] if with_derived else []) + [w["source"]]
    rows = []
    for f in figures:
        cells = [_label_cell(f, c), f'<td class="value">{esc(value_text(f, c.lang))}</td>',
                 f'<td class="period">{esc(c.t(f.period)) if f.period else "—"}</td>']
        if with_change:
            cells.append(f'<td class="change">{esc(change_text(f, c.lang))}</td>')
        if with_derived:
            d = derived_text(f, c.lang)
            cells.append(f'<td class="derived">{esc(d)}</td>' if d else "<td>—</td>")
        cells.append(f"<td>{c.source_link(f.paragraph)}</td>")
        rows.append(f'<tr data-key="{f.key}">' + "".join(cells) + "</tr>")
    return _table(name, caption, head, rows, c, [w["derived_note"]] if with_derived else [])


def roundup_list(numbers: list[int], lang: str) -> str:
    if lang == "zh":
        return "飓风" + "、".join(f"{n}号" for n in numbers)
    return ("Hurricane No. " if len(numbers) == 1 else "Hurricane Nos. ") + ", ".join(str(n) for n in numbers)


def _caption(c: Context, dataset: str, extra: str = "") -> str:
    return f'{c.w["table"]}{c.w["colon"]}{c.t(c.data.datasets[dataset].title)}{extra}'


# --- the sections -------------------------------------------------------------------------------------

def _dataset_table(name: str, dataset: str):
    def build(c: Context) -> str:
        return figure_table(name, _caption(c, dataset), c.data.datasets[dataset].figures, c)
    return build


def _crime_type_table(name: str, key: str):
    def build(c: Context) -> str:
        ct = c.data.crime_type(key)
        figures = [f for f in c.data.datasets["crime_types"].figures if f.crime_type == key]
        caption = f'{c.w["table"]}{c.w["colon"]}' + (f"{ct.label.zh}：2016年指标" if c.lang == "zh"
                                                     else f"{ct.label.en[0].upper()}{ct.label.en[1:]}: indicators, 2016")
        return figure_table(name, caption, figures, c)
    return build


def operations_section(c: Context) -> str:
    data, w = c.data, c.w
    ds = data.datasets["operations"]
    rows = []
    for ct in data.crime_types:
        numbers = [o.number for o in data.operations if o.crime_type == ct.key]
        count = next(f for f in ds.figures if f.counts == "operations" and f.crime_type == ct.key)
        rows.append(f'<tr data-key="{count.key}" data-crime-type="{ct.key}"><th scope="row">{esc(c.t(ct.label))}</th>'
                    f'<td class="operations">{esc(roundup_list(numbers, c.lang))}</td>'
                    f'<td class="value">{esc(value_text(count, c.lang))}</td><td>{c.source_link(count.paragraph)}</td></tr>')
    for total in (f for f in ds.figures if f.counts == "operations" and not f.crime_type and not f.operations):
        rows.append(f'<tr data-key="{total.key}"><th scope="row">{esc(w["total"])}</th><td>{esc(c.t(total.label))}</td>'
                    f'<td class="value">{esc(value_text(total, c.lang))}</td><td>{c.source_link(total.paragraph)}</td></tr>')
    first = _table("operations", _caption(c, "operations"), [w["crime_type"], w["roundups"], w["count"], w["source"]],
                   rows, c)
    results = []
    for f in ds.figures:
        if f.operations:
            results.append(f'<tr data-key="{f.key}"><td class="operations">{esc(roundup_list(list(f.operations), c.lang))}</td>'
                           f'{_label_cell(f, c)}<td class="value">{esc(value_text(f, c.lang))}</td>'
                           f'<td>{c.source_link(f.paragraph)}</td></tr>')
    caption = f'{w["table"]}{w["colon"]}' + ("收网行动的战果" if c.lang == "zh" else "Results of roundups")
    second = _table("operation-results", caption, [w["roundups"], w["result"], w["value"], w["source"]], results, c)
    return first + "\n" + second


def localities_section(c: Context) -> str:
    data, w = c.data, c.w
    rows = []
    for loc in data.localities:
        reasons = w["sep"].join(c.t(data.reason(r).label) for r in loc.reasons)
        rows.append(f'<tr data-key="{loc.key}"><th scope="row">{esc(c.t(loc.name))}</th>'
                    f'<td>{esc(c.t(loc.prefecture))}</td><td class="reasons">{esc(reasons)}</td>'
                    f'<td>{" ".join(c.source_link(p) for p in loc.paragraphs)}</td></tr>')
    out = _table("localities", _caption(c, "localities"), [w["locality"], w["prefecture"], w["reasons"], w["source"]],
                 rows, c)
    figures = data.datasets["localities"].figures
    if figures:
        caption = f'{w["table"]}{w["colon"]}' + ("重点整治地区：相关数字" if c.lang == "zh" else "Localities: related figures")
        out += "\n" + figure_table("locality-figures", caption, figures, c)
    return out


def campaigns_section(c: Context) -> str:
    w = c.w
    rows = [f'<tr data-key="{k.key}"><td class="year">{k.year}</td><th scope="row">{esc(c.t(k.name))}</th>'
            f'<td>{esc(c.t(k.approach))}</td><td>{esc(w["list"].join(c.t(x) for x in k.focus))}</td>'
            f"<td>{c.source_link(k.paragraph)}</td></tr>" for k in c.data.campaigns]
    return _table("campaigns", _caption(c, "campaigns"), [w["year"], w["campaign"], w["approach"], w["focus"],
                                                          w["source"]], rows, c)


def charts_section(c: Context) -> str:
    out = []
    for chart in charts.CHARTS:
        title, desc = chart.title(c.data, c.lang), chart.desc(c.data, c.lang)
        width, height = chart.size(c.data, c.lang)
        out.append(f'<figure class="data-chart" id="chart-{chart.name}">'
                   f'<img src="../charts/{chart.name}.svg" alt="{esc(title)}{c.w["colon"]}{esc(desc)}" '
                   f'width="{width}" height="{height}" loading="lazy">'
                   f"<figcaption>{esc(title)}</figcaption></figure>")
    return "\n".join(out)


DOWNLOAD_TEXT = {
    "zh": {"json": "全部数据（JSON）：数字、收网行动、犯罪类型、地区、专项行动，以及标明为推算的2015年数值",
           "figures": "全部数字（CSV，每行一个数字）",
           "operations": "28次收网行动（CSV）", "localities": "重点整治地区（CSV）", "campaigns": "历年专项行动（CSV）"},
    "en": {"json": "All data (JSON): figures, roundups, crime types, localities and campaigns, with the derived "
                   "2015 values marked as derived",
           "figures": "All figures (CSV, one figure a row)", "operations": "The 28 roundups (CSV)",
           "localities": "Localities under focused rectification (CSV)", "campaigns": "Campaigns, 2014–2016 (CSV)"},
}


def downloads_section(c: Context) -> str:
    up = "../" if c.lang == "zh" else "../../"
    items = [f'<li><a href="{up}{DOWNLOADS}/{FILES[k]}" download>{FILES[k]}</a>{c.w["colon"]}{esc(text)}</li>'
             for k, text in DOWNLOAD_TEXT[c.lang].items()]
    return '<ul class="data-downloads">\n' + "\n".join(items) + "\n</ul>"


SECTIONS: dict[str, tuple] = {
    # name: (builder, the data files it comes from)
    "headline": (_dataset_table("headline", "headline"), ["headline"]),
    "measures": (_dataset_table("measures", "measures"), ["measures"]),
    "hurricane": (_dataset_table("hurricane", "hurricane"), ["hurricane"]),
    "operations": (operations_section, ["operations", "crime_types"]),
    "fraud": (_crime_type_table("fraud", "fraud"), ["crime_types"]),
    "drugs": (_crime_type_table("drugs", "drugs"), ["crime_types"]),
    "finance": (_crime_type_table("finance", "finance"), ["crime_types"]),
    "theft": (_crime_type_table("theft", "theft"), ["crime_types"]),
    "fraud-mechanisms": (_dataset_table("fraud-mechanisms", "fraud_mechanisms"), ["fraud_mechanisms"]),
    "police": (_dataset_table("police", "police"), ["police"]),
    "honours": (_dataset_table("honours", "honours"), ["honours"]),
    "province": (_dataset_table("province", "province"), ["province"]),
    "localities": (localities_section, ["localities"]),
    "campaigns": (campaigns_section, ["campaigns"]),
    "charts": (charts_section, sorted({d for chart in charts.CHARTS for d in chart.sources})),
    "downloads": (downloads_section, ["*"]),
}


def open_marker(name: str) -> str:
    files = ", ".join("data/figures/*.yml" if d == "*" else f"data/figures/{d}.yml" for d in SECTIONS[name][1])
    return f"<!-- generated:{name} (generated by `{GENERATED_BY}` from {files}; do not edit) -->"


def close_marker(name: str) -> str:
    return f"<!-- /generated:{name} -->"


def section(name: str, c: Context) -> str:
    content = SECTIONS[name][0](c)
    wrapper = f'<div class="data-table" id="section-{name}">\n{content}\n</div>'
    assert "\n\n" not in wrapper, name  # a blank line would end the HTML block
    return wrapper


# --- pages ------------------------------------------------------------------------------------------------

def fill_page(text: str, path: Path, sections: dict[str, str], expected: list[str]) -> str:
    """The page with each generated section's content replaced; TablesError if a marker is wrong."""
    lines = text.split("\n")
    out: list[str] = []
    errors: list[str] = []
    found: list[str] = []
    i = 0
    while i < len(lines):
        m = GEN_OPEN_RE.match(lines[i].strip())
        if not m:
            if GEN_CLOSE_RE.match(lines[i].strip()):
                errors.append(f"{rel(path)}:{i + 1}: [tables] '{lines[i].strip()}' closes no open generated section")
            out.append(lines[i])
            i += 1
            continue
        name = m.group(1)
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == close_marker(name)), None)
        if end is None:
            errors.append(f"{rel(path)}:{i + 1}: [tables] generated section '{name}' is never closed "
                          f"(add a line '{close_marker(name)}')")
            break
        if name not in sections:
            errors.append(f"{rel(path)}:{i + 1}: [tables] unknown generated section '{name}' "
                          f"(known on this page: {', '.join(expected) or 'none'})")
        elif name in found:
            errors.append(f"{rel(path)}:{i + 1}: [tables] generated section '{name}' appears twice")
        else:
            found.append(name)
            out += [open_marker(name), "", sections[name], "", close_marker(name)]
        i = end + 1
    for name in expected:
        if name not in found and not any(f"'{name}'" in e for e in errors):
            errors.append(f"{rel(path)}:1: [tables] generated section '{name}' is missing: add the lines "
                          f"'{open_marker(name)}' and '{close_marker(name)}' (blank lines around) where it belongs")
    if errors:
        raise TablesError(errors)
    return "\n".join(out)


# --- downloads ---------------------------------------------------------------------------------------------

def _num(d: Decimal | None):
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def _lab(label) -> dict | None:
    return {"zh": label.zh, "en": label.en} if label else None


def figure_record(f: Figure, data: Data) -> dict:
    base = base_2015(f)
    return {
        "key": f.key, "dataset": f.dataset, "label": _lab(f.label), "value": _num(f.value), "unit": f.unit,
        "qualifier": f.qualifier, "period": _lab(f.period), "scope": _lab(f.scope),
        "change": {"percent": _num(f.change.percent), "against": f.change.against} if f.change else None,
        "paragraph": f.paragraph, "note": _lab(f.note), "crime_type": f.crime_type,
        "operations": list(f.operations), "counts": f.counts, "part_of": f.part_of,
        "share": {"part": f.share[0], "whole": f.share[1]} if f.share else None,
        "text": {"zh": value_text(f, "zh"), "en": value_text(f, "en")},
        "base_2015_derived": {"derived": True, "value": _num(base.value), "low": _num(base.low),
                              "high": _num(base.high), "method": base.method} if base else None,
    }


def export_json(data: Data) -> str:
    obj = {
        "about": {
            "title": {"zh": "逯峰访谈：“飓风2016”专项行动 — 数据", "en": "Lu Feng Interview: the Hurricane 2016 Campaign — data"},
            "source": "《现代世界警察》 interview with 逯峰 (Lu Feng); each record cites the ID of the Chinese "
                      "paragraph that states it",
            "generated_by": f"`{GENERATED_BY}` (python -m scripts tables) from data/figures/*.yml; do not edit",
            "derived": "base_2015_derived is computed as value / (1 + change / 100) from a year-on-year change; "
                       "it is not stated in the interview",
        },
        "datasets": [{"name": ds.name, "title": _lab(ds.title)} for ds in data.datasets.values()],
        "figures": [figure_record(f, data) for f in data.figures],
        "crime_types": [{"key": c.key, "label": _lab(c.label), "paragraph": c.paragraph} for c in data.crime_types],
        "operations": [{"number": o.number, "label": _lab(o.label), "crime_type": o.crime_type,
                        "paragraph": o.paragraph} for o in data.operations],
        "reasons": [{"key": r.key, "label": _lab(r.label), "paragraph": r.paragraph} for r in data.reasons],
        "localities": [{"key": x.key, "name": _lab(x.name), "prefecture": _lab(x.prefecture),
                        "reasons": list(x.reasons), "paragraphs": list(x.paragraphs)} for x in data.localities],
        "campaigns": [{"key": k.key, "year": k.year, "name": _lab(k.name), "approach": _lab(k.approach),
                       "focus": [_lab(x) for x in k.focus], "paragraph": k.paragraph} for k in data.campaigns],
    }
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buf.getvalue()


def export_csv(data: Data) -> dict[str, str]:
    def p(d):
        return None if d is None else display.plain(d)

    figures = []
    for f in data.figures:
        base = base_2015(f)
        figures.append([f.key, f.dataset, f.label.zh, f.label.en, p(f.value), f.unit, f.qualifier,
                        f.period.zh if f.period else None, f.period.en if f.period else None, f.scope.zh, f.scope.en,
                        p(f.change.percent) if f.change else None, f.change.against if f.change else None,
                        f.crime_type, " ".join(str(n) for n in f.operations), f.paragraph,
                        value_text(f, "zh"), value_text(f, "en"),
                        p(base.value) if base else None, p(base.low) if base else None, p(base.high) if base else None])
    return {
        "figures": _csv(["key", "dataset", "label_zh", "label_en", "value", "unit", "qualifier", "period_zh", "period_en",
                         "scope_zh", "scope_en", "change_percent", "change_against", "crime_type", "operations",
                         "paragraph", "text_zh", "text_en", "base_2015_derived", "base_2015_derived_low",
                         "base_2015_derived_high"], figures),
        "operations": _csv(["number", "label_zh", "label_en", "crime_type", "crime_type_zh", "crime_type_en", "paragraph"],
                           [[o.number, o.label.zh, o.label.en, o.crime_type, data.crime_type(o.crime_type).label.zh,
                             data.crime_type(o.crime_type).label.en, o.paragraph] for o in data.operations]),
        "localities": _csv(["key", "name_zh", "name_en", "prefecture_zh", "prefecture_en", "reasons_zh", "reasons_en",
                            "paragraphs"],
                           [[x.key, x.name.zh, x.name.en, x.prefecture.zh, x.prefecture.en,
                             "；".join(data.reason(r).label.zh for r in x.reasons),
                             "; ".join(data.reason(r).label.en for r in x.reasons), " ".join(x.paragraphs)]
                            for x in data.localities]),
        "campaigns": _csv(["year", "key", "name_zh", "name_en", "approach_zh", "approach_en", "focus_zh", "focus_en",
                           "paragraph"],
                          [[k.year, k.key, k.name.zh, k.name.en, k.approach.zh, k.approach.en,
                            "、".join(x.zh for x in k.focus), "; ".join(x.en for x in k.focus), k.paragraph]
                           for k in data.campaigns]),
    }


# --- everything ----------------------------------------------------------------------------------------------

def outputs(data: Data, root: Path = ROOT) -> dict[Path, str]:
    """The full new content of every generated file: pages with their sections, charts, downloads."""
    docs = root / "docs"
    pages = {pid: b.path.stem for pid, b in interview_paragraphs(docs).items()}
    out: dict[Path, str] = {}
    errors: list[str] = []
    for lang in LANGS:
        for page, names in PLACEMENTS.items():
            path = docs / lang / page
            if not path.exists():
                errors.append(f"{rel(path)}:1: [tables] page missing: it carries the generated sections "
                              f"{', '.join(names)}")
                continue
            c = Context(data, lang, page, pages)
            sections = {name: section(name, c) for name in names}
            try:
                out[path] = fill_page(path.read_text(encoding="utf-8"), path, sections, names)
            except TablesError as err:
                errors += err.errors
        for chart in charts.CHARTS:
            out[docs / lang / "charts" / f"{chart.name}.svg"] = chart.svg(data, lang)
    out[docs / "zh" / DOWNLOADS / FILES["json"]] = export_json(data)
    for kind, text in export_csv(data).items():
        out[docs / "zh" / DOWNLOADS / FILES[kind]] = text
    if errors:
        raise TablesError(errors)
    return out


# `mkdocs serve` rebuilds on every saved page: the data it last loaded and held to the text, with a digest of
# everything that reading and checking it reads, is used again while that digest stays the same.
_checked: dict[tuple[Path, bool], tuple[str, Data]] = {}


def _inputs_digest(root: Path) -> str:
    """A digest of the data files, their schema, the navigation (mkdocs.yml) and the Chinese pages."""
    digest = hashlib.sha256()
    paths = [*sorted((root / "data" / "figures").glob("*.yml")), root / "data" / "figures.schema.json",
             root / "mkdocs.yml", *sorted((root / "docs" / "zh").glob("*.md"))]
    for path in paths:
        digest.update(f"{path}\0".encode() + (path.read_bytes() if path.exists() else b"\1missing") + b"\0")
    return digest.hexdigest()


def checked_data(root: Path = ROOT, text_checks: bool = True, remember: bool = False) -> Data:
    """The data, loaded and checked; DataError if anything is wrong. With `remember`, the data of the last
    call is given again if nothing it was read or checked from has changed since."""
    key = (root, text_checks)
    digest = _inputs_digest(root) if remember else ""
    if remember and key in _checked and _checked[key][0] == digest:
        return _checked[key][1]
    data = load(root / "data" / "figures", root / "docs", root / "data" / "figures.schema.json")
    findings = datacheck.check(data, root / "docs") if text_checks else []
    if findings:
        raise DataError(findings)
    if remember:
        _checked[key] = (digest, data)
    return data


def prepare(root: Path = ROOT, text_checks: bool = True, remember: bool = False) -> dict[Path, str]:
    """Load and check the data, then build every output; DataError or TablesError if anything is wrong.

    Without `text_checks` the data is only loaded and validated (schema, references), not held to
    the text: the build uses that, to fail on stale generated files and leave the text to the tests.
    """
    return outputs(checked_data(root, text_checks, remember), root)


def generate(root: Path = ROOT, remember: bool = False) -> list[Path]:
    """Write every generated file whose content changes; returns the files written. (`remember`: see
    checked_data; `mkdocs serve` uses it.)"""
    written = []
    for path, text in prepare(root, remember=remember).items():
        if write_if_changed(path, text):
            written.append(path)
    return written


def _first_difference(old: str, new: str) -> tuple[int, str, str]:
    """The first line that differs, and a stretch of each version around the first differing character."""
    a, b = old.split("\n"), new.split("\n")
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    x, y = (a[i] if i < len(a) else ""), (b[i] if i < len(b) else "")
    at = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    start = max(0, at - 40)
    return i + 1, ("…" if start else "") + x[start:at + 40], ("…" if start else "") + y[start:at + 40]


def _section_at(text: str, line: int) -> str | None:
    name = None
    for i, raw in enumerate(text.split("\n")[:line], 1):
        m = GEN_OPEN_RE.match(raw.strip())
        if m:
            name = m.group(1)
        elif GEN_CLOSE_RE.match(raw.strip()) and i < line:
            name = None
    return name


def check(root: Path = ROOT, text_checks: bool = True) -> list[str]:
    """Every generated file that differs from what the data gives (as `cog --check` does)."""
    findings = []
    expected = prepare(root, text_checks)
    for path, text in expected.items():
        if not path.exists():
            findings.append(f"{rel(path)}:1: [tables] missing: run `{GENERATED_BY}`")
            continue
        current = path.read_text(encoding="utf-8")
        if current == text:
            continue
        line, found, wanted = _first_difference(current, text)
        name = _section_at(current, line) if path.suffix == ".md" else None
        what = f"generated section '{name}'" if name else "generated content"
        findings.append(f"{rel(path)}:{line}: [tables] {what} differs from what the data gives: expected "
                        f"'{wanted}', found '{found}'; run `{GENERATED_BY}`")
    for lang in LANGS:
        for folder, pattern in [("charts", "*.svg")] + ([(DOWNLOADS, "*")] if lang == "zh" else []):
            for path in sorted((root / "docs" / lang / folder).glob(pattern)):
                if path not in expected:
                    findings.append(f"{rel(path)}:1: [tables] not generated from the data any more: remove it")
    return findings
