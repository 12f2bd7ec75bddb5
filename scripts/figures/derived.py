"""Values computed from stated ones, never stated themselves: the previous year's base of a year-on-year
change, dated by the figure's own period (its year minus one)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from scripts.figures import formatting as display
from scripts.figures.model import Figure


@dataclass(frozen=True)
class Derived:
    """A value computed from stated ones, never stated itself: the previous year's base of a year-on-year change."""

    value: Decimal  # rounded to the fewest significant digits (3 at least) that stay within [low, high]
    low: Decimal  # the range the rounding of the stated inputs allows
    high: Decimal
    year: int  # the year it is the value of: the figure's period minus one
    method: str = "value / (1 + change / 100)"


def round_significant(value: Decimal, digits: int = 3) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    quantum = Decimal(1).scaleb(exponent)
    return (value / quantum).quantize(Decimal(1)) * quantum


YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def period_year(f: Figure) -> int | None:
    """The year of a figure's period when its period is one year ('2016'), else None."""
    years = YEAR.findall(f.period.en) if f.period else []
    return int(years[0]) if len(years) == 1 else None


def previous_year(f: Figure) -> Derived | None:
    """The previous year's value implied by a value and its year-on-year change, with its possible range;
    None unless the figure states both and its period is one year."""
    year = period_year(f)
    if f.value is None or f.change is None or f.change.against != "previous-year" or year is None:
        return None
    half_value = display.step(f.value) / 2
    exponent = f.change.percent.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number, as the schema requires
    half_change = Decimal(1).scaleb(exponent) / 2
    corners = [
        (f.value + dv) / (1 + (f.change.percent + dc) / 100)
        for dv in (-half_value, half_value)
        for dc in (-half_change, half_change)
    ]
    central = f.value / (1 + f.change.percent / 100)
    low, high = min(corners).quantize(Decimal(1), ROUND_FLOOR), max(corners).quantize(Decimal(1), ROUND_CEILING)
    # as few significant digits (three at least) as keep the rounded value inside that range
    value = next(r for d in range(3, 30) if low <= (r := round_significant(central, d)) <= high)
    return Derived(value.normalize(), low, high, year - 1)
