"""MkDocs hook (mkdocs.yml `hooks:`): the generated tables, charts and downloads follow the data.

* `mkdocs serve`: before each build the generated files are regenerated from data/figures/ (which
  mkdocs.yml `watch:`es), writing only files whose content changes, so editing a data file updates
  the page in the browser and the rebuild that the written files trigger settles at once. Bad data
  is reported in the log and nothing is written; the server keeps serving.
* `mkdocs build`: nothing is written; the build fails if a generated file differs from what the
  data gives (run `make tables`) or the data does not load. Whether the data agrees with the text
  is for `python -m scripts data` and the tests to say, not for the build.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import tables  # noqa: E402
from scripts.data import DataError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.tables")
# Bad data during `serve` is told on its own logger, outside MkDocs' own: strict mode counts the warnings
# and errors of those, and would fail the rebuild, and so the page, over data the pages do not yet show.
report = logging.getLogger("scripts.tables")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # mkdocs-static-i18n's build of another language, within this build: done for it already
    root = Path(config.config_file_path).resolve().parent
    try:
        if _command == "serve":
            for path in tables.generate(root, remember=True):  # the data again if nothing it depends on changed
                log.info("tables: regenerated %s", path.relative_to(root))
            return
        findings = tables.check(root, text_checks=False)  # the tests hold the data to the text
    except (DataError, tables.TablesError) as err:
        if _command == "serve":
            report.error("tables: not regenerated, the data has problems:\n%s", err)
            return
        raise PluginError(f"the data has problems; nothing can be generated:\n{err}") from None
    if findings:
        raise PluginError("generated files differ from what the data gives; run `make tables`:\n"
                          + "\n".join(findings))
