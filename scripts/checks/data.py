"""The data tied to the text: provenance, coverage and consistency.

1. Provenance: every figure is stated in the Chinese paragraph it cites: its value (65.5万 there is
   655000 here), read by scripts/text/quantities.py; the measure word after it, if any, is one of its unit's;
   its qualifier (约, 近, 逾, 多, 以上, 左右) is the text's; its change has the text's size and
   direction (上升/下降) and base (同比, 同比前三年, none), and the changes of a paragraph come in the
   order of their figures (分别…). Every roundup is named there by its document's Chinese `roundups` item (飓风N号: '{n}号'); every locality, reason
   and campaign is there in words.
2. Coverage: every quantity of the Chinese text is claimed by a record of the data or falls under
   the document's `not_data` (its document.yml), a short list of figures that are not data, each with its reason.
3. Consistency: the roundups are numbered 1 to N, each once, and N is the stated total; each stated
   count agrees with what it counts; a stated share agrees with its part and whole within the
   rounding of the inputs; a part is not larger than its whole.

Findings (scripts/core/findings.py) read `file:line: [check] key: …`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from scripts.checks.consistency import consistency
from scripts.checks.translation import Key, chinese_directions
from scripts.core import documents
from scripts.core.documents import Document, Reasoned
from scripts.core.findings import Finding
from scripts.core.paths import DOCS, ROOT, rel
from scripts.figures import formatting as display
from scripts.figures.model import Change, Data, Figure, interview_paragraphs, load
from scripts.figures.records import Located
from scripts.text.blocks import Block, normalize
from scripts.text.quantities import Idioms, Quantity, chinese_quantities, idioms_of

CLAUSE_END = "，。；：、！？（）()“”"
SENTENCE_RE = re.compile(r"[^。；]*[。；]?")


def _at(record: Located, check: str, id: str, message: str) -> Finding:
    """A finding about a record of the data, at its file and line."""
    return Finding(record.file, record.line, check, id, message)


def _with_data(docs: Path, document: Document | None) -> list[Document]:
    """`document`, or (None: data that no document owns) every document with data."""
    root = docs.parent if (docs.parent / "mkdocs.yml").exists() else ROOT
    return [document] if document else documents.with_data(root)


def not_data(docs: Path = DOCS, document: Document | None = None) -> tuple[list[Reasoned], str, int]:
    """The not-data list of `document` (of every document with data when None): its entries, and the file
    and line of the list."""
    found = _with_data(docs, document)
    file = rel(found[0].path) if found else "documents/"
    return [e for d in found for e in d.not_data], file, found[0].not_data_line if found else 1


@dataclass
class _Paragraph:
    id: str
    text: str
    file: str
    line: int
    quantities: list[Quantity]  # with bare 一
    claimed: set[tuple[int, int]]  # spans of quantities claimed by a record
    covered: set[tuple[int, int]]  # spans covered by a period, a base or the not-data list
    not_data: list[tuple[int, int]]
    idioms: Idioms | None = None  # those of the paragraph's document

    def in_not_data(self, q: Quantity) -> bool:
        return any(a <= q.start and q.end <= b for a, b in self.not_data)


def _paragraphs(docs: Path, entries: list[Reasoned], document: Document | None = None) -> dict[str, _Paragraph]:
    idioms = idioms_of(_with_data(docs, document))
    out = {}
    for pid, block in interview_paragraphs(docs, document).items():
        assert isinstance(block, Block)
        text = block.text
        spans = [(m.start(), m.end()) for e in entries for m in e.regex.finditer(text)]
        out[pid] = _Paragraph(
            pid,
            text,
            rel(block.path),
            block.line,
            chinese_quantities(text, ones=True, idioms=idioms),
            set(),
            set(),
            spans,
            idioms,
        )
    return out


def _plain(value: Decimal | None) -> str:
    return "none" if value is None else display.plain(value)


def _span(q: Quantity) -> tuple[int, int]:
    return (q.start, q.end)


def _unit_ok(text: str, q: Quantity, unit: str) -> bool:
    """The measure word after the figure, if there is one, is one of the unit's."""
    if unit == "percent":
        return q.percent
    if q.percent:
        return False
    if unit == "per-ten-thousand":
        return q.text.startswith("万分之")
    if q.text.startswith("万分之"):
        return False
    after = text[q.end :].lstrip("多")
    if not after or not re.match(r"[\u4e00-\u9fff]", after[0]):
        return True  # no measure word: 常住人口1.08亿，
    return after.startswith(display.UNITS[unit].zh)


def qualifier_in_text(text: str, q: Quantity) -> str | None:
    """The qualifier the text gives a figure: 近2000万, 约占…9%, 80多个, 20万起以上, 89%左右."""
    start = max([text.rfind(c, 0, q.start) for c in CLAUSE_END] + [-1]) + 1
    before = text[start : q.start]
    if before.endswith(("近", "逾")) and not text[q.start - 1 : q.start + 1].startswith("近年"):
        return before[-1]
    if "约" in before and not re.search(r"\d|[一二三四五六七八九十]", before[before.rindex("约") :]):
        return "约"
    after = text[q.end :]
    if after.startswith("多"):
        return "多"
    if after.startswith("左右"):
        return "左右"
    if (after[:1] and after[1:3] == "以上") or after.startswith("以上"):
        return "以上"
    return None


def _against_in_text(text: str, pos: int) -> str | None:
    sentence_start = max(text.rfind("。", 0, pos), text.rfind("；", 0, pos)) + 1
    before = text[sentence_start:pos]
    if "同比前三年" in before:
        return "previous-three-years"
    return "previous-year" if "同比" in before else None


def _claim(p: _Paragraph, q: Quantity) -> None:
    for other in p.quantities:  # 万分之十三 states 13 and its base 10000 in one span
        if _span(other) == _span(q):
            p.claimed.add(_span(other))


def _cover_text(p: _Paragraph, phrase: str) -> None:
    for m in re.finditer(re.escape(phrase), p.text):
        for q in p.quantities:
            if m.start() <= q.start and q.end <= m.end():
                p.covered.add(_span(q))


def _names_roundup(p: _Paragraph, q: Quantity, around: tuple[str, str]) -> bool:
    """Whether quantity q is a roundup's number: it stands as the Chinese item of the document's naming
    ('{n}号': before it '', after it '号'). A naming that puts nothing around the number marks none."""
    before, after = around
    return (before or after) != "" and p.text[: q.start].endswith(before) and p.text[q.end :].startswith(after)


def _roundup_mentions(p: _Paragraph, number: int, around: tuple[str, str]) -> list[Quantity]:
    return [q for q in p.quantities if q.value == number and not q.percent and _names_roundup(p, q, around)]


def _figure_value(f: Figure, value: Decimal, p: _Paragraph, around: tuple[str, str]) -> list[Finding]:
    """Claim the quantity stating f's value; findings if the text does not state it so."""
    findings = []
    candidates = [
        q
        for q in p.quantities
        if q.value == value and _span(q) not in p.claimed and not p.in_not_data(q) and not _names_roundup(p, q, around)
    ]
    fitting = [q for q in candidates if _unit_ok(p.text, q, f.unit)]
    if not fitting:
        shown = display.zh_value(value, f.unit, f.qualifier)
        there = ", ".join(f"'{q.text}'" for q in p.quantities if not p.in_not_data(q) and q.text != "一") or "none"
        why = " (there, with another unit)" if candidates else ""
        findings.append(
            _at(
                f,
                "provenance",
                f.key,
                f"value {display.plain(value)} ({shown}) is not stated in {p.id}{why}; figures there: {there}",
            )
        )
        return findings
    q = fitting[0]
    _claim(p, q)
    said = qualifier_in_text(p.text, q)
    if said != f.qualifier:
        findings.append(
            _at(
                f,
                "provenance",
                f.key,
                f"qualifier: the text has "
                f"{repr(said) if said else 'none'} for '{q.text}' in {p.id}, the data "
                f"{repr(f.qualifier) if f.qualifier else 'none'}",
            )
        )
    return findings


def _figure_change(
    f: Figure, change: Change, p: _Paragraph, directions: dict[Key, str]
) -> tuple[list[Finding], Quantity | None]:
    """Claim the quantity stating f's change; findings if the text does not state it so."""
    size = abs(change.percent)
    candidates = [q for q in p.quantities if q.percent and q.value == size and _span(q) not in p.claimed]
    if not candidates:
        return [
            _at(
                f,
                "provenance",
                f.key,
                f"change {display.zh_change(change.percent, change.against)} is not stated in {p.id}",
            )
        ], None
    q = candidates[0]
    p.claimed.add(_span(q))
    findings = []
    direction = directions.get((q.value, True))
    wanted = "up" if change.percent > 0 else "down"
    if direction != wanted:
        findings.append(
            _at(
                f,
                "provenance",
                f.key,
                f"change: the text says {q.text} {direction or 'with no direction'}, the data {wanted}",
            )
        )
    against = _against_in_text(p.text, q.start)
    if against != change.against:
        findings.append(
            _at(
                f,
                "provenance",
                f.key,
                f"change.against: the text compares "
                f"{against or 'with no stated base'}, "
                f"the data {change.against or 'with no stated base'}",
            )
        )
    return findings, q


def provenance(data: Data, paragraphs: dict[str, _Paragraph]) -> list[Finding]:
    """Every record of the data against the paragraph it cites; claims the quantities it states there."""
    findings: list[Finding] = []
    # roundups: each named in its paragraph as its document names it (飓风N号); a group of results names them again
    naming = data.naming("zh")
    around = naming.around
    for o in data.operations:
        p = paragraphs[o.paragraph]
        free = [q for q in _roundup_mentions(p, o.number, around) if _span(q) not in p.claimed]
        if free:
            p.claimed.add(_span(free[0]))
        else:
            findings.append(
                _at(
                    o,
                    "provenance",
                    f"roundup {o.number}",
                    f"'{naming.item.format(n=o.number)}' is not named in {o.paragraph}",
                )
            )
    figures_of: dict[str, list[Figure]] = {}  # paragraph ID -> its figures, in the data's order
    for f in data.figures:
        figures_of.setdefault(f.paragraph, []).append(f)
    for pid in sorted({f.paragraph for f in data.figures if f.operations}):
        p = paragraphs[pid]
        for group in dict.fromkeys(f.operations for f in figures_of[pid] if f.operations):
            for n in group:
                mentions = _roundup_mentions(p, n, around)
                free = [q for q in mentions if _span(q) not in p.claimed]
                if free:
                    p.claimed.add(_span(free[0]))
                elif not mentions:
                    first = next(f for f in figures_of[pid] if f.operations == group)
                    findings.append(
                        _at(
                            first,
                            "provenance",
                            first.key,
                            f"operations: roundup {n} ('{naming.item.format(n=n)}') is not named in {pid}",
                        )
                    )
    for pid, p in paragraphs.items():
        figures = figures_of.get(pid, [])
        if not figures:
            continue
        directions = chinese_directions(p.text, p.idioms)
        order: list[tuple[int, int, str]] = []
        for f in figures:
            value_q = None
            if f.value is not None:
                before = set(p.claimed)
                findings += _figure_value(f, f.value, p, around)
                new = p.claimed - before
                value_q = min(new)[0] if new else None
            if f.change:
                found, change_q = _figure_change(f, f.change, p, directions)
                findings += found
                if value_q is not None and change_q is not None:
                    order.append((value_q, change_q.start, f.key))
                if f.change.against:
                    _cover_text(p, display.AGAINST[f.change.against][0])
            if f.period and normalize(f.period.zh) in normalize(p.text):
                _cover_text(p, f.period.zh)
        order.sort()
        for (_, c1, k1), (_, c2, k2) in itertools.pairwise(order):
            if c2 < c1:
                f = data.figure(k2)
                findings.append(
                    _at(
                        f,
                        "provenance",
                        k2,
                        f"change: the text gives the changes of {k1} and {k2} in the other order in {pid}",
                    )
                )
    findings += _words(data, paragraphs)
    return findings


def _words(data: Data, paragraphs: dict[str, _Paragraph]) -> list[Finding]:
    """Crime types, reasons, localities and campaigns: their Chinese words are in their paragraphs."""
    findings = []

    def need(record: Located, key: str, phrase: str, pid: str) -> None:
        if normalize(phrase) not in normalize(paragraphs[pid].text):
            findings.append(_at(record, "provenance", key, f"'{phrase}' is not in {pid}"))

    for c in data.crime_types:
        need(c, c.key, c.label.zh, c.paragraph)
    for r in data.reasons:
        need(r, r.key, r.label.zh, r.paragraph)
    for loc in data.localities:
        for pid in loc.paragraphs:
            need(loc, loc.key, loc.prefecture.zh + loc.name.zh, pid)
    for campaign in data.campaigns:
        for phrase in [f"{campaign.year}年", campaign.name.zh, campaign.approach.zh, *(f.zh for f in campaign.focus)]:
            need(campaign, campaign.key, phrase, campaign.paragraph)
    return findings


def coverage(paragraphs: dict[str, _Paragraph], entries: list[Reasoned], where: str, data: str = "") -> list[Finding]:
    """Every quantity of the text (bare 一 aside) is claimed, covered or not data; every entry of the
    not-data list (`where`: its document.yml) matches something. `data`: the folder of the records."""
    findings = []
    for p in paragraphs.values():
        for q in chinese_quantities(p.text, idioms=p.idioms):
            if _span(q) in p.claimed or _span(q) in p.covered or p.in_not_data(q):
                continue
            findings.append(
                Finding(
                    p.file,
                    p.line,
                    "coverage",
                    p.id,
                    f"'{q.text}' ({q}) is neither in the data ({data}) nor on the not-data list ({where} not_data)",
                )
            )
    for e in entries:
        if not any(e.regex.search(p.text) for p in paragraphs.values()):
            findings.append(
                Finding(
                    e.file,
                    e.line,
                    "coverage",
                    "",
                    f"not-data entry '{e.pattern}' matches nothing in the text: remove it",
                )
            )
    return findings


def check(data: Data, docs: Path = DOCS) -> list[Finding]:
    """Provenance, coverage and consistency findings of a document's data against its own text (empty: tied)."""
    entries, where, _ = not_data(docs, data.document)
    paragraphs = _paragraphs(docs, entries, data.document)
    return provenance(data, paragraphs) + coverage(paragraphs, entries, where, data.folder) + consistency(data)


def check_all(root: Path = ROOT) -> list[Finding]:
    """`check` of every document with data, each its own data against its own text (`python -m scripts data`)."""
    found = [d.data for d in documents.with_data(root) if d.data] or [root / "data" / "figures"]
    return [f for data_dir in found for f in check(load(data_dir, root / "docs"), root / "docs")]


__all__ = ["check", "check_all", "consistency", "coverage", "not_data", "provenance"]
