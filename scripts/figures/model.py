"""The interview's figures (data/figures/*.yml): loading, validation and derived values.

Every file is read with the line of each field kept, checked against data/figures.schema.json
(after its `defaults` are merged into each figure), then its references are resolved: paragraph
IDs against the Chinese pages, crime types, roundup numbers, reasons and the keys of other
figures. Any problem raises a :class:`DataError` whose lines read `file:line: field: message`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from scripts.core import documents
from scripts.core.paths import DOCS, ROOT, rel
from scripts.core.yamlfile import Lines, YamlError, line_of, read_yaml, schema_errors
from scripts.figures.naming import PLAIN, Naming, namings
from scripts.figures.records import where
from scripts.figures.references import references
from scripts.text.blocks import FormatError, load_language

DATA_DIR = ROOT / "data" / "figures"
SCHEMA = ROOT / "data" / "figures.schema.json"
# The files in the order of the interview; any other file follows, by name.
ORDER = [
    "headline",
    "measures",
    "hurricane",
    "operations",
    "crime_types",
    "fraud_mechanisms",
    "police",
    "honours",
    "province",
    "localities",
    "campaigns",
]


class DataError(ValueError):
    """Problems in the data files; str() has one `file:line: …` line per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Label:
    zh: str
    en: str


@dataclass(frozen=True)
class Change:
    percent: Decimal  # signed
    against: str | None  # "previous-year", "previous-three-years" or None


@dataclass(frozen=True)
class Figure:
    key: str
    label: Label
    value: Decimal | None
    unit: str
    period: Label | None
    scope: Label
    paragraph: str
    dataset: str  # the file's stem: "headline"
    file: str  # "data/figures/headline.yml"
    line: int
    qualifier: str | None = None
    change: Change | None = None
    note: Label | None = None
    crime_type: str | None = None
    operations: tuple[int, ...] = ()
    counts: str | None = None
    part_of: str | None = None
    share: tuple[str | None, str | None] | None = None  # (part, whole)

    def stated(self) -> Decimal:
        """The value of a figure that must state one (a count, a drawn bar, a part or whole of a share)."""
        if self.value is None:
            raise ValueError(f"{self.where()}: {self.key} has no value")
        return self.value

    def where(self) -> str:
        return where(self)


@dataclass(frozen=True)
class CrimeType:
    key: str
    label: Label
    paragraph: str
    dataset: str
    file: str
    line: int


@dataclass(frozen=True)
class Operation:
    number: int
    crime_type: str
    paragraph: str
    dataset: str
    file: str
    line: int
    label: Label  # its name in each language, by its document's `roundups` (figures/naming.py)


@dataclass(frozen=True)
class Reason:
    key: str
    label: Label
    paragraph: str
    dataset: str
    file: str
    line: int


@dataclass(frozen=True)
class Locality:
    key: str
    name: Label
    prefecture: Label
    reasons: tuple[str, ...]
    paragraphs: tuple[str, ...]
    dataset: str
    file: str
    line: int


@dataclass(frozen=True)
class Campaign:
    key: str
    year: int
    name: Label
    approach: Label
    focus: tuple[Label, ...]
    paragraph: str
    dataset: str
    file: str
    line: int


@dataclass
class Dataset:
    name: str  # the file's stem
    path: Path
    title: Label
    figures: list[Figure] = field(default_factory=list)
    crime_types: list[CrimeType] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    localities: list[Locality] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)


@dataclass
class Data:
    datasets: dict[str, Dataset]
    chart_titles: dict[str, dict[str, str]] = field(default_factory=dict)  # its document.yml `charts`
    title: dict[str, str] = field(default_factory=dict)  # its document's title in each language
    roundups: dict[str, Naming] = field(default_factory=dict)  # how its document names roundups, per language
    data_page: str = ""  # its document's page that carries every section of the data
    document: documents.Document | None = None  # whose data it is: its pages are those the data cites

    @property
    def folder(self) -> str:
        """The folder of its records, as findings name it."""
        return f"{rel(self.document.data)}/" if self.document and self.document.data else "data/figures/"

    def naming(self, lang: str) -> Naming:
        return self.roundups.get(lang, PLAIN)

    def _all(self, attr: str) -> list:
        return [item for ds in self.datasets.values() for item in getattr(ds, attr)]

    @property
    def figures(self) -> list[Figure]:
        return self._all("figures")

    @property
    def crime_types(self) -> list[CrimeType]:
        return self._all("crime_types")

    @property
    def operations(self) -> list[Operation]:
        return sorted(self._all("operations"), key=lambda o: o.number)

    @property
    def reasons(self) -> list[Reason]:
        return self._all("reasons")

    @property
    def localities(self) -> list[Locality]:
        return self._all("localities")

    @property
    def campaigns(self) -> list[Campaign]:
        return self._all("campaigns")

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def crime_type(self, key: str) -> CrimeType:
        return next(c for c in self.crime_types if c.key == key)

    def reason(self, key: str) -> Reason:
        return next(r for r in self.reasons if r.key == key)


# --- schema ----------------------------------------------------------------------------------------


def _merge_defaults(doc: dict, lines: Lines) -> dict:
    """Each figure with its file's defaults filled in; fields from the defaults keep their line there."""
    defaults = doc.get("defaults") or {}
    figures = doc.get("figures")
    if not isinstance(defaults, dict) or not isinstance(figures, list):
        return doc
    merged = []
    # the lines of each default's nodes, found once (not once per figure: that grew with the square of the data)
    default_lines = {
        name: [(path, line) for path, line in lines.items() if path[:2] == ("defaults", name)] for name in defaults
    }
    for i, record in enumerate(figures):
        if isinstance(record, dict):
            for name in defaults:
                if name not in record:
                    for path, line in default_lines[name]:
                        lines[("figures", i, name, *path[2:])] = line
            record = {**defaults, **record}
        merged.append(record)
    return {**doc, "figures": merged}


def validate(doc: object, lines: Lines, path: Path, schema: dict[str, Any]) -> list[str]:
    """Schema errors of one data file, as `file:line: field: message (record 'key')`."""
    if not isinstance(doc, dict):
        return [f"{rel(path)}:1: top level: expected a mapping with 'title' and 'figures', found {type(doc).__name__}"]
    return schema_errors(doc, lines, rel(path), schema, record_key=True)


# --- building the model ---------------------------------------------------------------------------


def _label(d: dict[str, str]) -> Label:
    return Label(d["zh"], d["en"])


def _optional_label(d: dict[str, str] | None) -> Label | None:
    return Label(d["zh"], d["en"]) if d else None


def _dec(x: float | int | None) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _build(doc: dict[str, Any], lines: Lines, path: Path, naming: dict[str, Naming]) -> Dataset:
    name, file = path.stem, rel(path)
    ds = Dataset(name, path, _label(doc["title"]))
    for i, r in enumerate(doc.get("figures") or []):
        change = r.get("change")
        share = r.get("share")
        ds.figures.append(
            Figure(
                key=r["key"],
                label=_label(r["label"]),
                value=_dec(r["value"]),
                unit=r["unit"],
                period=_optional_label(r["period"]),
                scope=_label(r["scope"]),
                paragraph=r["paragraph"],
                dataset=name,
                file=file,
                line=line_of(lines, ("figures", i)),
                qualifier=r.get("qualifier"),
                change=Change(Decimal(str(change["percent"])), change["against"]) if change else None,
                note=_optional_label(r.get("note")),
                crime_type=r.get("crime_type"),
                operations=tuple(r.get("operations") or ()),
                counts=r.get("counts"),
                part_of=r.get("part_of"),
                share=(share["part"], share["whole"]) if share else None,
            )
        )
    for i, r in enumerate(doc.get("crime_types") or []):
        ds.crime_types.append(
            CrimeType(r["key"], _label(r["label"]), r["paragraph"], name, file, line_of(lines, ("crime_types", i)))
        )
    for i, r in enumerate(doc.get("operations") or []):
        ds.operations.append(
            Operation(
                r["number"],
                r["crime_type"],
                r["paragraph"],
                name,
                file,
                line_of(lines, ("operations", i)),
                Label(*(naming.get(lang, PLAIN).name(r["number"]) for lang in ("zh", "en"))),
            )
        )
    for i, r in enumerate(doc.get("reasons") or []):
        ds.reasons.append(
            Reason(r["key"], _label(r["label"]), r["paragraph"], name, file, line_of(lines, ("reasons", i)))
        )
    for i, r in enumerate(doc.get("localities") or []):
        ds.localities.append(
            Locality(
                r["key"],
                _label(r["name"]),
                _label(r["prefecture"]),
                tuple(r["reasons"]),
                tuple(r["paragraphs"]),
                name,
                file,
                line_of(lines, ("localities", i)),
            )
        )
    for i, r in enumerate(doc.get("campaigns") or []):
        ds.campaigns.append(
            Campaign(
                r["key"],
                r["year"],
                _label(r["name"]),
                _label(r["approach"]),
                tuple(_label(f) for f in r["focus"]),
                r["paragraph"],
                name,
                file,
                line_of(lines, ("campaigns", i)),
            )
        )
    return ds


def interview_paragraphs(docs: Path = DOCS, document: documents.Document | None = None) -> dict[str, object]:
    """The Chinese blocks that are text of `document` (of every document with data when None), not labels,
    not containers: {id: Block}. IDs are unique within a document, so one document's data cites its own."""
    root = docs.parent if (docs.parent / "mkdocs.yml").exists() else ROOT
    pages = documents.pages(document, root) if document else documents.data_pages(root)
    return {
        b.id: b
        for blocks in load_language("zh", docs, pages).values()
        for b in blocks
        if b.kind != "container" and not b.is_label
    }


def load(data_dir: Path = DATA_DIR, docs: Path = DOCS, schema_path: Path = SCHEMA) -> Data:
    """Every data file, validated; DataError lists every problem found."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    paths = sorted(
        data_dir.glob("*.yml"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.name)
    )
    if not paths:
        raise DataError([f"{rel(data_dir)}:1: no data files (*.yml)"])
    errors: list[str] = []
    parsed = []
    for path in paths:
        try:
            doc, lines = read_yaml(path)
        except YamlError as err:
            errors += err.errors
            continue
        doc = _merge_defaults(doc, lines) if isinstance(doc, dict) else doc
        problems = validate(doc, lines, path, schema)
        errors += problems
        if not problems and isinstance(doc, dict):
            parsed.append((doc, lines, path))
    if errors:
        raise DataError(errors)
    root = docs.parent if (docs.parent / "mkdocs.yml").exists() else ROOT
    owner = next((d for d in documents.load(root) if d.data and d.data.resolve() == data_dir.resolve()), None)
    naming = namings(owner.roundups) if owner else {}
    datasets = {path.stem: _build(doc, lines, path, naming) for doc, lines, path in parsed}
    data = Data(
        datasets,
        owner.charts if owner else {},
        owner.title if owner else {},
        naming,
        owner.data_page if owner else "",
        owner,
    )
    try:
        ids = set(interview_paragraphs(docs, owner))
    except FormatError as err:
        raise DataError([str(err)]) from None
    errors = references(data, ids)
    if errors:
        raise DataError(errors)
    return data
