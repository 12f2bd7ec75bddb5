"""The whole benchmark: its command line, the sections measured in order in one temporary folder, and
their tables and figures gathered for the results (scripts/bench/report.py)."""

from __future__ import annotations

import argparse
import datetime
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts.bench import report
from scripts.bench.errors import BenchError
from scripts.bench.lighthouse import bench_lighthouse, lighthouse_table
from scripts.bench.live_reload import bench_reload, reload_table
from scripts.bench.page_weight import GZIP_LEVEL, bench_weight, weight_tables
from scripts.bench.processes import log
from scripts.bench.stats import per_thousand
from scripts.bench.tables import Table, render
from scripts.bench.timing import (
    SCALES,
    BuildResult,
    bench_build,
    bench_checks,
    bench_scale,
    build_table,
    checks_table,
    download_table,
    growth_table,
    scale_table,
)

MIN_RUNS = 5  # fewer runs print figures but write none
SECTIONS = ("build", "checks", "scale", "reload", "weight", "lighthouse")


def run(
    sections: Sequence[str], runs: int, scales: Sequence[int], with_suite: bool = True
) -> tuple[list[Table], dict[str, Any]]:
    tables: list[Table] = []
    data: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="hurricane-bench-") as tmp:
        work = Path(tmp)
        built: BuildResult | None = None
        if "build" in sections or "checks" in sections or "weight" in sections:
            built = bench_build(work, runs if "build" in sections else 1)
        if "build" in sections and built:
            tables.append(build_table(built))
            data["build"] = {
                "project": built.project.to_json(),
                "bare": built.bare.to_json(),
                "ratio": built.ratio.to_json(),
                "project_cold_caches": built.cold.to_json(),
                "peer": built.peer.to_json(),
            }
        if "checks" in sections and built:
            checks = bench_checks(built.site, runs, with_suite)
            tables.append(checks_table(checks))
            data["checks"] = {name: s.to_json() for name, s in checks.items()}
        if "scale" in sections:
            scale = bench_scale(work, runs, scales)
            tables += [scale_table(scale), growth_table(scale), download_table(scale)]
            data["scale"] = [
                {
                    "copies": r.corpus.copies,
                    "pages": r.corpus.pages,
                    "paragraphs": r.corpus.paragraphs,
                    "build": r.build.to_json(),
                    "checks": r.checks.to_json(),
                    "build_per_1000_paragraphs": per_thousand(r.build, r.corpus.paragraphs).to_json(),
                    "checks_per_1000_paragraphs": per_thousand(r.checks, r.corpus.paragraphs).to_json(),
                    "slowest_check": r.slowest,
                    "per_check": {name: st.to_json() for name, st in r.per_check.items()},
                    "home_page_html": {lang: vars(w.html) for lang, w in r.home.items()},
                    "home_page_total": {lang: vars(w.total) for lang, w in r.home.items()},
                    "first_search": {lang: vars(w) for lang, w in r.search.items()},
                }
                for r in scale
            ]
        if "reload" in sections:
            reload = bench_reload(work, runs)
            tables.append(reload_table(reload))
            data["reload"] = reload.total.to_json()
            data["reload_polling"] = reload.polling.to_json()
        if "weight" in sections and built:
            w = bench_weight(built.site, built.peer_site)
            tables += weight_tables(w)
            data["weight"] = {
                "pages": [
                    {
                        "name": p.name,
                        "path": p.path,
                        **{k: vars(getattr(p, k)) for k in ("html", "css", "js", "index", "total")},
                    }
                    for p in w.pages
                ],
                "index_vs_text": {lang: {"index": vars(i), "text": t} for lang, (i, t) in w.index_vs_text.items()},
                "gzip_level": GZIP_LEVEL,
            }
        if "lighthouse" in sections:
            lh = bench_lighthouse(work, runs)
            tables.append(lighthouse_table(lh))
            data["lighthouse"] = [
                {
                    "page": r.page,
                    "scores": {c: s.to_json(1) for c, s in r.scores.items()},
                    "short_of_full_marks": r.short,
                }
                for r in lh
            ]
    return tables, data


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--runs",
        type=int,
        default=MIN_RUNS,
        help=f"runs of each figure (default {MIN_RUNS}; with fewer, or with --only, nothing is written)",
    )
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="measure these sections only")
    parser.add_argument(
        "--scales", type=int, nargs="+", default=list(SCALES), help="corpus sizes (default 1 10 50 200)"
    )
    parser.add_argument("--no-suite", action="store_true", help="leave the test suite out of the checks")


def command(args: argparse.Namespace) -> int:
    sections = args.only or list(SECTIONS)
    if args.runs < 1:
        raise BenchError("--runs must be 1 or more")
    started = datetime.datetime.now(datetime.UTC)
    tables, data = run(sections, args.runs, args.scales, not args.no_suite)
    when = started.strftime("%Y-%m-%d %H:%M UTC")
    text = render(tables, report.header(args.runs, when))
    print(text)
    complete = not args.only and args.runs >= MIN_RUNS and not args.no_suite and list(args.scales) == list(SCALES)
    if not complete:
        log("a partial run (--only, --runs below 5, --no-suite or other --scales): nothing written")
        return 0
    data = {
        "measured": started.isoformat(timespec="seconds"),
        "runs": args.runs,
        "cpus": os.cpu_count(),
        "versions": report.versions(),
        **data,
    }
    report.write(text, data)
    return 0
