"""MkDocs hook: a stale English paragraph carries a notice linking to its Chinese original.

Registered in mkdocs.yml under `hooks:`. A paragraph is stale when its Chinese original changed
after the translation was recorded (see scripts/state.py).
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path
from scripts import state  # noqa: E402

_stale: set[str] = set()

NOTICE = ('<div class="stale-notice" role="note"><p>The Chinese original of this paragraph changed after it was '
          'translated; this translation may be out of date. <a href="{href}" hreflang="zh" lang="en">Read the Chinese '
          'original</a>.</p></div>')


def on_pre_build(config, **kwargs) -> None:
    docs = Path(config["docs_dir"])
    _stale.clear()
    _stale.update(state.stale_ids(docs, docs.parent / "data" / "translation-state.json"))


def add_notices(content: str, page_url: str, stale: set[str]) -> str:
    """Insert the notice after each stale block of an English page."""
    zh_url = page_url.removeprefix("en/")
    for block_id in sorted(stale):
        pattern = re.compile(rf'(<(p|h[1-6])\b[^>]*\bid="{re.escape(block_id)}"[^>]*>.*?</\2>)', re.S)
        href = html.escape(f"{get_relative_url(zh_url, page_url)}#{block_id}")
        content = pattern.sub(lambda m: m.group(1) + NOTICE.format(href=href), content, count=1)
    return content


def on_page_content(content: str, page, config, files, **kwargs) -> str:
    if not page.url.startswith("en/") and page.url != "en/":
        return content
    return add_notices(content, page.url, _stale) if _stale else content
