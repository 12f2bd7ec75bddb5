"""What the plugin adds to the pages for readers (see plugin.py for when each runs).

* Side-by-side pages: every page with text gets a virtual twin `parallel/PAGE/` (and
  `en/parallel/PAGE/`) generated from docs/zh and docs/en (scripts/generators/side_by_side.py),
  and each of the two views links to the other (`reader_view` in overrides/main.html).
* Paragraph permalinks: every paragraph with an ID, and every row of a side-by-side page, ends
  with a link to itself (shown on hover and keyboard focus by assets/reader.css).
* Search per language: mkdocs-static-i18n writes one index for both languages, configured for
  lunr's Chinese tokenizer (which needs jieba in the browser). After the last build it is split
  into `search/search_index.json` (Chinese) and `en/search/search_index.json`, each with
  Material's own search settings for its language; overrides/main.html points Material's `base`
  on English pages at `en/`. The text stays segmented by jieba at build time (Material's search
  plugin does it), and Material's worker segments a Chinese query with the index's own words.
* Sitemaps: Material fetches `sitemap.xml` next to every `<link rel="alternate" hreflang>`;
  overrides/main.html points those at the language roots, and each root gets its own sitemap.
* Stale notices: an English paragraph whose Chinese original changed after it was translated
  carries a notice linking to that original (scripts/text/translation_state.py).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from scripts.core.languages import language_of, root

LABELS = {  # link to the other view, and the permalink of a paragraph
    "zh": {"parallel": "中英对照阅读", "single": "只看中文", "permalink": "本段链接"},
    "en": {
        "parallel": "Read side by side with the Chinese",
        "single": "English only",
        "permalink": "Link to this paragraph",
    },
}
PARAGRAPH_RE = re.compile(r'(<p\b[^>]*?\sid="([^"]+)"[^>]*>)(.*?)(</p>)', re.S)
ROW_RE = re.compile(r'(<div class="parallel__row" id="([^"]+)">)')
URL_RE = re.compile(r"<url>.*?</url>\s*", re.S)
LOC_RE = re.compile(r"<loc>([^<]*)</loc>")
NOTICE = (
    '<div class="stale-notice" role="note"><p>The Chinese original of this paragraph changed after it was '
    'translated; this translation may be out of date. <a href="{href}" hreflang="zh" lang="en">Read the Chinese '
    "original</a>.</p></div>"
)


def add_permalinks(content: str, label: str) -> str:
    """A `¶` link to itself at the end of each paragraph with an ID and in each side-by-side row."""

    def link(target: str) -> str:
        return (
            f'<a class="paralink" href="#{target}" title="{html.escape(label)}" aria-label="{html.escape(label)}"'
            f' data-search-exclude="true">¶</a>'
        )

    content = PARAGRAPH_RE.sub(lambda m: m.group(1) + m.group(3) + link(m.group(2)) + m.group(4), content)
    return ROW_RE.sub(lambda m: m.group(1) + link(m.group(2)), content)


def add_notices(content: str, page_url: str, stale: set[str]) -> str:
    """Insert the stale notice after each stale block of an English page."""
    zh_url = page_url.removeprefix("en/")
    for block_id in sorted(stale):
        pattern = re.compile(rf'(<(p|h[1-6])\b[^>]*\bid="{re.escape(block_id)}"[^>]*>.*?</\2>)', re.S)
        href = html.escape(f"{get_relative_url(zh_url, page_url)}#{block_id}")

        def after(m: re.Match[str], notice: str = NOTICE.format(href=href)) -> str:
            return m.group(1) + notice

        content = pattern.sub(after, content, count=1)
    return content


def search_settings(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    """Material's search settings for a language (its `search.config.*` translations). Chinese has
    no lunr language of its own there, so lunr's jieba-based tokenizer is never loaded; the
    separator always splits on the zero-width spaces with which jieba's words are joined."""
    template = config.theme.get_env().get_template("partials/language.html")
    module: Any = template.make_module({"config": {"theme": {"language": lang}}})
    t = module.t  # the partial's translation macro
    separator = str(t("search.config.separator"))
    if "\\u200b" not in separator:
        separator = separator.replace("[", "[\\u200b", 1)
    return {
        "lang": [str(t("search.config.lang"))],
        "separator": separator,
        "pipeline": [p for p in re.split(r"\s*,\s*", str(t("search.config.pipeline"))) if p],
    }


def split_search_index(index: dict[str, Any], settings: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """{lang: that language's own index}: its pages only, located relative to its root."""
    out = {}
    for lang in settings:
        docs = [
            dict(doc, location=doc["location"][len(root(lang)) :])
            for doc in index["docs"]
            if language_of(doc["location"]) == lang
        ]
        out[lang] = {"config": {**index["config"], **settings[lang]}, "docs": docs}
    return out


def language_sitemap(sitemap: str, site_path: str, lang: str) -> str:
    """The entries of the whole site's sitemap whose page is in `lang`."""

    def keep(entry: re.Match[str]) -> str:
        loc = LOC_RE.search(entry.group(0))
        path = urlsplit(html.unescape(loc.group(1))).path if loc else ""
        return entry.group(0) if path.startswith(site_path) and language_of(path[len(site_path) :]) == lang else ""

    return URL_RE.sub(keep, sitemap)
