"""A figure's texts as the tables and the downloads show them: its value, its change, its derived value
of the previous year. Plain text, never HTML: the templates escape it. (Roundups are named by their
document: scripts/figures/naming.py.)"""

from __future__ import annotations

from scripts.figures import formatting as display
from scripts.figures.derived import previous_year
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
    """The derived value of the previous year ('≈78.4万起'), or '' when the figure has none."""
    base = previous_year(f)
    if base is None:
        return ""
    return (display.zh_derived if lang == "zh" else display.en_derived)(base.value, f.unit)
