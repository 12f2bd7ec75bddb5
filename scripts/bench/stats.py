"""The statistics of the benchmark: the runs of a measurement, their median and spread, and the figures
derived from them (run-by-run ratios, seconds per thousand paragraphs, the cost of added paragraphs)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stat:
    """The runs of one measurement: median and spread (lowest to highest)."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    @property
    def spread(self) -> float:
        return self.high - self.low

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        return {
            "median": round(self.median, digits),
            "low": round(self.low, digits),
            "high": round(self.high, digits),
            "runs": len(self.samples),
            "samples": [round(s, digits) for s in self.samples],
        }


def summarize(samples: Sequence[float]) -> Stat:
    if not samples:
        raise ValueError("no samples to summarize")
    return Stat(tuple(float(s) for s in samples))


def ratio(numerators: Sequence[float], denominators: Sequence[float]) -> Stat:
    """The run-by-run ratios of two measurements taken in pairs (run i of each, one after the other)."""
    if len(numerators) != len(denominators):
        raise ValueError("ratios need paired runs")
    return summarize([n / d for n, d in zip(numerators, denominators, strict=True)])


def per_thousand(stat: Stat, count: int) -> Stat:
    """Seconds per thousand items (paragraphs) of each run."""
    return summarize([s * 1000 / count for s in stat.samples])


def marginal(results: Sequence[tuple[int, float]]) -> list[float | None]:
    """Seconds per thousand paragraphs added since the size before: [(paragraphs, seconds)] in growing order.
    Constant under linear growth; rising when the cost grows worse than linearly."""
    out: list[float | None] = [None]
    for (n0, t0), (n1, t1) in itertools.pairwise(results):
        out.append((t1 - t0) * 1000 / (n1 - n0) if n1 > n0 else None)
    return out
