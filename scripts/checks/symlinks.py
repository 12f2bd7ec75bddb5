"""Nothing from outside the repository: no symbolic link anywhere in the project (docs/, data/,
overrides/, source/, includes/ and every other folder but the ignored ones, scripts/core/paths.py
COPY_IGNORE), nor in a built site. MkDocs copies what a link points to: a link under docs/ to
/proc/self/environ put the build's environment into the site, and into the pull request's artifact.

The plugin fails a build on the same findings (scripts/plugin/plugin.py, on_config).
"""

from __future__ import annotations

import os
from pathlib import Path

from scripts.core.findings import Finding
from scripts.core.paths import COPY_IGNORE, ROOT

# Folders of tools below the project's root that hold links of their own (node_modules/.bin): skipped,
# except under docs/, every file of which MkDocs copies into the site.
TOOL_FOLDERS = ("node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def links(root: Path) -> list[Path]:
    """Every symbolic link below `root` (files and folders; a linked folder is not entered), in order;
    the folders a copy of the project leaves out (COPY_IGNORE) are skipped at the top."""
    found = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        in_docs = here.relative_to(root).parts[:1] == ("docs",)
        skipped = COPY_IGNORE if here == root else (() if in_docs else TOOL_FOLDERS)
        dirs[:] = sorted(d for d in dirs if d not in skipped)
        for name in sorted([*dirs, *files]):
            if (here / name).is_symlink():
                found.append(here / name)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return found


def check(root: Path = ROOT, label: str = "") -> list[Finding]:
    """A finding for each symbolic link of the project (or built site) at `root`; paths relative to it,
    after `label` ("site/")."""
    findings = []
    for path in links(root):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        findings.append(
            Finding(
                label + path.relative_to(root).as_posix(),
                1,
                "symlinks",
                "",
                f"is a symbolic link (to {target}): nothing from outside the repository may reach the site; "
                "put the file itself here",
            )
        )
    return findings
