"""The benchmark (`make bench`, `python -m scripts bench`): what maintainers and readers wait for.

In one run, so that ratios are fair on a noisy machine, each figure the median and spread (lowest to
highest) of `runs` runs (5 at least for figures that are written down):

1. build: the strict bilingual build of the project against a bare Material build of the same
   Markdown files (no i18n plugin, no hooks, no overrides) and against the peer (plain
   mkdocs-static-i18n with Material's search), and the project's first build with empty caches;
2. checks: the whole `make test` (once: it takes minutes), and each checker command alone;
3. scale: synthetic corpora of 1x, 10x, 50x and 200x the interview (each copy a separate document of
   the site: the interview's pages with every ID suffixed, in both languages, with its own document.yml,
   data, translation state and source text; 200x once) through the build
   and each checker, with the cost of each step per thousand added paragraphs, so that growth worse
   than linear shows, and what a reader downloads for the home page at each size;
4. live reload: seconds from saving a page to the rebuilt page being served by `mkdocs serve`;
5. page weight: HTML, CSS, JavaScript and search index of the home pages and the largest page of
   each language, raw and gzipped, and each search index against the text it indexes;
6. Lighthouse (bench/package.json) against Debian's chromium, mobile: each language's home page,
   largest page and largest side-by-side page.

Every project copy and corpus is made in a temporary folder, never in the repository. The results
go to bench/results.md, bench/results.json and the README (between `<!-- generated:bench … -->`
and `<!-- /generated:bench -->`), each written whole or not at all.

The modules: `benchmark` (the command line and the sections in order), `timing` (1–3), `corpus` (the
synthetic corpora), `live_reload` (4), `page_weight` (5), `lighthouse` (6), `report` (the results
written), and beneath them `stats` (median and spread), `tables` (the Markdown tables), `processes`
(commands timed, servers waited on) and `errors`.
"""

from __future__ import annotations

from scripts.bench.benchmark import add_arguments, command
from scripts.bench.errors import BenchError

__all__ = ["BenchError", "add_arguments", "command"]
