"""One command line for every documentation chore: `python -m scripts COMMAND`.

Each check prints its findings as `file:line: [check] ID: message` and exits 1 when there are any,
2 when its input cannot be read; `check [SITE]` runs every static check in one process.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from scripts.checks.style import StyleError
from scripts.core import files
from scripts.core.files import InputError
from scripts.core.findings import Finding
from scripts.core.paths import ROOT
from scripts.core.yamlfile import YamlError
from scripts.figures.model import DataError
from scripts.generators.tables import TablesError
from scripts.text.blocks import FormatError
from scripts.text.glossary import GlossaryError

Findings = Sequence[Finding | str]
# Input that a check cannot read: reported as `file:line: what is wrong`, exit 2.
INPUT_ERRORS = (FormatError, GlossaryError, DataError, TablesError, YamlError, StyleError, InputError)


def _report(findings: Findings, what: str) -> int:
    for finding in findings:
        print(finding)
    if findings:
        print(f"{what}: {len(findings)} finding(s)", file=sys.stderr)
        return 1
    print(f"{what}: OK", file=sys.stderr)
    return 0


def cmd_fidelity(args: argparse.Namespace) -> int:
    from scripts.checks import fidelity

    return _report(fidelity.check(), "fidelity")


def cmd_translation(args: argparse.Namespace) -> int:
    from scripts.checks import translation

    return _report(translation.check(), "translation")


def glossary_pages(write: bool = False) -> list[Finding]:
    """Each glossary page, and the tooltips' abbreviations, that differ from what data/glossary.yml gives
    (written instead with `write`)."""
    from scripts.core.files import write_if_changed
    from scripts.core.paths import DOCS, ROOT, rel
    from scripts.generators import abbreviations, glossary_page
    from scripts.text import glossary

    terms = glossary.load()
    stale = []
    outputs = [
        (DOCS / lang / glossary_page.PAGE, glossary_page.render_page(terms, lang)) for lang in glossary_page.PAGE_TEXT
    ]
    outputs.append((ROOT / abbreviations.PATH, abbreviations.render(terms)))
    for path, text in outputs:
        if write:
            write_if_changed(path, text)
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(
                Finding(
                    rel(path),
                    1,
                    "generated",
                    "glossary",
                    "differs from what data/glossary.yml gives; run `python -m scripts glossary --write`",
                )
            )
    return stale


def cmd_glossary(args: argparse.Namespace) -> int:
    """Generate the glossary page of each language and the tooltips from data/glossary.yml, or check they are fresh."""
    return _report(glossary_pages(args.write), "glossary")


def cmd_changes(args: argparse.Namespace) -> int:
    """Generate the changes page of each language from data/changelog/*.yml, or check they are fresh."""
    from scripts.generators import changes_page

    return _report(changes_page.pages(args.write), "changes")


def cmd_style(args: argparse.Namespace) -> int:
    """The house style a machine can check in the English text: spelling (codespell), quotes, ranges."""
    from scripts.checks import style

    return _report(style.check(), "style")


def cmd_status(args: argparse.Namespace) -> int:
    """Translation state per page; exits 1 when a translation is stale or missing."""
    from scripts.text import translation_state as state

    report = state.status()
    print(state.to_json(report) if args.json else state.format_report(report))
    return 1 if any(ps.stale or ps.missing for ps in report) else 0


def cmd_review(args: argparse.Namespace) -> int:
    """Record English blocks as reviewed against the current Chinese."""
    from scripts.text import translation_state as state

    if not args.ids and not args.all:
        print("review: name the IDs you reviewed, or --all", file=sys.stderr)
        return 2
    try:
        done = state.review(args.ids)
    except KeyError as err:
        print(f"review: {err.args[0]}", file=sys.stderr)
        return 2
    print(f"review: recorded {len(done)} block(s) as current in data/translation-state.json", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """A new document from a plain UTF-8 text (scripts/generators/new_document.py); refuses, writing nothing,
    what it cannot segment, a slug in use or unsafe, a file that is not UTF-8."""
    from scripts.core.paths import rel
    from scripts.generators import new_document

    try:
        written = new_document.create(args.slug, Path(args.source), args.title)
    except new_document.SlugError as err:
        print(f"new: {err}; nothing was written", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {rel(path)}")
    print(
        f"new: document '{args.slug}' with {len(written) - 4} page file(s); `python -m scripts status` lists "
        "what is to translate",
        file=sys.stderr,
    )
    return 0


def cmd_safety(args: argparse.Namespace) -> int:
    from scripts.checks import safety

    findings = safety.check_markdown() + (safety.check_html(Path(args.site)) if args.site else [])
    return _report(findings, "safety")


def cmd_workflows(args: argparse.Namespace) -> int:
    from scripts.checks import workflows

    return _report(workflows.check(), "workflows")


def cmd_policy(args: argparse.Namespace) -> int:
    """mkdocs.yml against the build allowlist; with --base, each change of the allowlists since that commit."""
    from scripts.checks import build_policy

    return _report(build_policy.check() + (build_policy.changes_since(args.base) if args.base else []), "policy")


def cmd_symlinks(args: argparse.Namespace) -> int:
    from scripts.checks import symlinks

    return _report(symlinks.check() + (symlinks.check(Path(args.site)) if args.site else []), "symlinks")


def cmd_limits(args: argparse.Namespace) -> int:
    from scripts.checks import limits

    return _report(limits.check() + (limits.check_site(Path(args.site)) if args.site else []), "limits")


def cmd_links(args: argparse.Namespace) -> int:
    from scripts.checks import site_links as sitecheck

    return _report(sitecheck.check_links(Path(args.site)), "links")


def cmd_offline(args: argparse.Namespace) -> int:
    from scripts.checks import site_links as sitecheck

    return _report(sitecheck.check_offline(Path(args.site)), "offline")


def cmd_data(args: argparse.Namespace) -> int:
    from scripts.checks import data as datacheck

    return _report(datacheck.check_all(), "data")


def cmd_tables(args: argparse.Namespace) -> int:
    from scripts.generators import tables

    if args.check:
        return _report(tables.check(), "tables")
    written = tables.generate()
    for path in written:
        print(f"wrote {path.relative_to(tables.ROOT)}")
    print(f"tables: {len(written)} file(s) written, every other generated file unchanged", file=sys.stderr)
    return 0


def _static_checks() -> dict[str, tuple[Callable[[Path | None], Findings], bool]]:
    """Every static check: name -> (findings for an optional built site, whether it needs the site)."""
    from scripts.checks import (
        build_policy,
        fidelity,
        ids,
        lang_marks,
        limits,
        safety,
        search_index,
        site_links,
        style,
        symlinks,
        translation,
        workflows,
    )
    from scripts.checks import data as datacheck
    from scripts.generators import changes_page, tables
    from scripts.text import translation_state

    return {
        "fidelity": (lambda site: fidelity.check(), False),
        "translation": (lambda site: translation.check(), False),
        "ids": (lambda site: ids.check(), False),
        "glossary": (lambda site: glossary_pages(), False),
        "changes": (lambda site: changes_page.pages(), False),
        "style": (lambda site: style.check(), False),
        "status": (lambda site: translation_state.findings(translation_state.status()), False),
        "data": (lambda site: datacheck.check_all(), False),
        "tables": (lambda site: tables.check(), False),
        "safety": (lambda site: [*safety.check_markdown(), *(safety.check_html(site) if site else [])], False),
        "workflows": (lambda site: workflows.check(), False),
        "policy": (lambda site: build_policy.check(), False),
        "symlinks": (lambda site: [*symlinks.check(), *(symlinks.check(site) if site else [])], False),
        "limits": (lambda site: [*limits.check(), *(limits.check_site(site) if site else [])], False),
        "links": (lambda site: site_links.check_links(site) if site else [], True),
        "offline": (lambda site: site_links.check_offline(site) if site else [], True),
        "lang": (lambda site: lang_marks.check_html(site) if site else [], True),
        "search": (lambda site: search_index.check(site) if site else [], True),
    }


def cmd_check(args: argparse.Namespace) -> int:
    """Every static check in one process; with SITE, the checks of a built site too."""
    site = Path(args.site) if args.site else None
    if site is not None and not (site / "index.html").is_file():
        print(f"check: {site} is not a built site (no index.html): run `make build` first", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    unreadable = False
    for err in files.unreadable(ROOT):  # every check reads these: none runs on a file it cannot read
        print(f"{err}", file=sys.stderr)
        unreadable = True
    if unreadable:
        print("check: input cannot be read", file=sys.stderr)
        return 2
    for name, (run, needs_site) in _static_checks().items():
        if needs_site and site is None:
            continue
        try:
            findings = run(site)
        except INPUT_ERRORS as err:
            print(f"{err}", file=sys.stderr)
            print(f"check: {name}: input cannot be read", file=sys.stderr)
            unreadable = True
            continue
        for finding in findings:
            print(finding)
        counts[name] = len(findings)
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    total = sum(counts.values())
    print(f"check: {total} finding(s) ({summary})" if total else f"check: OK ({summary})", file=sys.stderr)
    return 2 if unreadable else (1 if total else 0)


def cmd_bench(args: argparse.Namespace) -> int:
    from scripts import bench

    try:
        return bench.command(args)
    except bench.BenchError as err:
        print(f"bench: {err}", file=sys.stderr)
        return 2


def _stop_on_signals() -> None:
    """TERM and HUP end a command as Ctrl-C does, by an exception: the atomic writer then removes its
    temporary file (scripts/core/files.py), and the exit code is 128 + the signal's number."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="every static check in one process (with SITE, a built site's checks too)")
    p.add_argument("site", nargs="?", help="a built site folder, e.g. site")
    p.set_defaults(func=cmd_check)
    sub.add_parser("fidelity", help="the Chinese pages against source/interview.zh.txt").set_defaults(func=cmd_fidelity)
    sub.add_parser("translation", help="every English page against its Chinese twin").set_defaults(func=cmd_translation)
    p = sub.add_parser(
        "glossary", help="the glossary pages and tooltips from data/glossary.yml (checks freshness unless --write)"
    )
    p.add_argument("--write", action="store_true", help="write the pages instead of checking them")
    p.set_defaults(func=cmd_glossary)
    p = sub.add_parser("changes", help="the changes pages from data/changelog/*.yml (checks freshness unless --write)")
    p.add_argument("--write", action="store_true", help="write the pages instead of checking them")
    p.set_defaults(func=cmd_changes)
    sub.add_parser(
        "style", help="house style of the English text: American spelling (codespell), curly quotes, en dashes"
    ).set_defaults(func=cmd_style)
    p = sub.add_parser("status", help="translation state per page: translated, stale, missing")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("review", help="record English blocks as reviewed against the current Chinese")
    p.add_argument("ids", nargs="*", help="block IDs, e.g. part1-a1-p2")
    p.add_argument("--all", action="store_true", help="every block that has an English twin")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("new", help="a new document from a plain UTF-8 text: its pages, source, state, navigation")
    p.add_argument("slug", help="the document's folder and URL segment: lower-case letters, digits, hyphens")
    p.add_argument("--source", required=True, help="the text: one paragraph a line, headings, turns `NAME:`")
    p.add_argument("--title", help="the document's Chinese title (default: its first heading)")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser(
        "safety", help="pages hold only what the content allowlist names (data/policy/allowlist.yml), and a built site"
    )
    p.add_argument("site", nargs="?", help="also check this built site folder")
    p.set_defaults(func=cmd_safety)
    p = sub.add_parser("policy", help="mkdocs.yml against the build allowlist (plugins, extensions, hooks …)")
    p.add_argument("--base", help="also report each change of data/policy/ since this commit (a pull request's base)")
    p.set_defaults(func=cmd_policy)
    for name, func, text in [
        ("symlinks", cmd_symlinks, "no symbolic link in the project (nothing from outside the repository)"),
        ("limits", cmd_limits, "the size of every paragraph and page within data/policy/allowlist.yml `limits`"),
    ]:
        p = sub.add_parser(name, help=text)
        p.add_argument("site", nargs="?", help="also check this built site folder")
        p.set_defaults(func=func)
    sub.add_parser("workflows", help="CI workflow policy: pinned actions, permissions, README commands").set_defaults(
        func=cmd_workflows
    )
    for name, func, text in [
        ("links", cmd_links, "internal links, anchors and language twins of a built site"),
        ("offline", cmd_offline, "no request from a built site to another host"),
    ]:
        p = sub.add_parser(name, help=text)
        p.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
        p.set_defaults(func=func)
    sub.add_parser("data", help="the data (data/figures/) against its schema and the Chinese text").set_defaults(
        func=cmd_data
    )
    p = sub.add_parser("tables", help="generate the tables, charts and downloads from the data")
    p.add_argument("--check", action="store_true", help="write nothing; report each generated file that differs")
    p.set_defaults(func=cmd_tables)
    p = sub.add_parser(
        "bench", help="the benchmark: build, checks, scale, live reload, page weight, Lighthouse (make bench)"
    )
    from scripts.bench import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_bench)
    from scripts.translators.cli import add_parsers as add_translators_parsers

    add_translators_parsers(sub)  # po export|import, xliff export|import (scripts/translators/cli.py)
    args = parser.parse_args(argv)
    _stop_on_signals()
    try:
        command: Callable[[argparse.Namespace], int] = args.func
        return command(args)
    except (FormatError, GlossaryError, YamlError, StyleError, InputError) as err:
        print(f"{err}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:  # a reader that does not name its file: name every unreadable one
        for problem in files.unreadable(ROOT):
            print(f"{problem}", file=sys.stderr)
        print(f"{args.command}: input cannot be read", file=sys.stderr)
        return 2
    except (DataError, TablesError) as err:
        print(f"{err}", file=sys.stderr)
        print(
            f"{args.command}: stopped" + ("; nothing was written" if args.command == "tables" else ""), file=sys.stderr
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
