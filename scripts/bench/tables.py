"""The tables of the results: cells for times, ratios and sizes, Markdown tables, and the sections
(a title, a table, notes) that the results are made of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from scripts.bench.stats import Stat


def seconds(stat: Stat) -> tuple[str, str]:
    """(median, spread) cells for a time: '1.52 s', '1.48–1.61'."""
    digits = 2 if stat.high < 100 else 1
    return f"{stat.median:.{digits}f} s", f"{stat.low:.{digits}f}–{stat.high:.{digits}f} s"


def times(stat: Stat) -> tuple[str, str]:
    return f"{stat.median:.2f}×", f"{stat.low:.2f}–{stat.high:.2f}"


def kib(n: int) -> str:
    """A byte count as the tables show it: '12.3 KiB' (the JSON keeps bytes)."""
    return f"{n / 1024:.1f} KiB"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A Markdown table; `align` has one letter per column, 'l' or 'r' (default: first left, others right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    if len(align) != len(headers) or any(len(r) != len(headers) for r in rows):
        raise ValueError("every row needs one cell per header")

    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(cell(h) for h in headers) + " |",
        "|" + "".join(" --- |" if a == "l" else " ---: |" for a in align),
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


@dataclass
class Table:
    """One section of the results: a title, a table and notes under it."""

    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    align: str = ""

    def markdown(self) -> str:
        out = [f"#### {self.title}", "", markdown_table(self.headers, self.rows, self.align)]
        if self.notes:
            out += [""] + [f"{n}" for n in self.notes]
        return "\n".join(out)


def render(tables: Sequence[Table], header: str) -> str:
    return header + "\n\n" + "\n\n".join(t.markdown() for t in tables) + "\n"
