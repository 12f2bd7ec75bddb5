"""How a document names its roundups (its document.yml `roundups`, schema data/document.schema.json):
one roundup ('飓风{n}号'), several ('飓风{items}', each item '{n}号' joined by '、'). The words are the
document's; this module only fills them in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Naming:
    """One language's names of roundups; the schema requires each placeholder exactly once."""

    one: str  # '{n}': a roundup's number
    many: str  # '{items}': the items joined by `separator`
    item: str  # '{n}'
    separator: str
    short_one: str = ""  # where the series goes without saying (a chart's notes): 'No. {n}'; else `one`
    short_many: str = ""  # 'Nos. {items}'; else `many`

    def name(self, number: int) -> str:
        """'飓风3号' / 'Hurricane No. 3'."""
        return self.one.format(n=number)

    def names(self, numbers: Sequence[int], short: bool = False) -> str:
        """'飓风1号、2号' / 'Hurricane Nos. 1, 2' (short: '1号、2号' / 'Nos. 1, 2'); one roundup by its own name."""
        one = (self.short_one if short else "") or self.one
        many = (self.short_many if short else "") or self.many
        if len(numbers) == 1:
            return one.format(n=numbers[0])
        return many.format(items=self.separator.join(self.item.format(n=n) for n in numbers))

    @property
    def around(self) -> tuple[str, str]:
        """What an item's text holds before and after its number: ('', '号')."""
        before, _, after = self.item.partition("{n}")
        return before, after


# A document that names no roundups: bare numbers (the language's own words, none of a document).
PLAIN = Naming("{n}", "{items}", "{n}", ", ")


def namings(raw: dict[str, dict[str, str]]) -> dict[str, Naming]:
    """Each language's Naming from a document's `roundups` (already checked against its schema)."""
    return {
        lang: Naming(d["one"], d["many"], d["item"], d["separator"], d.get("short_one", ""), d.get("short_many", ""))
        for lang, d in raw.items()
    }
