"""The languages of the site and where each lives: its folder of pages and its root in the site."""

from __future__ import annotations

import re

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def root(lang: str) -> str:
    """The folder of a language in the built site: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def language_of(url: str) -> str:
    """The language of a page from its site path (`en/part1/` is English, `part1/` Chinese)."""
    return next((lang for lang in LANGS if root(lang) and url.startswith(root(lang))), DEFAULT_LANG)


def twin(url: str, lang: str) -> str:
    """The same page in `lang`: `part1/` -> `en/part1/` and back."""
    return root(lang) + url.removeprefix(root(language_of(url)))


CHINESE_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")  # Chinese characters and punctuation


def mark_chinese(text: str) -> str:
    """Each run of Chinese in an English text (Markdown or HTML) marked `<span lang="zh">…</span>`."""
    return CHINESE_RE.sub(lambda m: f'<span lang="zh">{m.group(0)}</span>', text)
