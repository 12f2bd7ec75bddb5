"""The house style that a machine can check (CONTRIBUTING.md, "House style"), in English text only.

* spelling: codespell, with its dictionary of British spellings (`en-GB_to_en-US`) and the settings of
  `[tool.codespell]` in pyproject.toml, run on the English text alone;
* quotes: no straight quote ' or " in text: curly quotes “…” and ‘…’, and ’ as the apostrophe;
* ranges: an en dash between two years or figures, never a hyphen (2014–2016).

English text is what readers read in English: the English pages (outside generated sections) with
their translator's notes; the English fields of data/glossary.yml (`en`, `variants`, `note`; not
`wrong`, which lists what must not be written) and of data/figures/*.yml (every `en`), which the
glossary pages, the tables and the tooltips show; and CONTRIBUTING.md outside code. Markdown and HTML
syntax, attribute values, IDs, file names, keys, comments and code are not text: they are blanked out
(column for column) before any rule looks at a line, so `table-honours` and `{ #part1-a1-p2 }` stay as
they are. A glossary variant may hold a straight apostrophe: it is there to match, not to be read.

Each finding reads `file:line: [style] ID: message`.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scripts.core.config import nav_pages
from scripts.core.findings import Finding
from scripts.core.generated import sections
from scripts.core.paths import ROOT
from scripts.core.yamlfile import Key, line_of, read_yaml
from scripts.text.blocks import parse_text

CHECK = "style"
# Markdown and HTML syntax in a line of a page: blanked out, so that only the text is checked.
SYNTAX_RE = re.compile(
    r"<!--.*?-->"  # comments
    r"|<[^>]*>"  # tags, with their attribute values
    r"|`[^`]*`"  # code
    r"|\{:?\s*[.#][^}]*\}"  # attribute lists: { #id .class }
    r"|\[\^[^\]]*\]:?"  # translator's note references and labels
    r"|(?<=\])\([^)]*\)"  # link targets
    r"|https?://\S+"  # bare addresses
)
FENCE_RE = re.compile(r"^\s*(```|~~~)")
QUOTE_RE = re.compile(r"['\"]")
RANGE_RE = re.compile(r"(?<![\w.,–-])(\d+(?:[.,]\d+)*)-(\d+(?:[.,]\d+)*)(?![\w–-])")
CODESPELL = "codespell_lib"  # the module `python -m` runs (isolated: no module of the project can stand in for it)
CODESPELL_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<word>\S+) ==> (?P<fix>.+)$")


class StyleError(ValueError):
    """The style check cannot run (codespell missing or failing); str() says why."""


@dataclass(frozen=True)
class Text:
    """A piece of English text and where it stands."""

    file: str  # as the project names it: docs/en/part1.md
    line: int
    id: str  # the block, term or record it belongs to
    text: str  # syntax blanked out
    quotes: bool = True  # whether the quote rule applies (not to glossary variants)


def blank(text: str) -> str:
    """`text` with its Markdown and HTML syntax replaced by spaces, column for column."""
    return SYNTAX_RE.sub(lambda m: " " * len(m.group(0)), text)


def page_texts(path: Path, name: str) -> Iterator[Text]:
    """The text of an English page, line by line, outside generated sections, with the block ID of each line."""
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    skip = {i for s in sections(lines) for i in range(s.start, (s.end if s.end is not None else len(lines)) + 1)}
    owner: dict[int, str] = {}  # 1-based line -> ID of the block it belongs to
    for block in parse_text(source, path):
        for i in range(block.line, block.line + block.markdown.count("\n") + 1):
            owner[i] = block.id
        for note in block.notes:
            owner[note.line] = block.id
    last = ""
    for number, line in enumerate(lines, 1):
        last = owner.get(number, last)
        if number - 1 not in skip and line.strip():
            yield Text(name, number, last, blank(line))


def markdown_texts(path: Path, name: str) -> Iterator[Text]:
    """The text of a Markdown document (CONTRIBUTING.md) outside code blocks, with the heading above each line."""
    fenced, heading = False, ""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if FENCE_RE.match(line):
            fenced = not fenced
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if not fenced and line.strip():
            yield Text(name, number, heading, blank(line))


def _english_fields(node: object, key: Key, record: str) -> Iterator[tuple[Key, str, str]]:
    """Every `en` string of a data file: (its path, the record's key, the text)."""
    if isinstance(node, dict):
        record = str(node.get("key", record))
        for k, v in node.items():
            if k == "en" and isinstance(v, str):
                yield (*key, k), record, v
            else:
                yield from _english_fields(v, (*key, k), record)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _english_fields(item, (*key, i), record)


def data_texts(path: Path, name: str) -> Iterator[Text]:
    """The English fields of a data file of the figures."""
    doc, lines = read_yaml(path)
    for key, record, text in _english_fields(doc, (), path.stem):
        yield Text(name, line_of(lines, key), record, text)


def glossary_texts(path: Path, name: str) -> Iterator[Text]:
    """The English of each term of the glossary: its rendering, variants and note (not its wrong renderings)."""
    doc, lines = read_yaml(path)
    terms = doc.get("terms", []) if isinstance(doc, dict) else []
    for i, term in enumerate(terms):
        if not isinstance(term, dict):
            continue
        zh = str(term.get("zh", ""))
        fields: list[tuple[Key, object, bool]] = [(("terms", i, "en"), term.get("en"), True)]
        fields += [(("terms", i, "variants", j), v, False) for j, v in enumerate(term.get("variants", []))]
        fields.append((("terms", i, "note"), term.get("note"), True))
        for key, value, quotes in fields:
            if isinstance(value, str):
                yield Text(name, line_of(lines, key), zh, value, quotes)


def english_texts(root: Path = ROOT) -> list[Text]:
    """Every piece of English text the house style applies to, in the order of the files."""
    texts: list[Text] = []
    for page in nav_pages(root):
        path = root / "docs" / "en" / page
        if path.exists():
            texts += page_texts(path, f"docs/en/{page}")
    texts += glossary_texts(root / "data" / "glossary.yml", "data/glossary.yml")
    for path in sorted((root / "data" / "figures").glob("*.yml")):
        texts += data_texts(path, f"data/figures/{path.name}")
    if (root / "CONTRIBUTING.md").exists():
        texts += markdown_texts(root / "CONTRIBUTING.md", "CONTRIBUTING.md")
    return texts


def _excerpt(text: str, start: int, end: int) -> str:
    """The words around `text[start:end]`: two before, the one it is in, two after."""
    words = list(re.finditer(r"\S+", text))
    at = [i for i, w in enumerate(words) if w.start() < end and start < w.end()]
    if not at:
        return text[start:end]
    return " ".join(w.group(0) for w in words[max(0, at[0] - 2) : at[-1] + 3])


def typography(t: Text) -> list[Finding]:
    """Straight quotes and hyphenated ranges in one piece of text."""
    findings = []
    if t.quotes:
        for m in QUOTE_RE.finditer(t.text):
            before, after = t.text[m.start() - 1 : m.start()], t.text[m.end() : m.end() + 1]
            if m.group(0) == "'" and before.isalpha() and after.isalpha():
                want = "’ for the apostrophe"
            else:
                want = "curly quotes “…” (‘…’ inside them), or ’ for an apostrophe"
            findings.append(
                Finding(
                    t.file,
                    t.line,
                    CHECK,
                    t.id,
                    f"straight quote {m.group(0)} in [{_excerpt(t.text, m.start(), m.end())}]: use {want}",
                )
            )
    for m in RANGE_RE.finditer(t.text):
        findings.append(
            Finding(
                t.file,
                t.line,
                CHECK,
                t.id,
                f"hyphen in the range [{m.group(0)}]: use an en dash, {m.group(1)}–{m.group(2)}",
            )
        )
    return findings


def spelling(texts: list[Text], root: Path = ROOT) -> list[Finding]:
    """codespell on the texts, with the settings of the project's pyproject.toml: each piece is written to a
    scratch file at its own line, and codespell's findings are told at the line of the real file."""
    with tempfile.TemporaryDirectory(prefix="style-") as tmp:
        by_file: dict[str, dict[int, list[Text]]] = {}
        for t in texts:
            by_file.setdefault(t.file, {}).setdefault(t.line, []).append(t)
        scratch: dict[str, str] = {}
        for i, (file, at) in enumerate(by_file.items()):
            path = Path(tmp) / f"{i}.txt"
            path.write_text(
                "\n".join(" ".join(t.text for t in at.get(n, [])) for n in range(1, max(at) + 1)) + "\n",
                encoding="utf-8",
            )
            scratch[str(path)] = file
        try:
            result = subprocess.run(
                [sys.executable, "-I", "-m", CODESPELL, *sorted(scratch)],
                cwd=root,  # codespell reads its settings from the project's pyproject.toml
                capture_output=True,
                text=True,
                timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise StyleError(f"style: codespell could not run: {err}") from None
    if result.returncode not in (0, 65):  # 65: it found misspellings
        problem = (result.stderr.strip() or result.stdout.strip()).splitlines()
        missing = f"No module named {CODESPELL}" in result.stderr
        raise StyleError(
            "style: codespell is not installed: `make setup` installs it (a development dependency)"
            if missing
            else "style: codespell failed with the settings of pyproject.toml [tool.codespell]: "
            + (problem[-1] if problem else f"exit code {result.returncode}")
        )
    findings = []
    for out in result.stdout.splitlines():
        m = CODESPELL_RE.match(out.strip())
        if not m or m.group("file") not in scratch:
            continue
        file, line = scratch[m.group("file")], int(m.group("line"))
        ids = by_file[file].get(line, [])
        findings.append(
            Finding(
                file,
                line,
                CHECK,
                ids[0].id if ids else "",
                f"'{m.group('word')}': write '{m.group('fix').strip()}' (codespell: American spelling, common misspellings)",
            )
        )
    return findings


def check(root: Path = ROOT) -> list[Finding]:
    """Every finding of the house style in the project at `root`, sorted by file and line."""
    texts = english_texts(root)
    findings = [f for t in texts for f in typography(t)] + spelling(texts, root)
    return sorted(set(findings))
