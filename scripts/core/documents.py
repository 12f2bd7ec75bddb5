"""The documents of the site: each a folder `documents/SLUG/` (the folder is the plugin's `documents`
option in mkdocs.yml) holding its `document.yml` (schema: data/document.schema.json): its title in each
language, its source text, its pages, its speakers, its translation state, its data. IDs are unique within
a document; the translation state, the fidelity check and the data key on the document and the ID."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from scripts.core.config import mkdocs_config, nav_pages
from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import Lines, YamlError, line_of, read_yaml, schema_errors

SCHEMA = ROOT / "data" / "document.schema.json"
FILE = "document.yml"
DEFAULT_FOLDER = "documents"
PLUGIN = "bilingual"


@dataclass(frozen=True)
class Speaker:
    key: str  # the `data-speaker` of a turn
    label: dict[str, str]  # language -> how a turn names the speaker


@dataclass(frozen=True)
class Reasoned:
    """An entry of a document's list of exceptions (`not_data`): a regular expression, why, and its line."""

    regex: re.Pattern[str]
    why: str
    file: str
    line: int

    @property
    def pattern(self) -> str:
        return self.regex.pattern


@dataclass(frozen=True)
class Document:
    slug: str
    path: Path  # its document.yml
    title: dict[str, str]
    source: Path
    folder: str  # of its pages under a language folder; "" at the language root
    pages: tuple[str, ...]  # relative to a language folder
    speakers: tuple[Speaker, ...]
    state: Path
    data: Path | None = None
    downloads: str = ""
    glossary: Path | None = None
    not_data: tuple[Reasoned, ...] = ()
    idioms: tuple[Reasoned, ...] = ()  # numerals of the Chinese that state no quantity
    english_idioms: tuple[Reasoned, ...] = ()  # words of the English that look like numbers and state none
    named_values: dict[str, tuple[Decimal, ...]] = field(default_factory=dict)
    tables: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page -> its generated sections
    charts: dict[str, dict[str, str]] = field(default_factory=dict)  # chart -> language -> title
    roundups: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> its naming (figures/naming.py)
    data_page: str = ""  # the page that carries every section of its data
    not_data_line: int = 1  # of the list in document.yml


def plugin_options(root: Path = ROOT) -> dict[str, Any]:
    """The options mkdocs.yml gives the plugin `bilingual` ({} when it names the plugin bare)."""
    for item in mkdocs_config(root).get("plugins") or []:
        if isinstance(item, dict) and PLUGIN in item:
            return dict(item[PLUGIN] or {})
    return {}


def folder(root: Path = ROOT) -> Path:
    """The folder of the documents (the plugin's option `documents`, default `documents`)."""
    return root / str(plugin_options(root).get("documents", DEFAULT_FOLDER))


def _read(path: Path, root: Path) -> tuple[Document, dict[str, int]]:
    doc, lines = read_yaml(path)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = schema_errors(doc, lines, rel(path), schema)
    if errors:
        raise YamlError(errors)
    assert isinstance(doc, dict)
    pages = tuple(doc["pages"])
    where = {page: line_of(lines, ("pages", i)) for i, page in enumerate(pages)}
    for page in pages:
        if doc["folder"] and not page.startswith(doc["folder"] + "/"):
            raise YamlError([f"{rel(path)}:{where[page]}: pages: '{page}' is not in the folder '{doc['folder']}/'"])
    if "data_page" in doc and doc["data_page"] not in pages:
        line = line_of(lines, ("data_page",))
        raise YamlError([f"{rel(path)}:{line}: data_page: '{doc['data_page']}' is not one of its pages"])
    return (
        Document(
            slug=path.parent.name,
            path=path,
            title=dict(doc["title"]),
            source=root / doc["source"],
            folder=doc["folder"],
            pages=pages,
            speakers=tuple(Speaker(s["key"], dict(s["label"])) for s in doc.get("speakers", [])),
            state=root / doc["translation_state"],
            data=root / doc["data"] if "data" in doc else None,
            downloads=doc.get("downloads", ""),
            glossary=root / doc["glossary"] if "glossary" in doc else None,
            not_data=_reasoned(doc, lines, "not_data", rel(path)),
            not_data_line=line_of(lines, ("not_data",)),
            idioms=_reasoned(doc, lines, "idioms", rel(path)),
            english_idioms=_reasoned(doc, lines, "english_idioms", rel(path)),
            named_values={k: tuple(Decimal(v) for v in vs) for k, vs in doc.get("named_values", {}).items()},
            tables={page: tuple(names) for page, names in doc.get("tables", {}).items()},
            charts={name: dict(titles) for name, titles in doc.get("charts", {}).items()},
            roundups={lang: dict(naming) for lang, naming in doc.get("roundups", {}).items()},
            data_page=doc.get("data_page", ""),
        ),
        where,
    )


def _reasoned(doc: dict[str, Any], lines: Lines, key: str, file: str) -> tuple[Reasoned, ...]:
    out = []
    for i, entry in enumerate(doc.get(key, [])):
        line = line_of(lines, (key, i))
        try:
            out.append(Reasoned(re.compile(entry["pattern"]), entry["why"], file, line))
        except re.error as err:
            raise YamlError([f"{file}:{line}: {key}[{i}].pattern: not a regular expression: {err}"]) from None
    return tuple(out)


def load(root: Path = ROOT) -> list[Document]:
    """Every document of the project at `root`, the one at the language root first, then by slug; YamlError
    (file and line) for a document.yml that breaks its schema, a page that two documents claim or that the
    navigation lacks."""
    paths = sorted(folder(root).glob(f"*/{FILE}"))
    key = (str(root), _bytes(root / "mkdocs.yml"), tuple((str(p), _bytes(p)) for p in paths))
    if key not in _loaded:
        _loaded.clear()  # the last set only: an edited file replaces it
        _loaded[key] = _load(paths, root)
    return list(_loaded[key])


# Most steps of a build or a check ask for the documents: each set of texts is read and validated once per
# process (the documents are immutable; a caller gets its own list).
_loaded: dict[tuple[str, bytes, tuple[tuple[str, bytes], ...]], list[Document]] = {}


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # reading it again reports it (read_yaml, mkdocs_config)


def _load(paths: list[Path], root: Path) -> list[Document]:
    found = [_read(path, root) for path in paths]
    nav = set(nav_pages(root))
    owner: dict[str, Document] = {}
    errors = []
    for document, lines in found:
        for page in document.pages:
            where = f"{rel(document.path)}:{lines[page]}: pages: '{page}'"
            if page in owner:
                errors.append(f"{where} is a page of {owner[page].slug} already")
            elif page not in nav:
                errors.append(f"{where} is not in mkdocs.yml `nav`")
            owner[page] = document
    if errors:
        raise YamlError(errors)
    return sorted((d for d, _ in found), key=lambda d: (d.folder != "", d.slug))


def pages(document: Document, root: Path = ROOT) -> list[str]:
    """The pages of a document in navigation order."""
    own = set(document.pages)
    return [p for p in nav_pages(root) if p in own]


def owner(page: str, documents: list[Document]) -> Document | None:
    return next((d for d in documents if page in d.pages), None)


def main_document(root: Path = ROOT) -> Document | None:
    """The document at the language root (the interview), if there is one."""
    return next((d for d in load(root) if d.folder == ""), None)


def with_data(root: Path = ROOT) -> list[Document]:
    """The documents that have data (document.yml `data`), the one at the language root first."""
    return [d for d in load(root) if d.data is not None]


def data_pages(root: Path = ROOT) -> list[str]:
    """The pages of the documents that have data, in navigation order: the IDs that data cites."""
    root = root if (root / "mkdocs.yml").exists() else ROOT
    found = load(root)
    own = {p for d in with_data(root) for p in d.pages}
    return [p for p in nav_pages(root) if p in own or not found]
