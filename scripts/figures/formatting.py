"""Figures written for each language: 65.5万起 / 655,000; 9.72亿元 / RMB 972 million;
同比下降38.2% / down 38.2% year on year.

Chinese figures are written the way the interview writes them (万 and 亿 for round values, plain
digits otherwise), English ones the way the English pages do (thousands separators, million and
billion for round values). Both read back to the same value through scripts/numbers.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scripts.text.quantities import fmt

WAN, YI = Decimal(10_000), Decimal(100_000_000)
MILLION, BILLION = Decimal(1_000_000), Decimal(1_000_000_000)


@dataclass(frozen=True)
class Unit:
    zh: tuple[str, ...]  # the measure words the text may use after the figure; the first is written
    en_one: str = ""  # English unit word; empty for counts, whose row label names what is counted
    en_many: str = ""
    en_prefix: str = ""


UNITS: dict[str, Unit] = {
    "case": Unit(("起",)),
    "person": Unit(("人", "名")),
    "item": Unit(("个",)),
    "type": Unit(("类",)),
    "operation": Unit(("次",)),
    "time": Unit(("次",)),
    "series": Unit(("串",)),
    "card": Unit(("张",)),
    "measure": Unit(("项",)),
    "batch": Unit(("批",)),
    "edition": Unit(("届",)),
    "year": Unit(("年",), "year", "years"),
    "hour": Unit(("小时",), "hour", "hours"),
    "tonne": Unit(("吨",), "ton", "tons"),
    "kilogram": Unit(("公斤",), "kilogram", "kilograms"),
    "yuan": Unit(("元",), en_prefix="RMB "),
    "percent": Unit(("%",), "%", "%"),
    "square-kilometre": Unit(("平方公里",), "square kilometer", "square kilometers"),
    "kilometre": Unit(("公里",), "kilometer", "kilometers"),
    "per-ten-thousand": Unit(("万分之",), "per 10,000", "per 10,000"),
}

# Qualifiers: where the Chinese puts them, and their English.
ZH_BEFORE = ("约", "近", "逾")
ZH_AFTER_NUMBER = ("多",)  # 80多个: between the figure and its measure word
ZH_AFTER_UNIT = ("以上", "左右")  # 20万起以上, 89%左右
EN_QUALIFIERS = {
    "约": ("about ", ""),
    "近": ("nearly ", ""),
    "逾": ("over ", ""),
    "多": ("more than ", ""),
    "以上": ("", " or more"),
    "左右": ("about ", ""),
}

AGAINST = {
    "previous-year": ("同比", " year on year"),
    "previous-three-years": ("同比前三年", " compared with the previous three years"),
    None: ("", ""),
}

_CN_DIGITS = "零一二三四五六七八九"


def plain(value: Decimal) -> str:
    """Digits without separators or trailing zeros: 65.50 -> '65.5'."""
    return f"{value.normalize():f}"


def zh_number(value: Decimal) -> str:
    """655000 -> '65.5万', 972000000 -> '9.72亿', 489415 -> '489415', 3368.1 -> '3368.1'."""
    if value >= YI and value % 1_000_000 == 0:
        return plain(value / YI) + "亿"
    if value >= WAN and value % 100 == 0:
        return plain(value / WAN) + "万"
    return plain(value)


def en_number(value: Decimal) -> str:
    """655000 -> '655,000', 972000000 -> '972 million', 302900000000 -> '302.9 billion'."""
    if value >= BILLION and value % 1_000_000 == 0:
        return fmt(value / BILLION) + " billion"
    if value >= MILLION and value % 1_000 == 0:
        return fmt(value / MILLION) + " million"
    return fmt(value)


def chinese_numeral(n: int) -> str:
    """13 -> '十三', 10 -> '十', 28 -> '二十八' (0 < n < 100)."""
    if not 0 < n < 100:
        raise ValueError(f"no Chinese numeral written for {n}")
    tens, ones = divmod(n, 10)
    return ((_CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


def step(value: Decimal) -> Decimal:
    """The last stated digit's place of a figure as the text writes it: 65.5万 -> 1000, 74.8 -> 0.1."""
    text = zh_number(value)
    scale = YI if text.endswith("亿") else WAN if text.endswith("万") else Decimal(1)
    number = text.rstrip("万亿")
    decimals = len(number.partition(".")[2])
    return scale / Decimal(10) ** decimals


def zh_value(value: Decimal, unit: str, qualifier: str | None = None) -> str:
    """The figure with its unit and qualifier: '近2000万元', '80多个', '20万起以上', '万分之十三'."""
    if unit == "per-ten-thousand":
        return (qualifier if qualifier in ZH_BEFORE else "") + "万分之" + chinese_numeral(int(value))
    before = qualifier if qualifier in ZH_BEFORE else ""
    middle = qualifier if qualifier in ZH_AFTER_NUMBER else ""
    after = qualifier if qualifier in ZH_AFTER_UNIT else ""
    return f"{before}{zh_number(value)}{middle}{UNITS[unit].zh[0]}{after}"


def en_value(value: Decimal, unit: str, qualifier: str | None = None) -> str:
    """The figure with its unit and qualifier: 'nearly RMB 20 million', 'more than 80', '71 tons'."""
    u = UNITS[unit]
    before, after = EN_QUALIFIERS.get(qualifier or "", ("", ""))
    number = en_number(value)
    if unit == "percent":
        return f"{before}{number}%{after}"
    word = u.en_one if value == 1 else u.en_many
    return f"{before}{u.en_prefix}{number}{' ' + word if word else ''}{after}"


def _percent(percent: Decimal) -> str:
    return f"{abs(percent):f}%"


def zh_change(percent: Decimal, against: str | None) -> str:
    """'同比下降16.46%', '下降32.81%', '同比前三年上升121%'."""
    return AGAINST[against][0] + ("上升" if percent > 0 else "下降") + _percent(percent)


def en_change(percent: Decimal, against: str | None) -> str:
    """'down 16.46% year on year', 'down 32.81%', 'up 121% compared with the previous three years'."""
    return ("up " if percent > 0 else "down ") + _percent(percent) + AGAINST[against][1]


def zh_derived(value: Decimal, unit: str) -> str:
    """A derived value, never to be taken for a stated one: '≈78.4万起'."""
    return "≈" + zh_value(value, unit)


def en_derived(value: Decimal, unit: str) -> str:
    return "≈" + en_value(value, unit)
