"""The downloads: the whole data as JSON and as CSV files, in docs/zh/downloads/ (one copy, for both
languages), linked from the Data page. They are generated (JSON and CSV cannot say so themselves): a
previous year's value computed from a year-on-year change is marked as derived (`base_2015_derived`).

The names `base_2015_derived*` (JSON key, CSV columns) stay as they were published although the year
they hold comes from the data (scripts/figures/derived.py): downstream readers depend on them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from scripts.core import documents
from scripts.core.paths import ROOT
from scripts.figures import formatting as display
from scripts.figures.derived import previous_year
from scripts.figures.model import Data, Figure, Label
from scripts.generators.figure_text import value_text

GENERATED_BY = "make tables"
DOWNLOADS = "downloads"  # docs/zh/downloads/: one copy, for both languages
KINDS = {  # each download's name after the prefix its document gives (document.yml `downloads`)
    "json": "data.json",
    "figures": "figures.csv",
    "operations": "operations.csv",
    "localities": "localities.csv",
    "campaigns": "campaigns.csv",
    # the aligned text: made from the pages by every build, into the site only (scripts/translators/aligned.py)
    "tmx": "aligned.tmx",
    "aligned": "aligned.csv",
}


def files(root: Path = ROOT, document: documents.Document | None = None) -> dict[str, str]:
    """Each download's file name: `PREFIX-data.json`, … with the prefix of `document` (of the first document
    that has data, the interview, when None)."""
    found = [document] if document else documents.with_data(root)
    prefix = next((d.downloads for d in found if d.downloads), "data")
    return {kind: f"{prefix}-{name}" for kind, name in KINDS.items()}


# A CSV field: None is written as an empty one. A number (int, Decimal: the data's values, changes and
# derived values) is written as digits; text (str) is text, however it reads, and is neutralised.
Cell = str | int | Decimal | None
# OWASP's rule against formula injection (CSV injection): a text cell that starts with one of these is
# read by a spreadsheet as a formula (=HYPERLINK(…), +, -, @) or hides one (tab, carriage return), so
# it is written after a single quote, which the spreadsheet shows as text and does not evaluate.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_field(value: Cell) -> str | int:
    """A cell as the CSV writer gets it. Which cells are numbers is decided by type, where the value
    comes from, never by how it reads: a data value or change (-38.2) is a Decimal and stays a number;
    a label is text, and a label "-38.2" or "=1+1" is quoted like any other text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return display.plain(value)
    if isinstance(value, str):
        text = "'" + value if value.startswith(FORMULA_STARTS) else value
        # a carriage return as a line feed, which the writer quotes (it quotes only the characters of its
        # line end, "\n"): a bare one would end the row for some readers
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _num(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def _lab(label: Label | None) -> dict[str, str] | None:
    return {"zh": label.zh, "en": label.en} if label else None


def figure_record(f: Figure, data: Data) -> dict[str, Any]:
    base = previous_year(f)
    return {
        "key": f.key,
        "dataset": f.dataset,
        "label": _lab(f.label),
        "value": _num(f.value),
        "unit": f.unit,
        "qualifier": f.qualifier,
        "period": _lab(f.period),
        "scope": _lab(f.scope),
        "change": {"percent": _num(f.change.percent), "against": f.change.against} if f.change else None,
        "paragraph": f.paragraph,
        "note": _lab(f.note),
        "crime_type": f.crime_type,
        "operations": list(f.operations),
        "counts": f.counts,
        "part_of": f.part_of,
        "share": {"part": f.share[0], "whole": f.share[1]} if f.share else None,
        "text": {"zh": value_text(f, "zh"), "en": value_text(f, "en")},
        "base_2015_derived": {
            "derived": True,
            "value": _num(base.value),
            "low": _num(base.low),
            "high": _num(base.high),
            "method": base.method,
        }
        if base
        else None,
    }


def export_json(data: Data) -> str:
    obj = {
        "about": {
            "title": {  # its document's title (document.yml)
                "zh": f"{data.title.get('zh', '')} — 数据",
                "en": f"{data.title.get('en', data.title.get('zh', ''))} — data",
            },
            "source": "《现代世界警察》 interview with 逯峰 (Lu Feng); each record cites the ID of the Chinese "
            "paragraph that states it",
            "generated_by": f"`{GENERATED_BY}` (python -m scripts tables) from data/figures/*.yml; do not edit",
            "derived": "base_2015_derived is computed as value / (1 + change / 100) from a year-on-year change; "
            "it is not stated in the interview",
        },
        "datasets": [{"name": ds.name, "title": _lab(ds.title)} for ds in data.datasets.values()],
        "figures": [figure_record(f, data) for f in data.figures],
        "crime_types": [{"key": c.key, "label": _lab(c.label), "paragraph": c.paragraph} for c in data.crime_types],
        "operations": [
            {"number": o.number, "label": _lab(o.label), "crime_type": o.crime_type, "paragraph": o.paragraph}
            for o in data.operations
        ],
        "reasons": [{"key": r.key, "label": _lab(r.label), "paragraph": r.paragraph} for r in data.reasons],
        "localities": [
            {
                "key": x.key,
                "name": _lab(x.name),
                "prefecture": _lab(x.prefecture),
                "reasons": list(x.reasons),
                "paragraphs": list(x.paragraphs),
            }
            for x in data.localities
        ],
        "campaigns": [
            {
                "key": k.key,
                "year": k.year,
                "name": _lab(k.name),
                "approach": _lab(k.approach),
                "focus": [_lab(x) for x in k.focus],
                "paragraph": k.paragraph,
            }
            for k in data.campaigns
        ],
    }
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _csv(header: list[str], rows: Sequence[Sequence[Cell]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_field(v) for v in row] for row in rows])
    return buf.getvalue()


def _figure_row(f: Figure) -> list[Cell]:
    base = previous_year(f)
    return [
        f.key,
        f.dataset,
        f.label.zh,
        f.label.en,
        f.value,
        f.unit,
        f.qualifier,
        f.period.zh if f.period else None,
        f.period.en if f.period else None,
        f.scope.zh,
        f.scope.en,
        f.change.percent if f.change else None,
        f.change.against if f.change else None,
        f.crime_type,
        " ".join(str(n) for n in f.operations),
        f.paragraph,
        value_text(f, "zh"),
        value_text(f, "en"),
        base.value if base else None,
        base.low if base else None,
        base.high if base else None,
    ]


def export_csv(data: Data) -> dict[str, str]:
    """The CSV files' texts, by their key in KINDS."""
    return {
        "figures": _csv(
            [
                "key",
                "dataset",
                "label_zh",
                "label_en",
                "value",
                "unit",
                "qualifier",
                "period_zh",
                "period_en",
                "scope_zh",
                "scope_en",
                "change_percent",
                "change_against",
                "crime_type",
                "operations",
                "paragraph",
                "text_zh",
                "text_en",
                "base_2015_derived",
                "base_2015_derived_low",
                "base_2015_derived_high",
            ],
            [_figure_row(f) for f in data.figures],
        ),
        "operations": _csv(
            ["number", "label_zh", "label_en", "crime_type", "crime_type_zh", "crime_type_en", "paragraph"],
            [
                [
                    o.number,
                    o.label.zh,
                    o.label.en,
                    o.crime_type,
                    data.crime_type(o.crime_type).label.zh,
                    data.crime_type(o.crime_type).label.en,
                    o.paragraph,
                ]
                for o in data.operations
            ],
        ),
        "localities": _csv(
            ["key", "name_zh", "name_en", "prefecture_zh", "prefecture_en", "reasons_zh", "reasons_en", "paragraphs"],
            [
                [
                    x.key,
                    x.name.zh,
                    x.name.en,
                    x.prefecture.zh,
                    x.prefecture.en,
                    "；".join(data.reason(r).label.zh for r in x.reasons),
                    "; ".join(data.reason(r).label.en for r in x.reasons),
                    " ".join(x.paragraphs),
                ]
                for x in data.localities
            ],
        ),
        "campaigns": _csv(
            ["year", "key", "name_zh", "name_en", "approach_zh", "approach_en", "focus_zh", "focus_en", "paragraph"],
            [
                [
                    k.year,
                    k.key,
                    k.name.zh,
                    k.name.en,
                    k.approach.zh,
                    k.approach.en,
                    "、".join(x.zh for x in k.focus),
                    "; ".join(x.en for x in k.focus),
                    k.paragraph,
                ]
                for k in data.campaigns
            ],
        ),
    }
