"""Every generated file, built from the data: the pages with their generated sections filled, the charts
and the downloads; `generate` writes those that change, `check` reports those that differ."""

from __future__ import annotations

from pathlib import Path

from scripts.checks import data as datacheck
from scripts.core import documents, generated
from scripts.core.files import files_digest, write_if_changed
from scripts.core.languages import LANGS
from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import YamlError
from scripts.figures.model import Data, DataError, load
from scripts.generators import charts
from scripts.generators.downloads import DOWNLOADS, GENERATED_BY, export_csv, export_json, files
from scripts.generators.table_sections import SECTIONS, Context, section
from scripts.text.places import Places


class TablesError(ValueError):
    """Pages that cannot take the generated sections; str() has one `file:line: …` line per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def open_marker(name: str) -> str:
    files = ", ".join("data/figures/*.yml" if d == "*" else f"data/figures/{d}.yml" for d in SECTIONS[name].sources)
    return generated.open_marker(name, GENERATED_BY, files)


def close_marker(name: str) -> str:
    return generated.close_marker(name)


# --- pages ------------------------------------------------------------------------------------------------


def fill_page(text: str, path: Path, sections: dict[str, str], expected: list[str]) -> str:
    """The page with each generated section's content replaced; TablesError if a marker is wrong."""
    lines = text.split("\n")
    out: list[str] = []
    errors: list[str] = []
    found: list[str] = []

    def copy(start: int, end: int) -> None:
        """Lines outside the generated sections, as they are; a closing marker there closes nothing."""
        for i in range(start, end):
            if generated.CLOSE_RE.match(lines[i].strip()):
                errors.append(f"{rel(path)}:{i + 1}: [tables] '{lines[i].strip()}' closes no open generated section")
            out.append(lines[i])

    after = 0  # the first line after the last section
    for s in generated.sections(lines):
        copy(after, s.start)
        if s.end is None:
            errors.append(
                f"{rel(path)}:{s.start + 1}: [tables] generated section '{s.name}' is never closed "
                f"(add a line '{close_marker(s.name)}')"
            )
            after = len(lines)
            break
        if s.name not in sections:
            errors.append(
                f"{rel(path)}:{s.start + 1}: [tables] unknown generated section '{s.name}' "
                f"(known on this page: {', '.join(expected) or 'none'})"
            )
        elif s.name in found:
            errors.append(f"{rel(path)}:{s.start + 1}: [tables] generated section '{s.name}' appears twice")
        else:
            found.append(s.name)
            out += [open_marker(s.name), "", sections[s.name], "", close_marker(s.name)]
        after = s.end + 1
    copy(after, len(lines))
    for name in expected:
        if name not in found and not any(f"'{name}'" in e for e in errors):
            errors.append(
                f"{rel(path)}:1: [tables] generated section '{name}' is missing: add the lines "
                f"'{open_marker(name)}' and '{close_marker(name)}' (blank lines around) where it belongs"
            )
    if errors:
        raise TablesError(errors)
    return "\n".join(out)


# --- everything ----------------------------------------------------------------------------------------------


def placements(root: Path = ROOT, document: documents.Document | None = None) -> dict[str, list[str]]:
    """Which page carries which generated sections, in order: the `tables` of the document.yml of `document`
    (of each document with data when None: scripts/core/documents.py); a section that SECTIONS lacks is a
    YamlError there."""
    out: dict[str, list[str]] = {}
    for d in [document] if document else documents.with_data(root):
        unknown = sorted({n for names in d.tables.values() for n in names} - set(SECTIONS))
        if unknown:
            raise YamlError(
                [
                    f"{rel(d.path)}:1: tables: no generated section {', '.join(repr(n) for n in unknown)} "
                    f"(the sections: {', '.join(SECTIONS)})"
                ]
            )
        out.update({page: list(names) for page, names in d.tables.items()})
    return out


def outputs(data: Data, root: Path = ROOT) -> dict[Path, str]:
    """The full new content of every generated file of the data's document: pages with their sections,
    charts (in the charts folder beside its pages), downloads (its own prefix)."""
    docs = root / "docs"
    places = Places(docs, data.document)
    download_names = files(root, data.document)
    folder = data.document.folder if data.document else ""
    out: dict[Path, str] = {}
    errors: list[str] = []
    for lang in LANGS:
        for page, names in placements(root, data.document).items():
            path = docs / lang / page
            if not path.exists():
                errors.append(
                    f"{rel(path)}:1: [tables] page missing: it carries the generated sections {', '.join(names)}"
                )
                continue
            c = Context(data, lang, page, places, download_names)
            sections = {name: section(name, c) for name in names}
            try:
                out[path] = fill_page(path.read_text(encoding="utf-8"), path, sections, names)
            except TablesError as err:
                errors += err.errors
        for chart in charts.CHARTS:
            for name, text in chart.files(data, lang).items():
                out[docs / lang / folder / "charts" / name] = text
    out[docs / "zh" / DOWNLOADS / download_names["json"]] = export_json(data)
    for kind, text in export_csv(data).items():
        out[docs / "zh" / DOWNLOADS / download_names[kind]] = text
    if errors:
        raise TablesError(errors)
    return out


# `mkdocs serve` rebuilds on every saved page: the data it last loaded and held to the text, with a digest of
# everything that reading and checking it reads, is used again while that digest stays the same.
_checked: dict[tuple[Path, bool], tuple[str, Data]] = {}  # by data folder


def _inputs_digest(root: Path) -> str:
    """A digest of the data files, their schema, the navigation (mkdocs.yml) and the Chinese pages."""
    found = documents.with_data(root)
    return files_digest(
        [
            *sorted((root / "data" / "figures").glob("*.yml")),
            root / "data" / "figures.schema.json",
            root / "mkdocs.yml",
            *sorted(documents.folder(root).glob(f"*/{documents.FILE}")),  # tables, chart titles, not-data, idioms
            *sorted((root / "docs" / "zh").glob("*.md")),
            *(p for d in found if d.folder and d.data for p in sorted(d.data.glob("*.yml"))),
            *(p for d in found if d.folder for p in sorted((root / "docs" / "zh" / d.folder).glob("*.md"))),
        ],
        root,
    )


def checked_data(
    root: Path = ROOT,
    text_checks: bool = True,
    remember: bool = False,
    document: documents.Document | None = None,
    digest: str = "",
) -> Data:
    """The data of `document` (of the first document with data, the interview, when None), loaded and
    checked against that document's text; DataError if anything is wrong. With `remember`, the data of the
    last call is given again if nothing it was read or checked from has changed since (`digest`: the
    _inputs_digest of the project, when the caller has just made it)."""
    document = document or next(iter(documents.with_data(root)), None)
    data_dir = document.data if document and document.data else root / "data" / "figures"
    key = (data_dir, text_checks)
    digest = (digest or _inputs_digest(root)) if remember else ""
    if remember and key in _checked and _checked[key][0] == digest:
        return _checked[key][1]
    data = load(data_dir, root / "docs", root / "data" / "figures.schema.json")
    findings = datacheck.check(data, root / "docs") if text_checks else []
    if findings:
        raise DataError([str(f) for f in findings])
    if remember:
        _checked[key] = (digest, data)
    return data


def prepare(root: Path = ROOT, text_checks: bool = True, remember: bool = False) -> dict[Path, str]:
    """Load and check the data, then build every output; DataError or TablesError if anything is wrong.

    Without `text_checks` the data is only loaded and validated (schema, references), not held to
    the text: the build uses that, to fail on stale generated files and leave the text to the tests.
    """
    out: dict[Path, str] = {}
    found: list[documents.Document | None] = [*documents.with_data(root)] or [None]
    digest = _inputs_digest(root) if remember else ""  # of every document's inputs: made once, not once each
    for document in found:  # each document's data, held to its own text
        out.update(outputs(checked_data(root, text_checks, remember, document, digest), root))
    return out


def generate(root: Path = ROOT, remember: bool = False) -> list[Path]:
    """Write every generated file whose content changes; returns the files written. (`remember`: see
    checked_data; `mkdocs serve` uses it.)"""
    return [path for path, text in prepare(root, remember=remember).items() if write_if_changed(path, text)]


def _first_difference(old: str, new: str) -> tuple[int, str, str]:
    """The first line that differs, and a stretch of each version around the first differing character."""
    a, b = old.split("\n"), new.split("\n")
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    x, y = (a[i] if i < len(a) else ""), (b[i] if i < len(b) else "")
    at = next((k for k, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    start = max(0, at - 40)
    return i + 1, ("…" if start else "") + x[start : at + 40], ("…" if start else "") + y[start : at + 40]


def check(root: Path = ROOT, text_checks: bool = True) -> list[str]:
    """Every generated file that differs from what the data gives (as `cog --check` does)."""
    findings = []
    expected = prepare(root, text_checks)
    for path, text in expected.items():
        if not path.exists():
            findings.append(f"{rel(path)}:1: [tables] missing: run `{GENERATED_BY}`")
            continue
        current = path.read_text(encoding="utf-8")
        if current == text:
            continue
        line, found, wanted = _first_difference(current, text)
        name = generated.section_at(current.split("\n"), line - 1) if path.suffix == ".md" else None
        what = f"generated section '{name}'" if name else "generated content"
        findings.append(
            f"{rel(path)}:{line}: [tables] {what} differs from what the data gives: expected "
            f"'{wanted}', found '{found}'; run `{GENERATED_BY}`"
        )
    charts = sorted({f"{d.folder}/charts".lstrip("/") for d in documents.with_data(root)} or {"charts"})
    for lang in LANGS:
        for folder, pattern in [(c, "*.svg") for c in charts] + ([(DOWNLOADS, "*")] if lang == "zh" else []):
            for path in sorted((root / "docs" / lang / folder).glob(pattern)):
                if path not in expected:
                    findings.append(f"{rel(path)}:1: [tables] not generated from the data any more: remove it")
    return findings
