"""Values computed from stated ones, never stated themselves: the 2015 base of a year-on-year change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from scripts.figures import formatting as display
from scripts.figures.model import Figure


@dataclass(frozen=True)
class Derived:
    """A value computed from stated ones, never stated itself: the 2015 base of a year-on-year change."""

    value: Decimal  # rounded to the fewest significant digits (3 at least) that stay within [low, high]
    low: Decimal  # the range the rounding of the stated inputs allows
    high: Decimal
    method: str = "value / (1 + change / 100)"


def round_significant(value: Decimal, digits: int = 3) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    quantum = Decimal(1).scaleb(exponent)
    return (value / quantum).quantize(Decimal(1)) * quantum


def base_2015(f: Figure) -> Derived | None:
    """The 2015 value implied by a 2016 value and its year-on-year change, with its possible range."""
    if f.value is None or f.change is None or f.change.against != "previous-year":
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
    return Derived(value.normalize(), low, high)
