"""What every check reports: one `Finding` per problem, printed `file:line: [check] ID: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # as the project names it: docs/en/part1.md
    line: int  # 1-based
    check: str  # the check's name: numbers, glossary, links, …
    id: str  # the block, record or page the finding is about; "" when none
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: [{self.check}] "
        return where + (f"{self.id}: {self.message}" if self.id else self.message)
