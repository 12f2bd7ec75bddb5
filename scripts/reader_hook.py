"""MkDocs hook for the reading experience (registered in mkdocs.yml under `hooks:`).

* Side-by-side pages: every page with text gets a virtual twin `parallel/PAGE/` (and
  `en/parallel/PAGE/`) generated from docs/zh and docs/en by scripts/parallel.py, and each of the
  two views links to the other (`reader_view` in overrides/main.html).
* Paragraph permalinks: every paragraph with an ID, and every row of a side-by-side page, ends
  with a link to itself (shown on hover and keyboard focus by assets/reader.css).
* Search per language: mkdocs-static-i18n writes one index for both languages, configured for
  lunr's Chinese tokenizer (which needs jieba in the browser). After the last build this hook
  splits it into `search/search_index.json` (Chinese) and `en/search/search_index.json`, each with
  Material's own search settings for its language; overrides/main.html points Material's `base`
  on English pages at `en/`. The text stays segmented by jieba at build time (Material's search
  plugin does it), and Material's worker segments a Chinese query with the index's own words.
* Sitemaps: Material fetches `sitemap.xml` next to every `<link rel="alternate" hreflang>`;
  overrides/main.html points those at the language roots, and each root gets its own sitemap.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path
from scripts import parallel  # noqa: E402
from scripts.mdblocks import DEFAULT_LANG, LANGS, nav_pages, parse_page  # noqa: E402

LABELS = {  # link to the other view, and the permalink of a paragraph
    "zh": {"parallel": "中英对照阅读", "single": "只看中文", "permalink": "本段链接"},
    "en": {"parallel": "Read side by side with the Chinese", "single": "English only", "permalink": "Link to this paragraph"},
}
PARAGRAPH_RE = re.compile(r'(<p\b[^>]*?\sid="([^"]+)"[^>]*>)(.*?)(</p>)', re.S)
ROW_RE = re.compile(r'(<div class="parallel__row" id="([^"]+)">)')
URL_RE = re.compile(r"<url>.*?</url>\s*", re.S)
LOC_RE = re.compile(r"<loc>([^<]*)</loc>")

_views: dict[str, dict[str, str]] = {}  # src_uri of a page -> the other view of it: {"url", "label"}


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    plugin = _i18n(config)
    return plugin.current_language if plugin and plugin.current_language else DEFAULT_LANG


def root(lang: str) -> str:
    """The folder of a language in the site: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def language_of(url: str) -> str:
    return next((lang for lang in LANGS if root(lang) and url.startswith(root(lang))), DEFAULT_LANG)


# Side-by-side pages ---------------------------------------------------------------------------

@event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = current_language(config)
    docs = Path(config.docs_dir)
    for page in nav_pages(Path(config.config_file_path).parent):
        zh, en = (parse_page(docs / other / page) if (docs / other / page).exists() else [] for other in ("zh", "en"))
        single = files.get_file_from_path(f"{lang}/{page}")
        if not parallel.has_view(zh) or single is None:
            continue
        view = File.generated(config, f"{root(lang)}parallel/{page}", content=parallel.markdown(zh, en, lang),
                              inclusion=InclusionLevel.NOT_IN_NAV)
        # what mkdocs-static-i18n's language switcher reads on each of its pages
        view.alternates = {other: SimpleNamespace(url=File(f"{root(other)}parallel/{page}", None, config.site_dir,
                                                           config.use_directory_urls).url) for other in LANGS}
        view.locale = view.locale_alternate_of = view.localization = lang
        view.norm_src_uri = f"parallel/{page}"
        files.append(view)
        _views[single.src_uri] = {"url": view.url, "label": LABELS[lang]["parallel"]}
        _views[view.src_uri] = {"url": single.url, "label": LABELS[lang]["single"]}
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
    context["reader_view"] = _views.get(page.file.src_uri)
    # the language roots, relative to the page: Material's `base` and sitemaps (overrides/main.html)
    context["reader_roots"] = {lang: get_relative_url(root(lang) or "./", page.url) for lang in LANGS}
    context["reader_root"] = context["reader_roots"][language_of(page.url)]
    return context


# Paragraph permalinks -------------------------------------------------------------------------

def add_permalinks(content: str, label: str) -> str:
    """A `¶` link to itself at the end of each paragraph with an ID and in each side-by-side row."""
    def link(target: str) -> str:
        return (f'<a class="paralink" href="#{target}" title="{html.escape(label)}" aria-label="{html.escape(label)}"'
                f' data-search-exclude="true">¶</a>')
    content = PARAGRAPH_RE.sub(lambda m: m.group(1) + m.group(3) + link(m.group(2)) + m.group(4), content)
    return ROW_RE.sub(lambda m: m.group(1) + link(m.group(2)), content)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return add_permalinks(content, LABELS[current_language(config)]["permalink"])


# Per-language search and sitemaps -------------------------------------------------------------

def search_settings(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    """Material's search settings for a language (its `search.config.*` translations). Chinese has
    no lunr language of its own there, so lunr's jieba-based tokenizer is never loaded; the
    separator always splits on the zero-width spaces with which jieba's words are joined."""
    template = config.theme.get_env().get_template("partials/language.html")
    t = template.make_module({"config": {"theme": {"language": lang}}}).t
    separator = str(t("search.config.separator"))
    if "\\u200b" not in separator:
        separator = separator.replace("[", "[\\u200b", 1)
    return {"lang": [str(t("search.config.lang"))], "separator": separator,
            "pipeline": [p for p in re.split(r"\s*,\s*", str(t("search.config.pipeline"))) if p]}


def split_search_index(index: dict, settings: dict[str, dict]) -> dict[str, dict]:
    """{lang: that language's own index}: its pages only, located relative to its root."""
    out = {}
    for lang in settings:
        docs = [dict(doc, location=doc["location"][len(root(lang)):]) for doc in index["docs"]
                if language_of(doc["location"]) == lang]
        out[lang] = {"config": {**index["config"], **settings[lang]}, "docs": docs}
    return out


def language_sitemap(sitemap: str, site_path: str, lang: str) -> str:
    """The entries of the whole site's sitemap whose page is in `lang`."""
    def keep(entry: re.Match) -> str:
        loc = LOC_RE.search(entry.group(0))
        path = urlsplit(html.unescape(loc.group(1))).path if loc else ""
        return entry.group(0) if path.startswith(site_path) and language_of(path[len(site_path):]) == lang else ""
    return URL_RE.sub(keep, sitemap)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and the joint index
def on_post_build(config: MkDocsConfig) -> None:
    plugin = _i18n(config)
    if plugin is not None and plugin.building:
        return  # an inner build of one language; the joint index is not complete yet
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        index = json.loads(index_path.read_text(encoding="utf-8"))
        parts = split_search_index(index, {lang: search_settings(config, lang) for lang in LANGS})
        for lang, part in parts.items():
            write_file(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                       str(site / root(lang) / "search" / "search_index.json"))
    sitemap_path = site / "sitemap.xml"
    if sitemap_path.exists():
        site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        sitemap = sitemap_path.read_text(encoding="utf-8")
        for lang in LANGS:
            if root(lang):
                write_file(language_sitemap(sitemap, site_path, lang).encode("utf-8"), str(site / root(lang) / "sitemap.xml"))
