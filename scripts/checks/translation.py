"""Checks of every English page against its Chinese twin, paragraph by paragraph.

1. alignment: the same blocks (IDs, kinds, heading levels, classes, speakers) in the same order;
2. numbers: the same quantities by value (see scripts/text/quantities.py), and those listed with
   分别 / "respectively" in the same order (scripts/checks/respectively.py);
3. direction: a figure that rose or fell in Chinese rises or falls in English;
4. glossary: where the Chinese uses a glossary term, the English uses its rendering or a variant;
5. leftovers: no Chinese characters or full-width punctuation in English text.

An English block marked `.untranslated` (a new document's, `python -m scripts new`) is aligned, but not yet
compared: `python -m scripts status` reports it missing.

Each finding (scripts/core/findings.py) reads `file:line: [check] paragraph-id: expected …, found …`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from scripts.checks import respectively
from scripts.core import documents
from scripts.core.config import nav_pages
from scripts.core.findings import Finding
from scripts.core.paths import DOCS, ROOT, rel
from scripts.text import glossary as gl
from scripts.text.blocks import UNTRANSLATED, Block, load_language, page_path, plain_text
from scripts.text.quantities import Idioms, Quantity, chinese_quantities, english_quantities, idioms_of

CN_UP, CN_DOWN = r"上升|增长|提高|增加|增幅", r"下降|减少|降低|缩减|下滑"
CN_DIRECTION_RE = re.compile(f"(?P<up>{CN_UP})|(?P<down>{CN_DOWN})")
CN_CLAUSE_RE = re.compile(r"[，。；！？：]")
EN_UP = r"rose|rise|rises|risen|rising|up|increased?|increases|increasing|higher|grew|grown|growth|climbed|raised"
EN_DOWN = r"fell|fall|falls|fallen|falling|down|decreased?|decreases|decreasing|declined?|declines|dropped|drop|lower|reduced|reduction"
EN_DIRECTION_RE = re.compile(rf"\b(?:(?P<up>{EN_UP})|(?P<down>{EN_DOWN}))\b", re.IGNORECASE)
EN_CLAUSE_RE = re.compile(r"[;:]|\.(?:\s|$)")
ZH_SPAN_RE = re.compile(r'<span lang="zh(?:-[A-Za-z]+)?">[^<]*</span>')
LEFTOVER_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")

Key = tuple[Decimal, bool]  # a quantity by value: (value, percent)
Shape = tuple[str, int, tuple[str, ...], str]  # what alignment compares besides the ID: kind, level, classes, speaker


def _direction_before(text: str, pos: int, clause_re: re.Pattern[str], direction_re: re.Pattern[str]) -> str | None:
    starts = [m.end() for m in clause_re.finditer(text, 0, pos)]
    clause_start = starts[-1] if starts else 0
    hits = list(direction_re.finditer(text, clause_start, pos))
    return ("up" if hits[-1].group("up") else "down") if hits else None


def chinese_directions(text: str, idioms: Idioms | None = None) -> dict[Key, str]:
    """{(value, percent): 'up' | 'down'} for each figure the Chinese says rose or fell."""
    out: dict[Key, str] = {}
    for q in chinese_quantities(text, idioms=idioms):
        d = _direction_before(text, q.start, CN_CLAUSE_RE, CN_DIRECTION_RE)
        if d:
            out[(q.value, q.percent)] = d
    return out


def english_direction(text: str, q: Quantity) -> str | None:
    """'up' or 'down' if the English says the figure rose or fell: before it in its clause, or
    within three words after it ("a 16.46% decrease"); None if it says neither."""
    d = _direction_before(text, q.start, EN_CLAUSE_RE, EN_DIRECTION_RE)
    if d:
        return d
    window = text[q.end : q.end + 40]
    m = EN_DIRECTION_RE.search(window)
    if m and not EN_CLAUSE_RE.search(window[: m.start()]) and len(window[: m.start()].split()) <= 3:
        return "up" if m.group("up") else "down"
    return None


def _key(q: Quantity) -> Key:
    return (q.value, q.percent)


def _show(qs: list[Quantity]) -> str:
    return ", ".join(f"{q} ('{q.text}')" for q in qs) or "none"


def _at(b: Block, check: str, message: str) -> Finding:
    """A finding about block `b`, at its file and line."""
    return Finding(rel(b.path), b.line, check, b.id, message)


def check_pair(zh: Block, en: Block, terms: list[gl.Term], idioms: Idioms | None = None) -> list[Finding]:
    """Numbers, direction, glossary and leftovers for one paragraph or heading (`idioms`: its document's)."""
    findings: list[Finding] = []
    zq, eq = chinese_quantities(zh.text, idioms=idioms), english_quantities(en.text, idioms)
    zkeys, ekeys = {_key(q) for q in zq}, {_key(q) for q in eq}
    first: dict[Key, Quantity] = {}  # each missing value once, where the Chinese first states it
    for q in zq:
        if _key(q) not in ekeys:
            first.setdefault(_key(q), q)
    missing = list(first.values())
    extra = [q for q in eq if _key(q) not in zkeys]
    if missing:
        findings.append(
            _at(
                en,
                "numbers",
                f"expected {_show(missing)} as in the Chinese, found {_show(extra) if extra else 'no such figure'}",
            )
        )
    elif extra:
        findings.append(_at(en, "numbers", f"expected no figure the Chinese lacks, found {_show(extra)}"))
    for key, direction in chinese_directions(zh.text, idioms).items():
        for q in (q for q in eq if _key(q) == key):
            got = english_direction(en.text, q)
            if got != direction:
                findings.append(
                    _at(
                        en,
                        "direction",
                        f"expected {q} to be {direction} as in the Chinese, found {got or 'no direction'}",
                    )
                )
    lowered = en.text.lower()
    for term in gl.terms_in(zh.text, terms):
        if not any(r.lower() in lowered for r in term.renderings):
            findings.append(
                _at(
                    en,
                    "glossary",
                    f"expected '{term.en}' for {term.zh}"
                    + (f" (or {', '.join(repr(v) for v in term.variants)})" if term.variants else "")
                    + ", found none of them",
                )
            )
    findings += _wrong_renderings(zh, en, terms)
    findings += respectively.check(zh, en, idioms)  # the order of figures listed with 分别 / "respectively"
    allowed = [t.zh for t in terms if t.keep_chinese]
    rest = plain_text(ZH_SPAN_RE.sub("", en.markdown))  # Chinese marked as such (<span lang="zh">) is meant
    for a in allowed:
        rest = rest.replace(a, "")
    leftovers = LEFTOVER_RE.findall(rest)
    if leftovers:
        findings.append(
            _at(
                en,
                "leftovers",
                "expected no Chinese characters or full-width punctuation, "
                f"found {' '.join(repr(x) for x in leftovers)}",
            )
        )
    return findings


def _wrong_renderings(zh: Block, en: Block, terms: list[gl.Term]) -> list[Finding]:
    """Each rendering the glossary calls wrong for a term of the Chinese, where it stands in the English
    twin (at its own line of the block)."""
    findings = []
    source = en.markdown.lower()
    for term in gl.terms_in(zh.text, terms):
        for wrong in term.wrong:
            at = source.find(wrong.lower())
            if at < 0:
                continue
            line = en.line + source.count("\n", 0, at)
            findings.append(
                Finding(
                    rel(en.path),
                    line,
                    "glossary",
                    en.id,
                    f"'{en.markdown[at : at + len(wrong)]}' is a wrong rendering of {term.zh}: use '{term.en}'"
                    + (f" ({term.note})" if term.note else ""),
                )
            )
    return findings


def _shape(b: Block) -> Shape:
    return (b.kind, b.level, tuple(sorted(c for c in b.classes if c != UNTRANSLATED)), b.speaker)


def check_alignment(zh: list[Block], en: list[Block], en_path: Path) -> list[Finding]:
    """The same blocks in the same order, each with the same kind, level, classes and speaker."""
    findings: list[Finding] = []
    zh_ids, en_ids = [b.id for b in zh], [b.id for b in en]
    en_by_id = {b.id: b for b in en}
    zh_by_id = {b.id: b for b in zh}
    for i, b in enumerate(zh):
        if b.id not in en_by_id:
            before = next((en_by_id[p.id] for p in reversed(zh[:i]) if p.id in en_by_id), None)
            line = before.line if before else 1
            findings.append(
                Finding(
                    rel(en_path),
                    line,
                    "alignment",
                    b.id,
                    f"expected {b.kind} '{b.id}' ({b.where()}) after line {line}, found none",
                )
            )
    for b in en:
        if b.id not in zh_by_id:
            findings.append(_at(b, "alignment", f"expected no block the Chinese lacks, found {b.kind} '{b.id}'"))
    common_zh = [i for i in zh_ids if i in en_by_id]
    common_en = [i for i in en_ids if i in zh_by_id]
    if common_zh != common_en:
        for want, got in zip(common_zh, common_en, strict=False):
            if want != got:
                findings.append(
                    _at(en_by_id[got], "alignment", f"expected '{want}' here as in the Chinese order, found '{got}'")
                )
                break
    for b in en:
        z = zh_by_id.get(b.id)
        if z and _shape(z) != _shape(b):
            findings.append(
                _at(
                    b,
                    "alignment",
                    f"expected {b.kind if z.kind == b.kind else z.kind} "
                    f"level={z.level} classes={list(z.classes)} speaker={z.speaker or '-'} as in {z.where()}, "
                    f"found level={b.level} classes={list(b.classes)} speaker={b.speaker or '-'}",
                )
            )
    return findings


def check(docs: Path = DOCS, glossary_path: Path = gl.GLOSSARY, pages: list[str] | None = None) -> list[Finding]:
    """Every finding of every English page of `pages` (default: the navigation's) against its Chinese twin."""
    terms = gl.load(glossary_path)
    pages = nav_pages() if pages is None else pages
    zh_pages, en_pages = load_language("zh", docs, pages), load_language("en", docs, pages)
    found = documents.load(docs.parent if (docs.parent / "mkdocs.yml").exists() else ROOT)
    findings: list[Finding] = []
    for page in pages:
        if page not in zh_pages:
            continue
        owner = documents.owner(page, found)
        idioms = idioms_of([owner] if owner else found)  # the numbers of its document's text
        page_terms = gl.with_document(terms, owner.glossary if owner else None, glossary_path)
        en_path = page_path("en", page, docs)
        if page not in en_pages:
            findings.append(Finding(rel(en_path), 1, "alignment", page, "expected an English page, found none"))
            continue
        zh, en = zh_pages[page], en_pages[page]
        findings += check_alignment(zh, en, en_path)
        en_by_id = {b.id: b for b in en}
        for z in zh:
            if z.kind != "container" and z.id in en_by_id and not en_by_id[z.id].is_untranslated:
                findings += check_pair(z, en_by_id[z.id], page_terms, idioms)
    return findings
