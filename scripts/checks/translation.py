"""Checks of every English page against its Chinese twin, paragraph by paragraph.

1. alignment: the same blocks (IDs, kinds, heading levels, classes, speakers) in the same order;
2. numbers: the same quantities by value (see scripts/numbers.py);
3. direction: a figure that rose or fell in Chinese rises or falls in English;
4. glossary: where the Chinese uses a glossary term, the English uses its rendering or a variant;
5. leftovers: no Chinese characters or full-width punctuation in English text.

Each finding reads `file:line: [check] paragraph-id: expected …, found …`.
"""
from __future__ import annotations

import re
from pathlib import Path

from scripts.text import glossary as gl
from scripts.core.paths import DOCS, rel
from scripts.text.blocks import Block, load_language, page_path
from scripts.core.config import nav_pages
from scripts.text.quantities import Quantity, chinese_quantities, english_quantities, fmt

CN_UP, CN_DOWN = r"上升|增长|提高|增加|增幅", r"下降|减少|降低|缩减|下滑"
CN_DIRECTION_RE = re.compile(f"(?P<up>{CN_UP})|(?P<down>{CN_DOWN})")
CN_CLAUSE_RE = re.compile(r"[，。；！？：]")
EN_UP = r"rose|rise|rises|risen|rising|up|increased?|increases|increasing|higher|grew|grown|growth|climbed|raised"
EN_DOWN = r"fell|fall|falls|fallen|falling|down|decreased?|decreases|decreasing|declined?|declines|dropped|drop|lower|reduced|reduction"
EN_DIRECTION_RE = re.compile(rf"\b(?:(?P<up>{EN_UP})|(?P<down>{EN_DOWN}))\b", re.IGNORECASE)
EN_CLAUSE_RE = re.compile(r"[;:]|\.(?:\s|$)")
LEFTOVER_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")


def _direction_before(text: str, pos: int, clause_re: re.Pattern, direction_re: re.Pattern) -> str | None:
    starts = [m.end() for m in clause_re.finditer(text, 0, pos)]
    clause_start = starts[-1] if starts else 0
    hits = list(direction_re.finditer(text, clause_start, pos))
    return ("up" if hits[-1].group("up") else "down") if hits else None


def chinese_directions(text: str) -> dict[tuple, str]:
    """{(value, percent): 'up' | 'down'} for each figure the Chinese says rose or fell."""
    out = {}
    for q in chinese_quantities(text):
        d = _direction_before(text, q.start, CN_CLAUSE_RE, CN_DIRECTION_RE)
        if d:
            out[(q.value, q.percent)] = d
    return out


def english_direction(text: str, q: Quantity) -> str | None:
    d = _direction_before(text, q.start, EN_CLAUSE_RE, EN_DIRECTION_RE)
    if d:
        return d
    after = re.match(r"(?:\W+\w+){0,3}?\W+(\w+)", text[q.end:])  # "a 16.46% decrease"
    window = text[q.end:q.end + 40]
    m = EN_DIRECTION_RE.search(window)
    if m and not EN_CLAUSE_RE.search(window[:m.start()]) and len(window[:m.start()].split()) <= 3:
        return "up" if m.group("up") else "down"
    return None if after is None else None


def _key(q: Quantity) -> tuple:
    return (q.value, q.percent)


def _show(qs: list[Quantity]) -> str:
    return ", ".join(f"{q} ('{q.text}')" for q in qs) or "none"


def check_pair(zh: Block, en: Block, terms: list[gl.Term]) -> list[str]:
    """Numbers, direction, glossary and leftovers for one paragraph or heading."""
    where = f"{en.where()}: "
    findings: list[str] = []
    zq, eq = chinese_quantities(zh.text), english_quantities(en.text)
    zkeys, ekeys = {_key(q) for q in zq}, {_key(q) for q in eq}
    missing = [q for q in zq if _key(q) not in ekeys]
    extra = [q for q in eq if _key(q) not in zkeys]
    seen = set()
    missing = [q for q in missing if not (_key(q) in seen or seen.add(_key(q)))]
    if missing:
        findings.append(f"{where}[numbers] {en.id}: expected {_show(missing)} as in the Chinese, found {_show(extra) if extra else 'no such figure'}")
    elif extra:
        findings.append(f"{where}[numbers] {en.id}: expected no figure the Chinese lacks, found {_show(extra)}")
    for key, direction in chinese_directions(zh.text).items():
        for q in (q for q in eq if _key(q) == key):
            got = english_direction(en.text, q)
            if got != direction:
                findings.append(f"{where}[direction] {en.id}: expected {q} to be {direction} as in the Chinese, found {got or 'no direction'}")
    lowered = en.text.lower()
    for term in gl.terms_in(zh.text, terms):
        if not any(r.lower() in lowered for r in term.renderings):
            findings.append(f"{where}[glossary] {en.id}: expected '{term.en}' for {term.zh}"
                            + (f" (or {', '.join(repr(v) for v in term.variants)})" if term.variants else "")
                            + ", found none of them")
    allowed = [t.zh for t in terms if t.keep_chinese]
    rest = en.text
    for a in allowed:
        rest = rest.replace(a, "")
    leftovers = LEFTOVER_RE.findall(rest)
    if leftovers:
        findings.append(f"{where}[leftovers] {en.id}: expected no Chinese characters or full-width punctuation, found {' '.join(repr(x) for x in leftovers)}")
    return findings


def _shape(b: Block) -> tuple:
    return (b.kind, b.level, tuple(sorted(b.classes)), b.speaker)


def check_alignment(zh: list[Block], en: list[Block], en_path: Path) -> list[str]:
    findings: list[str] = []
    zh_ids, en_ids = [b.id for b in zh], [b.id for b in en]
    en_by_id = {b.id: b for b in en}
    zh_by_id = {b.id: b for b in zh}
    for i, b in enumerate(zh):
        if b.id not in en_by_id:
            before = next((en_by_id[p.id] for p in reversed(zh[:i]) if p.id in en_by_id), None)
            line = before.line if before else 1
            findings.append(f"{rel(en_path)}:{line}: [alignment] {b.id}: expected {b.kind} '{b.id}' ({b.where()}) after line {line}, found none")
    for b in en:
        if b.id not in zh_by_id:
            findings.append(f"{b.where()}: [alignment] {b.id}: expected no block the Chinese lacks, found {b.kind} '{b.id}'")
    common_zh = [i for i in zh_ids if i in en_by_id]
    common_en = [i for i in en_ids if i in zh_by_id]
    if common_zh != common_en:
        for want, got in zip(common_zh, common_en):
            if want != got:
                findings.append(f"{en_by_id[got].where()}: [alignment] {got}: expected '{want}' here as in the Chinese order, found '{got}'")
                break
    for b in en:
        z = zh_by_id.get(b.id)
        if z and _shape(z) != _shape(b):
            findings.append(f"{b.where()}: [alignment] {b.id}: expected {b.kind if z.kind == b.kind else z.kind} "
                            f"level={z.level} classes={list(z.classes)} speaker={z.speaker or '-'} as in {z.where()}, "
                            f"found level={b.level} classes={list(b.classes)} speaker={b.speaker or '-'}")
    return findings


def check(docs: Path = DOCS, glossary_path: Path = gl.GLOSSARY, pages: list[str] | None = None) -> list[str]:
    terms = gl.load(glossary_path)
    pages = nav_pages() if pages is None else pages
    zh_pages, en_pages = load_language("zh", docs, pages), load_language("en", docs, pages)
    findings: list[str] = []
    for page in pages:
        if page not in zh_pages:
            continue
        en_path = page_path("en", page, docs)
        if page not in en_pages:
            findings.append(f"{rel(en_path)}:1: [alignment] {page}: expected an English page, found none")
            continue
        zh, en = zh_pages[page], en_pages[page]
        findings += check_alignment(zh, en, en_path)
        en_by_id = {b.id: b for b in en}
        for z in zh:
            if z.kind != "container" and z.id in en_by_id:
                findings += check_pair(z, en_by_id[z.id], terms)
    return findings
