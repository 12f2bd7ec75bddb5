"""The plugin's options, as `mkdocs.yml` gives them under `plugins: - bilingual:`; MkDocs validates
them, and an unknown or mistyped option is a configuration error that names it."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BilingualConfig(Config):
    # The folder of the site's documents, one `SLUG/document.yml` each (scripts/core/documents.py).
    documents = c.Type(str, default="documents")
    # A notice on each English paragraph whose Chinese original changed after it was translated.
    stale_notices = c.Type(bool, default=True)
    # The side-by-side view of every page with text, at `parallel/PAGE/` in each language.
    side_by_side = c.Type(bool, default=True)
    # A `¶` link at the end of every paragraph with an ID.
    permalinks = c.Type(bool, default=True)
    # Glossary terms (`tooltip: true`) explained where they stand on the English pages, on hover and keyboard
    # focus, from includes/abbreviations.md (scripts/plugin/tooltips.py).
    tooltips = c.Type(bool, default=True)
    # Site search: one Pagefind index per language of the text's blocks, read by Material's search
    # (scripts/plugin/search.py); `off`: Material's own index, as its search plugin writes it.
    search = c.Choice(("pagefind", "off"), default="pagefind")
    # Pages (relative to a language folder) that are not searched: the glossary lists the pages' terms,
    # the changes page their changes (under the pages' own titles).
    search_skip = c.ListOfItems(c.Type(str), default=["glossary.md", "changes.md"])
    # Pagefind's ranking weights (its `ranking` option): a block's length counts fully, so that a heading
    # that names a subject ranks above a long paragraph that mentions it.
    search_ranking = c.Type(dict, default={"pageLength": 1.0})
    # A weight for each kind of block (heading, text, table) on its score: the text ranks above the tables
    # of the Data page that repeat its figures.
    search_weights = c.Type(dict, default={"table": 0.5})
    # One sitemap per language root, next to each language's pages (Material's language menu reads it).
    sitemap_per_language = c.Type(bool, default=True)
    # The generated tables, charts and downloads: `check` fails a build whose files differ from the
    # data (and regenerates them under `mkdocs serve`); `off` leaves them alone.
    generated = c.Choice(("check", "off"), default="check")
    # The page about this edition (relative to a language folder), linked from every page's footer.
    about = c.Type(str, default="about.md")
    # Keep compiled templates, each language's search index (for the same records), the verdict of the
    # generated-files check (for the same files) and, when Material's search indexes, its Chinese word
    # segmentation between builds (scripts/plugin/buildcache.py, scripts/plugin/search.py).
    build_cache = c.Type(bool, default=True)
