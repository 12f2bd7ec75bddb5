"""The synthetic corpora of the scale benchmark: a copy of the project in which the interview is there
several times over, each copy after the first a separate document of the site (its pages in a folder of
their own with every ID suffixed, in both languages, and its own document.yml, data, translation state and
source text), made in a folder of its own, never in the repository."""

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
MD_LINK_RE = re.compile(r"\]\((([a-z0-9][a-z0-9_-]*\.md)(?:#[^)\s]*)?)\)")  # [text](page.md#id)


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


def own_records(doc: Any, suffix: str) -> Any:
    """A data file for a copy of the interview that is a document of its own: every record as it is (its
    keys need only be unique within its document's data), every paragraph it cites (`paragraph`,
    `paragraphs`, of a record or of the file's defaults) suffixed as the copy's pages are."""
    if isinstance(doc, list):
        return [own_records(x, suffix) for x in doc]
    if not isinstance(doc, dict):
        return doc
    out = {k: own_records(v, suffix) for k, v in doc.items()}
    if isinstance(doc.get("paragraph"), str):
        out["paragraph"] = doc["paragraph"] + suffix
    if isinstance(doc.get("paragraphs"), list):
        out["paragraphs"] = [x + suffix for x in doc["paragraphs"]]
    return out


def up_links(text: str, own: set[str]) -> str:
    """A page moved one folder down: its Markdown links to pages that were not moved with it go up one."""
    return MD_LINK_RE.sub(lambda m: m.group(0) if m.group(2) in own else f"]({'../'}{m.group(1)})", text)


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
    """A project in `dest` whose interview is there `copies` times: the interview as it is, and each copy
    K = 2…copies a separate document `cK` of the site, as `python -m scripts new` makes one: the interview's
    pages with text and its data page in `docs/LANG/cK/` (URLs /cK/…, /en/cK/…), every ID suffixed `-cK`,
    listed at the end of mkdocs.yml's `nav`; its own `documents/cK/document.yml` (the interview's settings,
    with the copy's folder, pages and files), source text, translation state and data
    (`documents/cK/figures/`, the interview's records citing the copy's paragraphs). Then the generated
    tables, charts and downloads of every document are made with the project's own `python -m scripts
    tables` (which refuses data that fails a data check)."""
    if copies < 1:
        raise ValueError("a corpus holds the interview at least once")
    copy_project(dest)
    main = documents.main_document(dest)
    if main is None or main.data is None:
        raise BenchError("no document with data at the language root (documents/*/document.yml) to copy")
    pages = [*interview_pages(dest), *([main.data_page] if main.data_page else [])]
    described = yaml.safe_load(main.path.read_text(encoding="utf-8"))
    state = json.loads(main.state.read_text(encoding="utf-8"))
    base = documents.folder(dest)
    nav_lines: list[str] = []
    for k in range(2, copies + 1):
        slug, suffix = f"c{k}", f"-c{k}"
        own = base / slug
        names = [f"{slug}/{page}" for page in pages]
        for page, name in zip(pages, names, strict=True):
            for lang in LANGS:
                text = suffix_ids((dest / "docs" / lang / page).read_text(encoding="utf-8"), suffix)
                write_if_changed(dest / "docs" / lang / name, up_links(text, set(pages)))
        nav_lines += [
            f"  # {slug} (a copy of the interview: scripts/bench/corpus.py)\n",
            *(f"  - {n}\n" for n in names),
        ]
        where = own.relative_to(dest).as_posix()
        copy = {
            **described,
            "source": f"{where}/source.zh.txt",
            "folder": slug,
            "pages": names,
            "translation_state": f"{where}/translation-state.json",
            "data": f"{where}/figures",
            "downloads": f"{main.downloads or slug}-{slug}",
            "tables": {f"{slug}/{p}": v for p, v in described.get("tables", {}).items() if p in pages},
        }
        if main.data_page:
            copy["data_page"] = f"{slug}/{main.data_page}"
        write_if_changed(own / documents.FILE, yaml.safe_dump(copy, allow_unicode=True, sort_keys=False, width=1000))
        write_if_changed(own / "source.zh.txt", main.source.read_text(encoding="utf-8"))
        paragraphs = {f"{i}{suffix}": v for i, v in state["paragraphs"].items()}
        write_if_changed(
            own / "translation-state.json",
            json.dumps({**state, "paragraphs": paragraphs}, ensure_ascii=False, indent=1) + "\n",
        )
        for path in sorted(main.data.glob("*.yml")):
            records = own_records(yaml.safe_load(path.read_text(encoding="utf-8")), suffix)
            write_if_changed(
                own / "figures" / path.name, yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000)
            )
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = re.search(r"^nav:\n(?:  - .+\n)+", text, re.M)
    if not nav:
        raise BenchError("mkdocs.yml: no `nav:` list of pages to extend")
    write_if_changed(config, text[: nav.end()] + "".join(nav_lines) + text[nav.end() :])
    made = subprocess.run(
        [python, "-m", "scripts", "tables"], cwd=dest, capture_output=True, text=True, env=environment()
    )
    if made.returncode:
        raise BenchError(f"the corpus of {copies}x does not pass the data checks:\n{made.stdout}{made.stderr}")
    n_pages, n_paragraphs = count_paragraphs(dest)
    return Corpus(dest, copies, n_pages, n_paragraphs)
