"""Where the project is, and how it names its files."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# What a copy of the project leaves out (the benchmark's corpora, the tests' broken copies).
COPY_IGNORE = (".venv", "site", ".git", "__pycache__", ".pytest_cache", "test-output", "node_modules")


def rel(path: Path) -> str:
    """A path as the project names it: relative to the nearest folder holding mkdocs.yml."""
    path = path.resolve()
    for parent in path.parents:
        if (parent / "mkdocs.yml").is_file():
            return str(path.relative_to(parent))
    return str(path)
