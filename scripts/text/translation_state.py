"""Translation state per paragraph: which English paragraphs are current, stale or missing.

For each English block the project records, in data/translation-state.json, a fingerprint of
the Chinese block it was translated from (sha256 of its normalised text). When the Chinese
changes, the fingerprint no longer matches and the English paragraph is stale until a
translator reviews it and records it again (`python -m scripts review ID …`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from scripts.core.config import nav_pages
from scripts.core.files import InputError, read_text, write_if_changed
from scripts.core.findings import Finding
from scripts.core.paths import DOCS, ROOT
from scripts.text.blocks import Block, load_language, normalize, parse_text

STATE = ROOT / "data" / "translation-state.json"


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Entry:
    id: str
    page: str
    status: str  # "translated" | "stale" | "missing"
    line: int = 0  # of the English block, or of the Chinese one when missing
    change: str = ""  # for a stale block: how the Chinese changed since it was translated


@dataclass
class PageStatus:
    page: str
    paragraphs: int = 0
    translated: int = 0
    stale: int = 0
    missing: int = 0
    entries: list[Entry] = field(default_factory=list)
    document: str = ""  # the document's slug

    @property
    def percent(self) -> float:
        return round(100 * self.translated / self.paragraphs, 1) if self.paragraphs else 100.0


def load_state(path: Path = STATE) -> dict[str, str]:
    """{block ID: fingerprint}; InputError (file and line) if the file is not the JSON `review` writes."""
    if not path.exists():
        return {}
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, err.lineno, f"malformed JSON: {err.msg}") from None
    paragraphs = data.get("paragraphs", {}) if isinstance(data, dict) else None
    if not isinstance(paragraphs, dict) or not all(isinstance(v, str) for v in paragraphs.values()):
        raise InputError(
            path, 1, 'expected {"paragraphs": {block ID: fingerprint, …}}: written by `python -m scripts review`'
        )
    return dict(paragraphs)


def save_state(state: dict[str, str], path: Path = STATE) -> None:
    body = {
        "_comment": "Written by `python -m scripts review`: the fingerprint of the Chinese text each "
        "English block was translated from. Do not edit by hand.",
        "paragraphs": dict(sorted(state.items())),
    }
    write_if_changed(path, json.dumps(body, ensure_ascii=False, indent=1) + "\n")


def text_blocks(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind != "container"]


def _old_text(root: Path, page: str, block_id: str, wanted: str) -> str | None:
    """The Chinese text of a block as it was when its fingerprint was recorded, from git history."""
    block = old_block(root, page, block_id, wanted)
    return block.text if block else None


def old_block(root: Path, page: str, block_id: str, wanted: str) -> Block | None:
    """The Chinese block as it was when its fingerprint `wanted` was recorded, from git history."""
    path = f"docs/zh/{page}"
    try:
        commits = subprocess.run(
            ["git", "log", "--format=%H", "--", path], cwd=root, capture_output=True, text=True, timeout=30
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    for commit in commits:
        show = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=root, capture_output=True, text=True)
        if show.returncode:
            continue
        try:
            blocks = parse_text(show.stdout, root / path)
        except ValueError:
            continue
        for b in blocks:
            if b.id == block_id and fingerprint(b.text) == wanted:
                return b
    return None


def describe_change(old: str | None, new: str) -> str:
    if old is None:
        return f"now reads '{new}' (the earlier text is not in this repository's history)"
    a, b = normalize(old), normalize(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            parts.append(f"'{a[i1:i2]}' -> '{b[j1:j2]}'")
        elif op == "delete":
            parts.append(f"removed '{a[i1:i2]}'")
        elif op == "insert":
            parts.append(f"added '{b[j1:j2]}'")
    return "; ".join(parts) or "white space or punctuation width only"


@dataclass(frozen=True)
class Part:
    """The pages of one document and the file of its translation state: the translation state keys on
    the document and the block's ID."""

    slug: str
    pages: list[str]
    state: Path


def parts(docs: Path = DOCS, state_path: Path | None = None) -> list[Part]:
    """Each document of the project at `docs`/.. with its pages and state; `state_path` stands for the
    state of the document at the language root. A folder without mkdocs.yml or documents is one document
    of all its Chinese pages."""
    root = docs.parent
    if not (root / "mkdocs.yml").exists():
        return [Part("", [p for p in nav_pages() if (docs / "zh" / p).exists()], state_path or STATE)]
    from scripts.core import documents

    found = documents.load(root)
    if not found:
        return [Part("", nav_pages(root), state_path or STATE)]
    return [
        Part(d.slug, documents.pages(d, root), state_path if state_path and d.folder == "" else d.state) for d in found
    ]


def status(docs: Path = DOCS, state_path: Path | None = None, with_changes: bool = True) -> list[PageStatus]:
    """Each page of each document: its blocks translated, stale and missing (an English block marked
    `.untranslated`, as `python -m scripts new` writes it, is missing)."""
    root = docs.parent
    report = []
    for part in parts(docs, state_path):
        state = load_state(part.state)
        zh_pages, en_pages = load_language("zh", docs, part.pages), load_language("en", docs, part.pages)
        for page in part.pages:
            if page not in zh_pages:
                continue
            ps = PageStatus(page, document=part.slug)
            en = {b.id: b for b in text_blocks(en_pages.get(page, [])) if not b.is_untranslated}
            for z in text_blocks(zh_pages[page]):
                ps.paragraphs += 1
                e = en.get(z.id)
                if e is None:
                    ps.missing += 1
                    ps.entries.append(Entry(z.id, page, "missing", z.line))
                elif state.get(z.id) == fingerprint(z.text):
                    ps.translated += 1
                    ps.entries.append(Entry(z.id, page, "translated", e.line))
                else:
                    ps.stale += 1
                    old = _old_text(root, page, z.id, state[z.id]) if with_changes and z.id in state else None
                    change = describe_change(old, z.text) if z.id in state else "never recorded as reviewed"
                    ps.entries.append(Entry(z.id, page, "stale", e.line, change))
            report.append(ps)
    return report


def stale_ids(docs: Path = DOCS, state_path: Path | None = None) -> set[tuple[str, str]]:
    """(page, block ID) of each stale English block: IDs are unique within a document, and so on a page."""
    return {
        (e.page, e.id) for ps in status(docs, state_path, with_changes=False) for e in ps.entries if e.status == "stale"
    }


def review(ids: list[str], docs: Path = DOCS, state_path: Path | None = None) -> list[str]:
    """Record the given blocks (all when `ids` is empty) as translated from the current Chinese. An ID
    that two documents use is named with its document: `SLUG:ID`."""
    found = parts(docs, state_path)
    blocks: list[tuple[dict[str, Block], set[str]]] = []
    index: dict[str, list[int]] = {}
    for n, part in enumerate(found):
        zh = {b.id: b for page in load_language("zh", docs, part.pages).values() for b in text_blocks(page)}
        en_pages = load_language("en", docs, part.pages).values()
        blocks.append((zh, {b.id for page in en_pages for b in text_blocks(page) if not b.is_untranslated}))
        for block_id in zh:
            index.setdefault(block_id, []).append(n)
            index.setdefault(f"{part.slug}:{block_id}", []).append(n)
    unknown = [i for i in ids if i not in index]
    if unknown:
        raise KeyError(f"no Chinese block with ID {', '.join(unknown)}")
    ambiguous = [i for i in ids if len(index[i]) > 1]
    if ambiguous:
        named = ", ".join(f"{found[n].slug}:{i}" for i in ambiguous for n in index[i])
        raise KeyError(f"{', '.join(ambiguous)} is in more than one document: name it with its document ({named})")
    wanted: dict[int, list[str]] = {}
    for i in ids:
        wanted.setdefault(index[i][0], []).append(i.rsplit(":", 1)[-1])
    untranslated = [i for i in ids if i.rsplit(":", 1)[-1] not in blocks[index[i][0]][1]]
    if untranslated:
        raise KeyError(f"no English block with ID {', '.join(untranslated)}: translate it first")
    done: list[str] = []
    for n, part in enumerate(found):
        if ids and n not in wanted:
            continue
        zh, en = blocks[n]
        state = load_state(part.state)
        todo = wanted[n] if ids else [i for i in zh if i in en]
        for block_id in todo:
            state[block_id] = fingerprint(zh[block_id].text)
        for block_id in [i for i in state if i not in zh]:
            del state[block_id]
        save_state(state, part.state)
        done += todo
    return ids or sorted(done)


def format_report(report: list[PageStatus]) -> str:
    lines = [f"{'page':<16}{'blocks':>8}{'translated':>12}{'stale':>7}{'missing':>9}{'complete':>10}"]
    for ps in (p for p in report if p.paragraphs):
        lines.append(
            f"{ps.page:<16}{ps.paragraphs:>8}{ps.translated:>12}{ps.stale:>7}{ps.missing:>9}{ps.percent:>9.1f}%"
        )
    total = PageStatus(
        "total", *(sum(getattr(p, k) for p in report) for k in ("paragraphs", "translated", "stale", "missing"))
    )
    lines.append(
        f"{'total':<16}{total.paragraphs:>8}{total.translated:>12}{total.stale:>7}{total.missing:>9}{total.percent:>9.1f}%"
    )
    lines += [str(f) for f in findings(report)]
    return "\n".join(lines)


def findings(report: list[PageStatus]) -> list[Finding]:
    """Each stale or missing translation of the report."""
    out = []
    for ps in report:
        for e in ps.entries:
            if e.status == "stale":
                out.append(
                    Finding(
                        f"docs/en/{e.page}", e.line, "stale", e.id, f"the Chinese changed since translation: {e.change}"
                    )
                )
            elif e.status == "missing":
                out.append(Finding(f"docs/zh/{e.page}", e.line, "missing", e.id, "no English translation"))
    return out


def to_json(report: list[PageStatus]) -> str:
    return json.dumps(
        [
            {
                **{k: v for k, v in asdict(ps).items() if k != "entries"},
                "percent": ps.percent,
                "stale_entries": [asdict(e) for e in ps.entries if e.status == "stale"],
                "missing_entries": [asdict(e) for e in ps.entries if e.status == "missing"],
            }
            for ps in report
            if ps.paragraphs
        ],
        ensure_ascii=False,
        indent=2,
    )
