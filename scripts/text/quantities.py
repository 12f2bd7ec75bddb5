"""Quantities in Chinese and English text, normalised to values.

One normaliser serves the translation check (every figure of a Chinese paragraph in its
English twin) and the data check (every figure of the data stated in its paragraph).

Chinese: Arabic figures with multipliers (65.5万 = 655000, 9.72亿 = 972000000), percentages,
万分之十三, Chinese-numeral quantities before a measure word (两名, 十个, 七次, 三年来, 六成 = 60%),
operation numbers (飓风13号 = 13). English: thousands separators, thousand/million/billion,
percent, spelled-out numbers (two, ten, sixty, twenty-eight).

Ordinals rank, they do not count: 第三, 一是…五是, 十九大, 全国第一, "first", "19th" are not quantities.
Idioms that only look like numbers are of two kinds: those of the language (CHINESE_IDIOMS, ENGLISH_IDIOMS
here, each with its reason), and those of a document's text, in its document.yml (`idioms`, `named_values`,
`english_idioms`: scripts/core/documents.py). A check that knows the document passes its `Idioms`; by
default those of every document of the project apply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from scripts.core import documents
from scripts.core.paths import ROOT

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
ENGLISH_SCALES = {"thousand": Decimal(1_000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千"
# Measure words and nouns that make a Chinese numeral a quantity (两名, 十个, 七次, 三年来, 四类 …).
MEASURES = "名个次起项年人类批届级位种串条大方成倍股家所天月周"

# Idioms of the language that contain a numeral but state no quantity: (pattern, reason).
# A bare 一 before a measure word is never compared, nor is a bare English "one": Chinese 一
# is as often the article "a" (过去的一年, "the past year") as the number one.
CHINESE_IDIOMS: list[tuple[str, str]] = [
    (r"第[" + CN_NUMERAL + r"\d]+", "ordinal (第三, 第十二次): ranks, does not count"),
    (r"(?<![" + CN_NUMERAL + r"])[一二三四五六七八九十]是", "enumerator of a list (一是…六是)"),
]
ENGLISH_IDIOMS: list[tuple[str, str]] = [(r"P2P|no one|one another", "a name or a pronoun, not the number one")]


@dataclass(frozen=True)
class Idioms:
    """What is no quantity in a text: the language's idioms and a document's (its document.yml)."""

    chinese: re.Pattern[str]
    english: re.Pattern[str]
    named: dict[str, tuple[Decimal, ...]]  # names that state numbers without a measure word -> the values


def idioms_of(found: Sequence[documents.Document] = ()) -> Idioms:
    """The idioms of the language and of the documents `found`."""
    named = {name: values for d in found for name, values in d.named_values.items()}
    chinese = (
        [p for p, _ in CHINESE_IDIOMS] + [e.pattern for d in found for e in d.idioms] + [re.escape(n) for n in named]
    )
    english = [p for p, _ in ENGLISH_IDIOMS] + [e.pattern for d in found for e in d.english_idioms]
    return Idioms(
        re.compile("|".join(f"(?:{p})" for p in chinese)),
        re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in english) + r")\b", re.IGNORECASE),
        named,
    )


@cache
def project_idioms(root: Path = ROOT) -> Idioms:
    """The idioms of every document of the project at `root`, read once by a process."""
    return idioms_of(documents.load(root))


_CN_ARABIC_RE = re.compile(r"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)\s*(万|亿)?\s*(%|％)?(?![A-Za-z\d])")
_CN_PER_RE = re.compile(r"(万|千|百)分之([" + CN_NUMERAL + r"]+)")
_CN_NUMERAL_RE = re.compile(r"([" + CN_NUMERAL + r"]+)(?=[" + MEASURES + r"]|方面|大)")
_CN_CHENG_RE = re.compile(r"([一二三四五六七八九十])成(?![功为立])")

ENGLISH_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_NUMBER_RE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?:\s|-)(thousand|million|billion)\b)?"
    r"(\s?%|\s+percent\b|-percent\b)?"
    r"(?!\w)(?!,\d)"
)
_EN_WORD_RE = re.compile(
    r"\b(?:(" + _TENS + r")-(one|two|three|four|five|six|seven|eight|nine)|(" + "|".join(ENGLISH_WORDS) + r"))\b"
    r"(?:(?:\s|-)(thousand|million|billion)\b)?(\s?%|\s+percent\b)?",
    re.IGNORECASE,
)
_EN_ORDINAL_RE = re.compile(r"\b\d+(?:st|nd|rd|th)\b")


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    text: str
    start: int
    end: int
    percent: bool = False

    def __str__(self) -> str:
        return fmt(self.value) + ("%" if self.percent else "")


def fmt(value: Decimal) -> str:
    """A value as plain digits with thousands separators: 655000 -> '655,000'."""
    text = f"{value.normalize():f}"
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def chinese_numeral(text: str) -> int:
    """两 -> 2, 十 -> 10, 十二 -> 12, 二十八 -> 28, 一百零五 -> 105."""
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def chinese_quantities(text: str, *, ones: bool = False, idioms: Idioms | None = None) -> list[Quantity]:
    """Every quantity stated in a Chinese text, in order of appearance.

    With ``ones=True`` a bare 一 before a measure word (一名民警, 为期一年) is returned too, as 1:
    the data check looks there for a figure of the data that is 1. By default it is left out,
    since 一 is as often the article "a" (一批, 过去的一年).
    """
    found: list[Quantity] = []
    known = idioms or project_idioms()
    spans = [(m.start(), m.end()) for m in known.chinese.finditer(text)]
    for m in known.chinese.finditer(text):
        for value in known.named.get(m.group(0), ()):
            found.append(Quantity(value, m.group(0), m.start(), m.end()))
    work = _blank(text, spans)
    for m in _CN_PER_RE.finditer(work):
        base = {"万": 10_000, "千": 1_000, "百": 100}[m.group(1)]
        found.append(Quantity(Decimal(chinese_numeral(m.group(2))), m.group(0), m.start(), m.end()))
        found.append(Quantity(Decimal(base), m.group(0), m.start(), m.end()))
    work = _blank(work, [(m.start(), m.end()) for m in _CN_PER_RE.finditer(work)])
    for m in _CN_ARABIC_RE.finditer(work):
        value = Decimal(m.group(1)) * MULTIPLIERS.get(m.group(2) or "", Decimal(1))
        found.append(Quantity(value, m.group(0).strip(), m.start(), m.end(), percent=bool(m.group(3))))
    for m in _CN_CHENG_RE.finditer(work):
        found.append(Quantity(Decimal(DIGITS.get(m.group(1), 10) * 10), m.group(0), m.start(), m.end(), percent=True))
    work = _blank(work, [(m.start(), m.end()) for m in _CN_CHENG_RE.finditer(work)])
    for m in _CN_NUMERAL_RE.finditer(work):
        if m.group(1) == "一" and not ones:
            continue
        found.append(Quantity(Decimal(chinese_numeral(m.group(1))), m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda q: q.start)


def english_quantities(text: str, idioms: Idioms | None = None) -> list[Quantity]:
    """Every quantity stated in an English text, in order of appearance."""
    found: list[Quantity] = []
    work = _blank(text, [(m.start(), m.end()) for m in _EN_ORDINAL_RE.finditer(text)])
    known = idioms or project_idioms()
    work = _blank(work, [(m.start(), m.end()) for m in known.english.finditer(work)])
    for m in _EN_NUMBER_RE.finditer(work):
        value = Decimal(m.group(1).replace(",", "")) * ENGLISH_SCALES.get((m.group(2) or "").lower(), Decimal(1))
        found.append(Quantity(value, m.group(0).strip(), m.start(), m.end(), percent=bool(m.group(3))))
    for m in _EN_WORD_RE.finditer(work):
        if m.group(1):
            base = ENGLISH_WORDS[m.group(1).lower()] + ENGLISH_WORDS[m.group(2).lower()]
        elif m.group(3).lower() == "one":
            continue
        else:
            base = ENGLISH_WORDS[m.group(3).lower()]
        value = Decimal(base) * ENGLISH_SCALES.get((m.group(4) or "").lower(), Decimal(1))
        found.append(Quantity(value, m.group(0).strip(), m.start(), m.end(), percent=bool(m.group(5))))
    return sorted(found, key=lambda q: q.start)
