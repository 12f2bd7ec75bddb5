"""MkDocs hook (mkdocs.yml `hooks:`): a build does not redo what it did before with the same input.

Chinese word segmentation for the search index and Material's compiled templates are kept between
builds (scripts/buildcache.py); the site they give is the same, byte for byte.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path
from scripts import buildcache  # noqa: E402


@event_priority(100)  # before Material's search plugin reads its configuration
def on_config(config: MkDocsConfig) -> None:
    buildcache.segment_memo()


@event_priority(-100)  # after the plugins have configured the environment
def on_env(env, config: MkDocsConfig, files):
    if env.bytecode_cache is None:
        env.bytecode_cache = buildcache.template_cache(env)
    return env


@event_priority(-300)  # after every other post-build step, mkdocs-static-i18n's other languages included
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner build of one language: the outer build saves once, at its end
    memo = buildcache.segment_memo()
    if memo is not None:
        memo.save()
