"""The references between records of the data: paragraph IDs, crime types, roundup numbers,
reasons and the keys of other figures, each resolved or reported as `file:line: field: message`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from scripts.figures.records import Keyed, Located, where

if TYPE_CHECKING:
    from scripts.figures.model import Data


def references(data: Data, paragraph_ids: set[str]) -> list[str]:
    errors: list[str] = []
    owners: dict[str, str] = {}
    figures = {f.key for f in data.figures}
    crime_types = {c.key for c in data.crime_types}
    reasons = {r.key for r in data.reasons}
    numbers: dict[int, str] = {}

    at = where

    def para(item: Located, pid: str, field_: str) -> None:
        if pid not in paragraph_ids:
            errors.append(
                f"{at(item)}: {field_}: unknown paragraph ID '{pid}' (no paragraph of the interview in docs/zh has it)"
            )

    keyed: list[tuple[str, Sequence[Keyed]]] = [
        ("figure", data.figures),
        ("crime type", data.crime_types),
        ("reason", data.reasons),
        ("locality", data.localities),
        ("campaign", data.campaigns),
    ]
    for kind, items in keyed:
        for item in items:
            if item.key in owners:
                errors.append(f"{at(item)}: key: duplicate key '{item.key}' (also {owners[item.key]})")
            else:
                owners[item.key] = f"{kind} at {at(item)}"
    for o in data.operations:
        if o.number in numbers:
            errors.append(f"{at(o)}: number: roundup {o.number} is listed twice (also {numbers[o.number]})")
        numbers[o.number] = at(o)
        para(o, o.paragraph, "paragraph")
        if o.crime_type not in crime_types:
            errors.append(f"{at(o)}: crime_type: unknown crime type '{o.crime_type}'")
    for c in data.crime_types:
        para(c, c.paragraph, "paragraph")
    for r in data.reasons:
        para(r, r.paragraph, "paragraph")
    for loc in data.localities:
        for pid in loc.paragraphs:
            para(loc, pid, "paragraphs")
        for reason in loc.reasons:
            if reason not in reasons:
                errors.append(f"{at(loc)}: reasons: unknown reason '{reason}'")
    for campaign in data.campaigns:
        para(campaign, campaign.paragraph, "paragraph")
    for f in data.figures:
        para(f, f.paragraph, "paragraph")
        if f.value is None and f.change is None:
            errors.append(f"{at(f)}: value: null is only for a figure whose change alone is stated (record '{f.key}')")
        if f.crime_type and f.crime_type not in crime_types:
            errors.append(f"{at(f)}: crime_type: unknown crime type '{f.crime_type}' (record '{f.key}')")
        for n in f.operations:
            if n not in numbers:
                errors.append(f"{at(f)}: operations: unknown roundup {n} (record '{f.key}')")
        for name, ref in [
            ("part_of", f.part_of),
            ("share.part", f.share and f.share[0]),
            ("share.whole", f.share and f.share[1]),
        ]:
            if ref and ref not in figures:
                errors.append(f"{at(f)}: {name}: unknown figure '{ref}' (record '{f.key}')")
        if f.share and f.unit != "percent":
            errors.append(f"{at(f)}: share: only a percentage is a share (record '{f.key}')")
    return errors
