"""A figure's texts as the tables and the downloads show them: its value, its change, its derived 2015
value, and a list of roundups. Plain text, never HTML: the templates escape it."""

from __future__ import annotations

from collections.abc import Sequence

from scripts.figures import formatting as display
from scripts.figures.derived import base_2015
from scripts.figures.model import Figure


def value_text(f: Figure, lang: str) -> str:
    if f.value is None:
        return "—"
    return (display.zh_value if lang == "zh" else display.en_value)(f.value, f.unit, f.qualifier)


def change_text(f: Figure, lang: str) -> str:
    if f.change is None:
        return "—"
    return (display.zh_change if lang == "zh" else display.en_change)(f.change.percent, f.change.against)


def derived_text(f: Figure, lang: str) -> str:
    """The derived 2015 value ('≈78.4万起'), or '' when the figure has none."""
    base = base_2015(f)
    if base is None:
        return ""
    return (display.zh_derived if lang == "zh" else display.en_derived)(base.value, f.unit)


def roundup_list(numbers: Sequence[int], lang: str) -> str:
    """'飓风1号、2号' / 'Hurricane Nos. 1, 2'."""
    if lang == "zh":
        return "飓风" + "、".join(f"{n}号" for n in numbers)
    return ("Hurricane No. " if len(numbers) == 1 else "Hurricane Nos. ") + ", ".join(str(n) for n in numbers)
