"""What every record of the data has: where it is defined, and (most) a key."""

from __future__ import annotations

from typing import Protocol


class Located(Protocol):
    """A record of a data file: where it is."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...


class Keyed(Located, Protocol):
    @property
    def key(self) -> str: ...


def where(item: Located) -> str:
    """`data/figures/headline.yml:12`: where a record is."""
    return f"{item.file}:{item.line}"
