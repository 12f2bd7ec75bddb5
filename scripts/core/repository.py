"""Where the project's repository is on the web, for the "Edit this page" link (the plugin's `on_config`).

In order: `EDIT_URI` (mkdocs.yml reads it: the folder of pages to edit, used as given); `REPO_URL` (the
repository's web address); the git remote `origin` when it is on GitHub (an SSH or HTTPS remote, made an
HTTPS address without credentials). With none of them there is no edit link at all: never a guessed one.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

GITHUB_RE = re.compile(
    r"^(?:git@github\.com:|ssh://git@github\.com/|https?://(?:[^@/]*@)?github\.com/)"
    r"(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$"
)
DEFAULT_BRANCH = "main"


def github_address(remote: str) -> str | None:
    """The web address of a GitHub repository from a git remote URL; None for any other remote."""
    m = GITHUB_RE.match(remote.strip())
    return f"https://github.com/{m.group('repo')}" if m else None


def _git(project: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def _branch(project: Path) -> str:
    """The remote's default branch (origin/HEAD) if git knows it, else `main`."""
    head = _git(project, "symbolic-ref", "--short", "refs/remotes/origin/HEAD")
    return head.split("/", 1)[1] if "/" in head else DEFAULT_BRANCH


def edit_uri(env: Mapping[str, str], project: Path) -> str:
    """The folder URL that "Edit this page" appends a page's source path to (`…/edit/main/docs/`), or ""
    when the repository's address is not known."""
    if env.get("EDIT_URI"):
        return env["EDIT_URI"].rstrip("/") + "/"
    given = env.get("REPO_URL", "").strip().rstrip("/")
    if given and urlsplit(given).scheme == "https":
        address: str | None = given.removesuffix(".git")
    elif given:
        address = github_address(given)
    elif Path(_git(project, "rev-parse", "--show-toplevel") or "/nowhere").resolve() != project.resolve():
        return ""  # not a clone of its own: no remote, or another repository's (a folder inside it)
    else:
        address = github_address(_git(project, "config", "--get", "remote.origin.url"))
    return f"{address}/edit/{_branch(project)}/docs/" if address else ""
