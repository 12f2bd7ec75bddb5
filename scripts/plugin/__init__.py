"""The MkDocs plugin of the toolchain: `plugins: - bilingual` in mkdocs.yml."""

from scripts.plugin.plugin import BilingualPlugin

__all__ = ["BilingualPlugin"]
