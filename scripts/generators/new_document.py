"""`python -m scripts new SLUG --source FILE [--title TITLE]`: a new document from a plain UTF-8 text.

It writes, under the project's root: the Chinese pages `docs/zh/SLUG/…` (blocks with IDs and turns, in the
interview's conventions: CONTRIBUTING.md), the English pages `docs/en/SLUG/…` with every block present and
marked `.untranslated` (the site shows a notice linking to the Chinese: scripts/plugin/reader.py), the
source kept for the fidelity check and an empty translation state in `documents/SLUG/`, its
`documents/SLUG/document.yml`, and its pages at the end of mkdocs.yml's `nav` (the text edited, its comments
kept). Everything is checked before anything is written: a refusal (InputError, file and line) writes
nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.core import documents
from scripts.core.config import ConfigLoader, nav_pages
from scripts.core.files import InputError, read_text, write_atomic
from scripts.core.paths import ROOT
from scripts.core.policy import for_root
from scripts.text import segment
from scripts.text.blocks import UNTRANSLATED, parse_text
from scripts.text.translation_state import save_state

SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SLUG_MAX = 40
# Names a document's folder cannot take: the site's own folders in each language.
RESERVED = {"zh", "en", "parallel", "assets", "downloads", "charts", "pagefind", "search", "documents"}
NOT_YET = "Not yet translated"  # scripts/plugin/reader.py turns it into a link to the Chinese


class SlugError(ValueError):
    """A slug that cannot name a document (it is no file's: str() says what is wrong)."""


def check_slug(slug: str, root: Path) -> None:
    if len(slug) > SLUG_MAX or not SLUG_RE.match(slug):
        raise SlugError(
            f"'{slug}' is not a safe slug: lower-case letters, digits and single hyphens, starting with a letter, "
            f"at most {SLUG_MAX} characters"
        )
    if slug in RESERVED:
        raise SlugError(f"the slug '{slug}' is a folder of the site itself: choose another")
    folder = documents.folder(root) / slug
    if folder.exists():
        raise InputError(folder / documents.FILE, 1, f"the slug '{slug}' is used already by a document")
    used = [p for p in nav_pages(root) if p.split("/")[0] in (slug, f"{slug}.md")]
    if used:
        lines = read_text(root / "mkdocs.yml").split("\n")
        n = next((i for i, line in enumerate(lines, 1) if used[0] in line), 1)
        raise InputError(root / "mkdocs.yml", n, f"the slug '{slug}' is used already by the page '{used[0]}' of `nav`")
    for lang in ("zh", "en"):
        for taken in (root / "docs" / lang / slug, root / "docs" / lang / f"{slug}.md"):
            if taken.exists():
                raise InputError(taken, 1, f"the slug '{slug}' is used already by this file")


def page_names(slug: str, pages: list[segment.Page]) -> list[str]:
    return [f"{slug}/index.md" if i == 1 else f"{slug}/part{i}.md" for i in range(1, len(pages) + 1)]


def render(page: segment.Page, number: int, keys: dict[str, str], lang: str) -> str:
    """One page in one language: the Chinese text, or every block marked as not yet translated."""
    zh = lang == "zh"
    head = f"part{number}"
    out = [f"# {page.heading} {{ #{head} }}" if zh else f"# {NOT_YET} {{ #{head} .{UNTRANSLATED} }}", ""]

    def paragraph(p: segment.Paragraph, block_id: str) -> list[str]:
        if not zh:
            return [f"{NOT_YET}.", f"{{ #{block_id} .{UNTRANSLATED} }}", ""]
        label = f"**{p.label}**{{ .speaker }}" if p.label else ""
        return [label + p.text, f"{{ #{block_id} }}", ""]

    turns = paragraphs = 0
    for block in page.blocks:
        if isinstance(block, segment.Turn):
            turns += 1
            turn_id = f"{head}-t{turns}"
            out += [f'<div class="turn" id="{turn_id}" data-speaker="{keys[block.speaker]}" markdown>', ""]
            for m, p in enumerate(block.paragraphs, 1):
                out += paragraph(p, f"{turn_id}-p{m}")
            out += ["</div>", ""]
        else:
            paragraphs += 1
            out += paragraph(block, f"{head}-p{paragraphs}")
    return "\n".join(out).rstrip("\n") + "\n"


def document_yml(slug: str, title: str, names: list[str], speakers: list[str], keys: dict[str, str], root: Path) -> str:
    base = documents.folder(root).relative_to(root).as_posix()
    body = {
        "title": {"zh": title},
        "source": f"{base}/{slug}/source.zh.txt",
        "folder": slug,
        "pages": names,
        "speakers": [{"key": keys[name], "label": {"zh": name}} for name in speakers],
        "translation_state": f"{base}/{slug}/translation-state.json",
    }
    head = (
        f"# Written by `python -m scripts new {slug}`; the document's own settings from now on (schema:\n"
        "# data/document.schema.json). Add `en:` to the title and to each speaker's label when they are translated.\n"
    )
    return head + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120)


def with_nav(text: str, slug: str, names: list[str]) -> str:
    """mkdocs.yml with the pages added at the end of its `nav`, every other line as it was."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), None)
    if start is None:
        raise InputError("mkdocs.yml", 1, "no `nav:` list to add the pages to")
    end = start + 1
    last = start
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "#")):
        if lines[end].strip() and not lines[end].lstrip().startswith("#"):
            last = end
        end += 1
    indent = re.match(r"^(\s*)", lines[last]).group(1) if last > start else "  "  # type: ignore[union-attr]
    added = [f"{indent}# {slug} (added by `python -m scripts new {slug}`)", *(f"{indent}- {n}" for n in names)]
    return "\n".join([*lines[: last + 1], *added, *lines[last + 1 :]])


def create(slug: str, source: Path, title: str | None = None, root: Path = ROOT) -> list[Path]:
    """Write the new document; return the files written. InputError, writing nothing, when it cannot."""
    check_slug(slug, root)
    text = read_text(source)
    pages = segment.segment(text, source)
    names = page_names(slug, pages)
    speakers = segment.speakers(pages)
    keys = {name: f"speaker-{i}" for i, name in enumerate(speakers, 1)}
    limits = for_root(root).limits
    outputs: dict[Path, str] = {}
    for number, (page, name) in enumerate(zip(pages, names, strict=True), 1):
        for lang in ("zh", "en"):
            path = root / "docs" / lang / name
            markdown = render(page, number, keys, lang)
            for block in parse_text(markdown, path):  # the text model reads it, or this is a bug
                if len(block.markdown) > limits["paragraph_chars"]:
                    line = next(p.line for p in _paragraphs(page) if p.text in block.markdown)
                    raise InputError(
                        source,
                        line,
                        f"a paragraph of {len(block.markdown)} characters: more than limits.paragraph_chars "
                        f"({limits['paragraph_chars']}, data/policy/allowlist.yml)",
                    )
            if len(markdown.encode("utf-8")) > limits["page_bytes"]:
                raise InputError(
                    source,
                    page.line,
                    f"the page from this heading is larger than limits.page_bytes ({limits['page_bytes']})",
                )
            outputs[path] = markdown
    folder = documents.folder(root) / slug
    outputs[folder / "source.zh.txt"] = text
    outputs[folder / documents.FILE] = document_yml(slug, title or pages[0].title, names, speakers, keys, root)
    config = with_nav(read_text(root / "mkdocs.yml"), slug, names)
    nav = yaml.load(config, Loader=ConfigLoader).get("nav")  # noqa: S506 (a SafeLoader with `!ENV` only)
    if not isinstance(nav, list) or [p for p in names if p not in _walk(nav)]:
        raise InputError(root / "mkdocs.yml", 1, "the pages could not be added to `nav`: add them by hand")
    for path, body in outputs.items():
        write_atomic(path, body.encode("utf-8"))
    save_state({}, folder / "translation-state.json")
    write_atomic(root / "mkdocs.yml", config.encode("utf-8"))
    return [*outputs, folder / "translation-state.json", root / "mkdocs.yml"]


def _paragraphs(page: segment.Page) -> list[segment.Paragraph]:
    return [p for b in page.blocks for p in (b.paragraphs if isinstance(b, segment.Turn) else [b])]


def _walk(nav: list[object]) -> list[str]:
    out: list[str] = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _walk(value) if isinstance(value, list) else [str(value)]
    return out
