"""The order of figures given "respectively": where the Chinese lists several figures after 分别
("交通事故和死亡人数分别下降32.81%和41.56%"), the English twin gives the same figures in the same order
before "respectively" ("fell 32.81% and 41.56%, respectively"). The numbers check compares figures as a
set; this one catches two of them swapped, which says something else of each.

A Chinese list is the figures from 分别 to the end of its clause; an English list, the figures right
before "respectively", joined only by commas and "and"/"or". The lists are paired by their figures:
an English list whose figures no Chinese list of the paragraph has is left to the numbers check.
"""

from __future__ import annotations

import re
from decimal import Decimal

from scripts.core.findings import Finding
from scripts.core.paths import rel
from scripts.text.blocks import Block
from scripts.text.quantities import Idioms, Quantity, chinese_quantities, english_quantities

Key = tuple[Decimal, bool]
ZH_LIST_RE = re.compile(r"分别")
ZH_CLAUSE_END_RE = re.compile(r"[。；，：！？]")
EN_LIST_RE = re.compile(r"\brespectively\b", re.IGNORECASE)
EN_JOIN_RE = re.compile(r"[\s,;]*(?:\b(?:and|or)\b)?[\s,]*")


def _key(q: Quantity) -> Key:
    return (q.value, q.percent)


def chinese_lists(text: str, idioms: Idioms | None = None) -> list[list[Quantity]]:
    """The figures of each 分别 of a Chinese text that lists two or more, in order."""
    quantities = chinese_quantities(text, idioms=idioms)
    lists = []
    for m in ZH_LIST_RE.finditer(text):
        end_m = ZH_CLAUSE_END_RE.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        listed = [q for q in quantities if m.end() <= q.start < end]
        if len(listed) >= 2:
            lists.append(listed)
    return lists


def english_lists(text: str, idioms: Idioms | None = None) -> list[list[Quantity]]:
    """The figures right before each "respectively" of an English text that lists two or more, in order."""
    quantities = english_quantities(text, idioms)
    lists = []
    for m in EN_LIST_RE.finditer(text):
        run: list[Quantity] = []
        pos = m.start()
        for q in reversed([q for q in quantities if q.end <= m.start()]):
            if not EN_JOIN_RE.fullmatch(text[q.end : pos]):
                break
            run.insert(0, q)
            pos = q.start
        if len(run) >= 2:
            lists.append(run)
    return lists


def check(zh: Block, en: Block, idioms: Idioms | None = None) -> list[Finding]:
    """A finding for each English list given "respectively" whose figures the Chinese lists (分别) in
    another order."""
    findings = []
    chinese = chinese_lists(zh.text, idioms)
    for listed in english_lists(en.text, idioms):
        keys = [_key(q) for q in listed]
        twin = next((c for c in chinese if sorted(_key(q) for q in c) == sorted(keys)), None)
        if twin is not None and [_key(q) for q in twin] != keys:
            findings.append(
                Finding(
                    rel(en.path),
                    en.line,
                    "numbers",
                    en.id,
                    "expected the figures before 'respectively' in the order the Chinese lists them (分别): "
                    f"{', '.join(q.text for q in twin)}, found {', '.join(q.text for q in listed)}",
                )
            )
    return findings
