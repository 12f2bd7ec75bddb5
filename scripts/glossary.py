"""The glossary (data/glossary.yml): loading, validation and term lookup."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .mdblocks import ROOT, rel

GLOSSARY = ROOT / "data" / "glossary.yml"
KINDS_ORDER = ("person", "publication", "institution", "campaign", "slogan", "legal", "crime", "place", "other")
KINDS = set(KINDS_ORDER)


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    kind: str
    variants: tuple[str, ...] = ()
    note: str = ""
    keep_chinese: bool = False  # the Chinese form may stand in English text
    wrong: tuple[str, ...] = ()  # renderings never to appear in the English twin of a paragraph with the term
    line: int = 0

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en, *self.variants)


class GlossaryError(ValueError):
    pass


class _LineLoader(yaml.SafeLoader):
    """Records the line of each mapping so that errors can name it."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
# The same with libyaml's parser, several times faster; a file it rejects is read again by the pure-Python
# parser above, whose error message the error gives (see scripts/data.py).
_FastLineLoader = type("_FastLineLoader", (getattr(yaml, "CSafeLoader", _LineLoader),), {})
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load(path: Path = GLOSSARY) -> list[Term]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a SafeLoader with libyaml's parser
    except yaml.YAMLError:
        try:
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            raise GlossaryError(f"{rel(path)}:{mark.line + 1 if mark else 1}: malformed YAML: {err}") from None
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for entry in (data or {}).get("terms", []):
        line = entry.pop("__line__", 0)
        where = f"{rel(path)}:{line}"
        unknown = set(entry) - {"zh", "en", "kind", "variants", "note", "keep_chinese", "wrong"}
        if unknown:
            raise GlossaryError(f"{where}: unknown field(s) {sorted(unknown)}")
        for key in ("zh", "en", "kind"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise GlossaryError(f"{where}: field '{key}' must be a non-empty string")
        if entry["kind"] not in KINDS:
            raise GlossaryError(f"{where}: kind '{entry['kind']}' is not one of {sorted(KINDS)}")
        if entry["zh"] in seen:
            raise GlossaryError(f"{where}: term '{entry['zh']}' already defined on line {seen[entry['zh']]}")
        seen[entry["zh"]] = line
        variants = entry.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise GlossaryError(f"{where}: 'variants' must be a list of strings")
        terms.append(Term(zh=entry["zh"], en=entry["en"], kind=entry["kind"], variants=tuple(variants),
                          note=entry.get("note", ""), keep_chinese=bool(entry.get("keep_chinese", False)), wrong=tuple(entry.get("wrong", ())), line=line))
    return terms


def terms_in(text: str, terms: list[Term]) -> list[Term]:
    """Glossary terms used in a Chinese text; a term inside a longer one found there does not count."""
    taken: list[tuple[int, int]] = []
    used: list[Term] = []
    for term in sorted(terms, key=lambda t: -len(t.zh)):
        start, hit = 0, False
        while (i := text.find(term.zh, start)) >= 0:
            span = (i, i + len(term.zh))
            if not any(a <= span[0] and span[1] <= b for a, b in taken):
                taken.append(span)
                hit = True
            start = i + 1
        if hit:
            used.append(term)
    return used


PAGE = "glossary.md"
PAGE_TEXT = {
    "zh": {"title": "术语表", "intro": "本版译文统一使用的术语与名称译法（由 data/glossary.yml 生成）。",
           "head": ("中文", "英文", "可接受的其他译法", "类别", "说明（英文）")},
    "en": {"title": "Glossary", "intro": "The renderings of recurring terms and names used throughout this translation (generated from data/glossary.yml).",
           "head": ("Chinese", "English", "Accepted variants", "Kind", "Note")},
}
KIND_NAMES = {
    "zh": {"person": "人名", "publication": "刊物", "institution": "机构", "campaign": "行动与系统", "slogan": "提法",
           "legal": "法律用语", "crime": "犯罪类型", "place": "地名", "other": "其他"},
    "en": {"person": "person", "publication": "publication", "institution": "institution", "campaign": "campaign or system",
           "slogan": "slogan", "legal": "legal term", "crime": "crime type", "place": "place", "other": "other"},
}


def _cell(text: str, lang: str | None = None) -> str:
    """A table cell; text in the other language than the page's is marked with its lang."""
    text = text.replace("|", "\\|").replace("\n", " ")
    return f'<span lang="{lang}">{text}</span>' if lang and text else text


def render_page(terms: list[Term], lang: str) -> str:
    """The glossary page of one language: wholly generated, so the block checks skip it."""
    t = PAGE_TEXT[lang]
    rows = [f"| {' | '.join(t['head'])} |", "|" + " --- |" * len(t["head"])]
    for term in sorted(terms, key=lambda x: (list(KINDS_ORDER).index(x.kind), x.en.lower())):
        other = "en" if lang == "zh" else None
        cells = [_cell(term.zh, "zh" if lang == "en" else None), _cell(term.en, other),
                 _cell(", ".join(term.variants), other), _cell(KIND_NAMES[lang][term.kind]), _cell(term.note, other)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join([
        f"# {t['title']} {{ #glossary .label }}",  # outside the generated section: MkDocs takes the page title from it
        "",
        "<!-- generated:glossary (generated by `python -m scripts glossary --write` from data/glossary.yml; do not edit) -->",
        "",
        t["intro"],
        "",
        *rows,
        "",
        "<!-- /generated:glossary -->",
        "",
    ])

