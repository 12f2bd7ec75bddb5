"""Section 6 of the benchmark: Lighthouse (pinned in bench/package.json) against Debian's chromium, on the
home page of both languages, the site served by a local server that gzips as GitHub Pages does."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from scripts.bench.errors import BenchError
from scripts.bench.page_weight import GZIP_LEVEL
from scripts.bench.processes import environment, free_port, log, mkdocs_build, run_timed
from scripts.bench.stats import Stat, summarize
from scripts.bench.tables import Table
from scripts.core.paths import ROOT

LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --disable-quic"
)
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for a client that accepts it, as GitHub Pages serves the site."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if (
            not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not ctype.startswith(COMPRESSIBLE)
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def static_server(site: Path, port: int) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse_command(url: str, output: Path) -> list[str]:
    return [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]


@dataclass
class LighthouseResult:
    page: str
    scores: dict[str, Stat]  # category -> scores 0–100
    short: list[str]  # audits short of full marks (weighted, in the last run)


def lighthouse_pages(site: Path) -> list[tuple[str, str]]:
    """The pages Lighthouse scores (issue 16, aim 5), each language: the home page, the largest page (the
    most HTML) and the largest side-by-side page, as (path below the site, name)."""

    def largest(lang: str, view: bool) -> str:
        root = site / "en" if lang == "en" else site
        pages = [
            p
            for p in root.rglob("index.html")
            if (p.relative_to(root).parts[:1] == ("parallel",)) == view
            and (lang == "en" or p.relative_to(site).parts[:1] != ("en",))
        ]
        return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() + "/"

    out: list[tuple[str, str]] = []
    for lang, label, home in (("zh", "Chinese", ""), ("en", "English", "en/")):
        out.append((home, f"Home, {label} (`/{home}`)"))
        biggest = largest(lang, view=False)
        out.append((biggest, f"Largest {label} page (`/{biggest}`)"))
        view = largest(lang, view=True)
        out.append((view, f"Largest {label} side-by-side page (`/{view}`)"))
    return out


def bench_lighthouse(work: Path, runs: int) -> list[LighthouseResult]:
    if not LIGHTHOUSE.exists():
        raise BenchError("Lighthouse is not installed: run `npm ci --prefix bench` (make bench does)")
    if not Path(CHROMIUM).exists():
        raise BenchError(f"{CHROMIUM} is missing: `make browser-setup` installs Debian's chromium")
    port = free_port()
    site = work / "lighthouse-site"
    run_timed(mkdocs_build(site), ROOT, env=environment(SITE_URL=f"http://127.0.0.1:{port}/"))
    out: list[LighthouseResult] = []
    with static_server(site, port) as base:
        for page, name in lighthouse_pages(site):
            samples: dict[str, list[float]] = {c: [] for c in LIGHTHOUSE_CATEGORIES}
            short: list[str] = []
            for i in range(runs):
                log(f"lighthouse: {name}, run {i + 1} of {runs}")
                report_path = work / "lighthouse.json"
                run_timed(
                    lighthouse_command(base + page, report_path),
                    ROOT,
                    env=environment(CHROME_PATH=CHROMIUM),
                    timeout=300,
                )
                report = json.loads(report_path.read_text(encoding="utf-8"))
                for c in LIGHTHOUSE_CATEGORIES:
                    samples[c].append(round(100 * (report["categories"][c]["score"] or 0)))
                short = [
                    f"{ref['id']} {report['audits'][ref['id']]['score']:.2f}"
                    for c in LIGHTHOUSE_CATEGORIES
                    for ref in report["categories"][c]["auditRefs"]
                    if ref["weight"]
                    and report["audits"][ref["id"]].get("score") is not None
                    and report["audits"][ref["id"]]["score"] < 1
                ]
            out.append(LighthouseResult(name, {c: summarize(s) for c, s in samples.items()}, short))
    return out


def lighthouse_table(results: list[LighthouseResult]) -> Table:
    t = Table(
        "6. Lighthouse",
        ["page", "performance", "accessibility", "best practices", "SEO", "short of full marks"],
        align="lrrrrl",
    )
    for r in results:
        cells = [
            f"{s.median:.0f} ({s.low:.0f}–{s.high:.0f})" if s.spread else f"{s.median:.0f}"
            for s in (r.scores[c] for c in LIGHTHOUSE_CATEGORIES)
        ]
        t.rows.append([r.page, *cells, ", ".join(r.short) or "—"])
    t.notes.append(
        "Median (lowest–highest) of the runs; Lighthouse's default mobile profile with simulated "
        "throttling, Debian's chromium, the site built with SITE_URL at a local server that gzips as "
        "GitHub Pages does. Audits short of full marks are those of the last run that carry weight in "
        "a score."
    )
    return t
