"""The glossary (data/glossary.yml): loading, validation and term lookup."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import YamlError, line_of, read_yaml, schema_errors

GLOSSARY = ROOT / "data" / "glossary.yml"
SCHEMA_NAME = "glossary.schema.json"
# The kinds of term, in the order the glossary page lists them: the schema's own list.
KINDS_ORDER: tuple[str, ...] = tuple(
    json.loads((GLOSSARY.with_name(SCHEMA_NAME)).read_text(encoding="utf-8"))["$defs"]["term"]["properties"]["kind"][
        "enum"
    ]
)


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    kind: str
    variants: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()  # renderings that must not stand for it
    note: str = ""
    keep_chinese: bool = False  # the Chinese form may stand in English text
    tooltip: bool = False  # explained where it stands on the English pages (scripts/generators/abbreviations.py)
    line: int = 0

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.en, *self.variants)


class GlossaryError(ValueError):
    pass


def load(path: Path = GLOSSARY, schema_path: Path | None = None) -> list[Term]:
    """The glossary's terms, checked against data/glossary.schema.json (beside the glossary); GlossaryError
    names the file and line of every problem."""
    schema_path = schema_path or path.with_name(SCHEMA_NAME)
    try:
        doc, lines = read_yaml(path)
    except YamlError as err:
        raise GlossaryError(str(err)) from None
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = schema_errors(doc, lines, rel(path), schema)
    if errors:
        raise GlossaryError("\n".join(errors))
    assert isinstance(doc, dict)
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(doc["terms"]):
        line = line_of(lines, ("terms", i))
        if entry["zh"] in seen:
            raise GlossaryError(f"{rel(path)}:{line}: term '{entry['zh']}' already defined on line {seen[entry['zh']]}")
        seen[entry["zh"]] = line
        terms.append(
            Term(
                zh=entry["zh"],
                en=entry["en"],
                kind=entry["kind"],
                variants=tuple(entry.get("variants", [])),
                wrong=tuple(entry.get("wrong", [])),
                note=entry.get("note", ""),
                keep_chinese=bool(entry.get("keep_chinese", False)),
                tooltip=bool(entry.get("tooltip", False)),
                line=line,
            )
        )
    return terms


def with_document(shared: list[Term], path: Path | None, shared_path: Path = GLOSSARY) -> list[Term]:
    """The shared glossary and the terms a document adds (its document.yml `glossary`, in the glossary's
    format and schema); GlossaryError at the line of a term the shared glossary has already."""
    if path is None:
        return shared
    added = load(path, shared_path.with_name(SCHEMA_NAME))
    known = {t.zh: t for t in shared}
    twice = [
        f"{rel(path)}:{t.line}: term '{t.zh}' is in {rel(shared_path)}:{known[t.zh].line} already"
        for t in added
        if t.zh in known
    ]
    if twice:
        raise GlossaryError("\n".join(twice))
    return [*shared, *added]


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
