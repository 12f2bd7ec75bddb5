"""The site's settings, read from mkdocs.yml with MkDocs' own YAML loader (its `!ENV` tags and all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils import yaml_load

from scripts.core.paths import ROOT


def mkdocs_config(root: Path = ROOT) -> dict[str, Any]:
    with open(root / "mkdocs.yml", encoding="utf-8") as fh:
        config: dict[str, Any] = yaml_load(fh)
    return config


def nav_pages(root: Path = ROOT) -> list[str]:
    """The page files of the navigation, in order (paths relative to a language folder)."""
    out: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        walk(value)
                    else:
                        out.append(value)

    walk(mkdocs_config(root)["nav"])
    return out
