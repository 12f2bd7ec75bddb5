"""Tables, charts and downloads generated from the data (`make tables`, `python -m scripts tables`).

* Tables: HTML tables in both languages, written into the pages between
  ``<!-- generated:NAME … -->`` and ``<!-- /generated:NAME -->`` (the data's document.yml `tables` says which page
  carries which; the markers' place in a page is the editors' choice, the same in both twins).
  Rendered by the Jinja2 templates in templates/, which escape every string from the data
  (table_sections.py).
* Charts: SVG files in docs/zh/charts/ and docs/en/charts/ (charts.py).
* Downloads: the whole data as JSON and CSV in docs/zh/downloads/, linked from the Data page
  (downloads.py).

Nothing is written unless the data loads and passes every data check; then every output is built
in memory, and only files whose content changes are written, each through a temporary file and a
rename. `check()` instead reports every file that differs from what the data gives (outputs.py).

This module is the way in: what the command, the MkDocs plugin and the tests use.
"""

from __future__ import annotations

from scripts.core.paths import ROOT
from scripts.figures.model import DataError
from scripts.generators.downloads import DOWNLOADS, GENERATED_BY, export_csv, export_json, files
from scripts.generators.figure_text import change_text, derived_text, value_text
from scripts.generators.outputs import (
    TablesError,
    check,
    checked_data,
    close_marker,
    fill_page,
    generate,
    open_marker,
    outputs,
    placements,
    prepare,
)
from scripts.generators.table_sections import SECTIONS, WORDS, Context, section

__all__ = [
    "DOWNLOADS",
    "GENERATED_BY",
    "ROOT",
    "SECTIONS",
    "WORDS",
    "Context",
    "DataError",
    "TablesError",
    "change_text",
    "check",
    "checked_data",
    "close_marker",
    "derived_text",
    "export_csv",
    "export_json",
    "files",
    "fill_page",
    "generate",
    "open_marker",
    "outputs",
    "placements",
    "prepare",
    "section",
    "value_text",
]
