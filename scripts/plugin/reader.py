"""What the plugin adds to the pages for readers (see plugin.py for when each runs).

* Side-by-side pages: every page with text gets a virtual twin `parallel/PAGE/` (and
  `en/parallel/PAGE/`) generated from docs/zh and docs/en (scripts/generators/side_by_side.py),
  and each of the two views links to the other (`reader_view` in overrides/main.html).
* Paragraph permalinks: every paragraph with an ID, and every row of a side-by-side page, ends
  with a link to itself (shown on hover and keyboard focus by assets/reader.css).
* Search: one Pagefind index per language, of the text's blocks (scripts/plugin/search.py), which
  Material's search dialog reads (overrides/main.html, assets/search-worker.js).
* Sitemaps: Material fetches `sitemap.xml` next to every `<link rel="alternate" hreflang>`;
  overrides/main.html points those at the language roots, and each root gets its own sitemap.
* Stale notices: an English paragraph whose Chinese original changed after it was translated
  carries a notice linking to that original (scripts/text/translation_state.py).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from scripts.core.documents import Document
from scripts.core.languages import language_of, mark_chinese
from scripts.text.segment import escape

LABELS = {  # link to the other view, the permalink of a paragraph, the home page's list of documents
    "zh": {"parallel": "中英对照阅读", "single": "只看中文", "permalink": "本段链接", "documents": "本站文献"},
    "en": {
        "parallel": "Read side by side with the Chinese",
        "single": "English only",
        "permalink": "Link to this paragraph",
        "documents": "Documents on this site",
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


def add_notices(content: str, page_url: str, stale: set[str]) -> str:  # the IDs of this page's stale blocks
    """Insert the stale notice after each stale block of an English page."""
    zh_url = page_url.removeprefix("en/")
    for block_id in sorted(stale):
        pattern = re.compile(rf'(<(p|h[1-6])\b[^>]*\bid="{re.escape(block_id)}"[^>]*>.*?</\2>)', re.S)
        href = html.escape(f"{get_relative_url(zh_url, page_url)}#{block_id}")

        def after(m: re.Match[str], notice: str = NOTICE.format(href=href)) -> str:
            return m.group(1) + notice

        content = pattern.sub(after, content, count=1)
    return content


UNTRANSLATED_RE = re.compile(
    r'(<(p|h[1-6])\b(?=[^>]*\bclass="(?:[^"]*\s)?untranslated(?:\s[^"]*)?")[^>]*\bid="([^"]+)"[^>]*>)(.*?)(</\2>)', re.S
)
UNTRANSLATED_TEXT = "Not yet translated"  # what `python -m scripts new` writes in each English block
UNTRANSLATED_LINK = '{text}: <a href="{href}" hreflang="zh" lang="en">read the Chinese original</a>'


def add_untranslated(content: str, page_url: str) -> str:
    """Each English block not yet translated (class `untranslated`) says so and links to its Chinese
    original: never a silent copy of the Chinese."""
    zh_url = page_url.removeprefix("en/")

    def link(m: re.Match[str]) -> str:
        href = html.escape(f"{get_relative_url(zh_url, page_url)}#{m.group(3)}")
        body = m.group(4).replace(UNTRANSLATED_TEXT, UNTRANSLATED_LINK.format(text=UNTRANSLATED_TEXT, href=href), 1)
        return m.group(1) + body + m.group(5)

    return UNTRANSLATED_RE.sub(link, content)


def documents_section(found: list[Document], lang: str) -> str:
    """The home page's list of the site's documents (Markdown, added to the page's own): each title in the
    language of the page, or in Chinese marked as such while it has no translation, linking to its first page."""
    items = []
    for document in found:
        title = escape(document.title[lang]) if lang in document.title else mark_chinese(escape(document.title["zh"]))
        items.append(f"- [{title}]({document.pages[0]})")
    return "\n".join(["", "", f"## {LABELS[lang]['documents']} {{ #documents .label }}", "", *items, ""])


def language_sitemap(sitemap: str, site_path: str, lang: str) -> str:
    """The entries of the whole site's sitemap whose page is in `lang`."""

    def keep(entry: re.Match[str]) -> str:
        loc = LOC_RE.search(entry.group(0))
        path = urlsplit(html.unescape(loc.group(1))).path if loc else ""
        return entry.group(0) if path.startswith(site_path) and language_of(path[len(site_path) :]) == lang else ""

    return URL_RE.sub(keep, sitemap)
