"""The data against itself: roundups numbered once each, counts that agree with what they count,
parts not larger than their wholes, shares within the rounding of their parts and wholes."""

from __future__ import annotations

from decimal import Decimal

from scripts.core.findings import Finding
from scripts.figures import formatting as display
from scripts.figures.model import Data
from scripts.figures.records import Located


def _at(record: Located, check: str, id: str, message: str) -> Finding:
    """A finding about a record of the data, at its file and line."""
    return Finding(record.file, record.line, check, id, message)


def _plain(value: Decimal | None) -> str:
    return "none" if value is None else display.plain(value)


def _interval(value: Decimal) -> tuple[Decimal, Decimal]:
    half = display.step(value) / 2
    return value - half, value + half


def consistency(data: Data) -> list[Finding]:
    """The data against itself: roundups, counts, parts and shares."""
    findings: list[Finding] = []
    ops = data.operations
    numbers = [o.number for o in ops]
    totals = [f for f in data.figures if f.counts == "operations" and not f.crime_type and not f.operations]
    for f in totals:
        n = int(f.stated())
        if len(ops) != n:
            findings.append(_at(f, "consistency", f.key, f"{n} roundups stated, {len(ops)} in the data"))
        missing = sorted(set(range(1, n + 1)) - set(numbers))
        extra = sorted({x for x in numbers if x > n or numbers.count(x) > 1})
        if missing or extra:
            findings.append(
                _at(
                    f,
                    "consistency",
                    f.key,
                    f"roundups 1 to {n} should each appear once: "
                    f"missing {missing or 'none'}, extra or repeated {extra or 'none'}",
                )
            )
        by_type = [g for g in data.figures if g.counts == "operations" and g.crime_type and not g.operations]
        total = sum(int(g.stated()) for g in by_type)
        if by_type and total != n:
            findings.append(
                _at(
                    f,
                    "consistency",
                    f.key,
                    f"the crime types' roundups "
                    f"({' + '.join(_plain(g.value) for g in by_type)}) "
                    f"add up to {total}, not {n}",
                )
            )
    for f in data.figures:
        if f.counts == "operations" and (f.crime_type or f.operations):
            listed = [
                o
                for o in ops
                if (not f.crime_type or o.crime_type == f.crime_type) and (not f.operations or o.number in f.operations)
            ]
            if len(listed) != f.value:
                findings.append(
                    _at(
                        f,
                        "consistency",
                        f.key,
                        f"{_plain(f.value)} roundups stated, {len(listed)} "
                        f"listed ({', '.join(str(o.number) for o in listed) or 'none'})",
                    )
                )
        if f.counts == "crime-types" and len(data.crime_types) != f.value:
            findings.append(
                _at(
                    f,
                    "consistency",
                    f.key,
                    f"{_plain(f.value)} crime types stated, {len(data.crime_types)} in the data",
                )
            )
        if f.part_of:
            whole = data.figure(f.part_of)
            if whole.unit != f.unit or (whole.value is not None and f.value is not None and f.value > whole.value):
                findings.append(
                    _at(
                        f,
                        "consistency",
                        f.key,
                        f"{_plain(f.value)} is a part of {whole.key} "
                        f"({_plain(whole.value)} {whole.unit}) but exceeds it "
                        "or has another unit",
                    )
                )
        if f.share and f.share[0] and f.share[1]:
            part, whole = data.figure(f.share[0]), data.figure(f.share[1])
            part_v, whole_v, share_v = part.stated(), whole.stated(), f.stated()
            (p_lo, p_hi), (w_lo, w_hi), (s_lo, s_hi) = _interval(part_v), _interval(whole_v), _interval(share_v)
            lo, hi = p_lo / w_hi * 100, p_hi / w_lo * 100
            if hi < s_lo or lo > s_hi:
                computed = part_v / whole_v * 100
                findings.append(
                    _at(
                        f,
                        "consistency",
                        f.key,
                        f"{display.plain(share_v)}% stated, but "
                        f"{display.plain(part_v)} / {display.plain(whole_v)} gives "
                        f"{computed:.2f}% ({lo:.2f}–{hi:.2f}% within the rounding "
                        "of the inputs)",
                    )
                )
    for c in data.crime_types:
        mine = [o for o in ops if o.crime_type == c.key]
        if not mine:
            findings.append(_at(c, "consistency", c.key, "no roundup of this crime type"))
        for o in mine:
            if o.paragraph != c.paragraph:
                findings.append(
                    _at(
                        o,
                        "consistency",
                        f"roundup {o.number}",
                        f"cites {o.paragraph}, but its crime type {c.key} is in {c.paragraph}",
                    )
                )
    return findings
