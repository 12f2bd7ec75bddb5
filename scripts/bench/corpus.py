"""The synthetic corpora of the scale benchmark: a copy of the project whose interview is there several
times over (every page of the interview repeated with every ID suffixed, in both languages, with its
data, translation state and source text), made in a folder of its own, never in the repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.bench.errors import BenchError
from scripts.bench.processes import environment
from scripts.core import documents
from scripts.core.config import nav_pages
from scripts.core.files import write_if_changed
from scripts.core.generated import sections
from scripts.core.languages import LANGS
from scripts.core.paths import COPY_IGNORE, ROOT
from scripts.text.blocks import ID_RE, parse_page

ATTR_ID_RE = re.compile(r"(\{:?\s*#)(" + ID_RE + r")(?=[\s}])")
DIV_ID_RE = re.compile(r'^(\s*<div\b[^>]*?\sid=")(' + ID_RE + r')(")')


def suffix_ids(text: str, suffix: str) -> str:
    """A page with every ID of its blocks suffixed (`{ #part1-a1-p2 }` -> `{ #part1-a1-p2-c2 }`, and the
    `id` of each `<div … markdown>`). Generated sections are left as they are: their content is the
    data's, and their links point at the pages they were made for."""
    lines = text.split("\n")
    generated: set[int] = set()  # the lines of generated sections, their markers included
    for section in sections(lines):
        generated.update(range(section.start, len(lines) if section.end is None else section.end + 1))
    out: list[str] = []
    for i, line in enumerate(lines):
        if i not in generated:
            line = ATTR_ID_RE.sub(lambda m: m.group(1) + m.group(2) + suffix, line)
            line = DIV_ID_RE.sub(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), line)
        out.append(line)
    return "\n".join(out)


def copy_records(doc: dict[str, Any], suffix: str) -> dict[str, list[dict[str, Any]]]:
    """One data file's records for a copy of the interview, every key and paragraph ID suffixed.

    The data counts the roundups and the crime types of one campaign (28 roundups, four crime types;
    scripts/checks/data.py holds the counts to them), so a copy adds none of either: its figures refer
    to the original crime types and roundups, and each figure counting a crime type's roundups lists
    them, which claims their mentions (飓风N号) in the copied paragraph as the roundups' own records
    claim them in the original."""
    roundups: dict[str, list[int]] = {}
    for op in doc.get("operations") or []:
        roundups.setdefault(op["crime_type"], []).append(op["number"])
    out: dict[str, list[dict[str, Any]]] = {}
    defaults = doc.get("defaults") or {}
    for record in doc.get("figures") or []:
        r = {**defaults, **record}  # a field that the file's defaults give refers to the original too
        c = dict(record)
        c["key"] = r["key"] + suffix
        if r.get("paragraph"):
            c["paragraph"] = r["paragraph"] + suffix
        if r.get("part_of"):
            c["part_of"] = r["part_of"] + suffix
        if r.get("share"):
            c["share"] = {k: (v + suffix if v else v) for k, v in r["share"].items()}
        if r.get("counts") == "operations" and r.get("crime_type") and not r.get("operations"):
            c["operations"] = sorted(roundups.get(r["crime_type"], []))
            if not c["operations"]:
                raise BenchError(f"cannot copy figure '{r['key']}': no roundup of '{r['crime_type']}' in its file")
        out.setdefault("figures", []).append(c)
    for kind in ("reasons", "campaigns"):
        for r in doc.get(kind) or []:
            out.setdefault(kind, []).append({**r, "key": r["key"] + suffix, "paragraph": r["paragraph"] + suffix})
    for r in doc.get("localities") or []:
        out.setdefault("localities", []).append(
            {
                **r,
                "key": r["key"] + suffix,
                "reasons": [x + suffix for x in r["reasons"]],
                "paragraphs": [x + suffix for x in r["paragraphs"]],
            }
        )
    return out


@dataclass(frozen=True)
class Corpus:
    root: Path
    copies: int
    pages: int  # Markdown pages, both languages
    paragraphs: int  # paragraphs, both languages


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    return dest


def interview_pages(root: Path) -> list[str]:
    """The pages of the navigation that hold text of the interview (not the glossary, not the data page)."""
    from scripts.generators import side_by_side as parallel

    return [p for p in nav_pages(root) if parallel.has_view(parse_page(root / "docs" / "zh" / p))]


def count_paragraphs(root: Path) -> tuple[int, int]:
    """(pages, paragraphs) of the navigation in both languages."""
    pages = paragraphs = 0
    for lang in LANGS:
        for page in nav_pages(root):
            path = root / "docs" / lang / page
            if path.exists():
                pages += 1
                paragraphs += sum(1 for b in parse_page(path) if b.kind == "paragraph")
    return pages, paragraphs


def make_corpus(dest: Path, copies: int, python: str = sys.executable) -> Corpus:
    """A project in `dest` whose interview is there `copies` times: the pages of the interview, with their
    data, translation state and source text, repeated with every ID suffixed `-cK` (K = 2…copies) and
    added to the navigation, each copy a section of its own (`cK`); then the generated tables, charts and
    downloads are made from the larger data with the project's own `python -m scripts tables` (which
    refuses data that fails a data check)."""
    if copies < 1:
        raise ValueError("a corpus holds the interview at least once")
    copy_project(dest)
    pages = interview_pages(dest)
    nav_lines: list[str] = []
    copied: list[str] = []  # the copies' pages, which the interview's document.yml lists too
    for k in range(2, copies + 1):
        suffix = f"-c{k}"
        nav_lines.append(f'  - "c{k}":\n')  # each copy a section of the navigation, as a further document is
        for page in pages:
            name = f"{Path(page).stem}{suffix}.md"
            for lang in LANGS:
                src = dest / "docs" / lang / page
                write_if_changed(dest / "docs" / lang / name, suffix_ids(src.read_text(encoding="utf-8"), suffix))
            nav_lines.append(f"    - {name}\n")
            copied.append(name)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = re.search(r"^nav:\n(?:  - .+\n)+", text, re.M)
    if not nav:
        raise BenchError("mkdocs.yml: no `nav:` list of pages to extend")
    write_if_changed(config, text[: nav.end()] + "".join(nav_lines) + text[nav.end() :])
    main = documents.main_document(dest)  # the copies are pages of the interview's document (its document.yml)
    if main is None:
        raise BenchError("no document at the language root (documents/*/document.yml) to copy")
    described = yaml.safe_load(main.path.read_text(encoding="utf-8"))
    described["pages"] += copied
    write_if_changed(main.path, yaml.safe_dump(described, allow_unicode=True, sort_keys=False, width=1000))
    # the source text: the interview again after itself, as the copies follow the pages in the navigation
    source = main.source
    write_if_changed(source, (source.read_text(encoding="utf-8").rstrip("\n") + "\n") * copies)
    state_path = main.state
    state = json.loads(state_path.read_text(encoding="utf-8"))
    recorded = dict(state["paragraphs"])
    for k in range(2, copies + 1):
        state["paragraphs"].update({f"{i}-c{k}": v for i, v in recorded.items()})
    write_if_changed(state_path, json.dumps(state, ensure_ascii=False, indent=1) + "\n")
    for path in sorted((dest / "data" / "figures").glob("*.yml")):
        original = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = dict(original)
        for k in range(2, copies + 1):
            for kind, records in copy_records(original, f"-c{k}").items():
                doc[kind] = doc[kind] + records
        if copies > 1:
            write_if_changed(path, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000))
    made = subprocess.run(
        [python, "-m", "scripts", "tables"], cwd=dest, capture_output=True, text=True, env=environment()
    )
    if made.returncode:
        raise BenchError(f"the corpus of {copies}x does not pass the data checks:\n{made.stdout}{made.stderr}")
    n_pages, n_paragraphs = count_paragraphs(dest)
    return Corpus(dest, copies, n_pages, n_paragraphs)
