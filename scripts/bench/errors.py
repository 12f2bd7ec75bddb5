"""The benchmark's one error."""

from __future__ import annotations


class BenchError(RuntimeError):
    """A step of the benchmark failed: a build or a check that must pass did not, a tool is missing."""
