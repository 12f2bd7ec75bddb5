"""The commands `python -m scripts po export|import` and `python -m scripts xliff export|import`.

    po export [DOCUMENT] OUT.po      (OUT.pot: a template, every msgstr empty)
    po import [DOCUMENT] IN.po
    po check [DOCUMENT] IN.po        (what import would refuse; msgfmt --check; pofilter)
    xliff export [DOCUMENT] OUT.xlf
    xliff import [DOCUMENT] IN.xlf

DOCUMENT may be left out while the project has one. A refused import prints one `file:line: …` line per
problem and exits 2, having written nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from scripts.core.paths import ROOT, rel
from scripts.translators import po, quality, xliff
from scripts.translators.document import DocumentError, check_document, default_document, state_path
from scripts.translators.writeback import Outcome, Refused

FORMATS = {"po": (po, "PO"), "xliff": (xliff, "XLIFF 2.0")}


def add_parsers(sub: Any) -> None:
    """The two commands, on the command line's sub-command parsers."""
    for kind, (_, name) in FORMATS.items():
        p = sub.add_parser(kind, help=f"translators' {name} files: export a document, import the English back")
        actions = p.add_subparsers(dest="action", required=True)
        e = actions.add_parser(
            "export", help=f"write the document as {name}" + (" (OUT.pot: a template)" if kind == "po" else "")
        )
        i = actions.add_parser("import", help=f"write a {name} file's English into the pages and the translation state")
        parsers = [e, i]
        if kind == "po":
            parsers.append(
                actions.add_parser(
                    "check", help="what an import would refuse, then msgfmt --check and pofilter (data/pofilter.yml)"
                )
            )
        for a in parsers:
            a.add_argument("document", nargs="?", help="the document (default: the only one)")
            a.add_argument("file", help="the file to write" if a is e else "the file to read")
        p.set_defaults(func=lambda args, kind=kind: run(kind, args))


def _report(kind: str, outcome: Outcome, state: str) -> None:
    for warning in outcome.warnings:
        print(warning, file=sys.stderr)
    for page, ids in outcome.written.items():
        print(f"wrote {len(ids)} block(s) in {page}: {', '.join(ids)}")
    if outcome.recorded:
        print(f"recorded {len(outcome.recorded)} block(s) as translated in {state}")
    if outcome.unrecorded:
        print(f"left {len(outcome.unrecorded)} block(s) stale until reviewed: {', '.join(outcome.unrecorded)}")
    changed = outcome.written or outcome.state_written
    print(f"{kind} import: " + ("done" if changed else "nothing changed"), file=sys.stderr)


def _check(path: Path, shown: str, document: str) -> int:
    """`po check`: the import's refusals (nothing written), then msgfmt and pofilter; 1 on any finding."""
    po.import_(path, shown, document, ROOT, write=False)
    findings = quality.msgfmt(path, shown) + quality.pofilter(path, shown)
    for finding in findings:
        print(finding)
    print(f"po check: {len(findings)} finding(s)" if findings else "po check: OK", file=sys.stderr)
    return 1 if findings else 0


def run(kind: str, args: argparse.Namespace) -> int:
    module = FORMATS[kind][0]
    path = Path(args.file)
    try:
        document = check_document(args.document, ROOT) if args.document else default_document(ROOT)
        if args.action == "export":
            count = module.export(document, path, ROOT)
            print(f"{kind} export: {count} entries of '{document}' written to {path}", file=sys.stderr)
            return 0
        if args.action == "check":
            return _check(path, args.file, document)
        outcome = module.import_(path, args.file, document, ROOT)
    except Refused as err:
        print(err, file=sys.stderr)
        print(f"{kind} import: refused ({len(err.problems)} problem(s)); nothing was written", file=sys.stderr)
        return 2
    except OSError as err:  # the file to write
        print(f"{kind} {args.action}: {args.file}: {err.strerror or err}", file=sys.stderr)
        return 2
    except (DocumentError, ValueError) as err:  # a page, the glossary, the state or a tool's setting
        print(err, file=sys.stderr)
        print(f"{kind} {args.action}: stopped; nothing was written", file=sys.stderr)
        return 2
    _report(kind, outcome, rel(state_path(document, ROOT)))
    return 0
