"""Shared fixtures: one strict build of the real site per test session, and broken copies.

Under pytest-xdist (`make test` runs `pytest -n …`, `--dist loadfile` from pyproject.toml) the workers
share the one build of the real site (the first worker to need it makes it, the others wait for it and
read its result), and the tests of a file run on one worker, so that its module-scoped fixtures are set
up once and a worker launches at most one browser. (`--dist loadgroup` would put every browser test on
one worker, but pytest-xdist 3.8 cannot rename the tests of a group under pytest 9, and so groups none.)"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import Tag
from playwright.sync_api import Browser

from scripts.core.paths import COPY_IGNORE

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of the project at `project` into `site_dir`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m scripts ARGS` run in the project at `project`."""
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=project, capture_output=True, text=True)


def git(project: Path, *args: str) -> None:
    """A git command in `project`, with an author of its own (the copies have no git settings)."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def root_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The one strict build of the real project per test session: its site folder and its output. Under
    xdist, in the folder that the workers' temporary folders share, made by the first worker that needs
    it while the others wait on a lock."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        site = tmp_path_factory.mktemp("site")
        return site, build(ROOT, site)
    shared = tmp_path_factory.getbasetemp().parent
    site, record = shared / "root-site", shared / "root-build.json"
    with (shared / "root-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.exists():
            result = build(ROOT, site)
            done = {"args": result.args, "returncode": result.returncode, "stdout": result.stdout}
            record.write_text(json.dumps({**done, "stderr": result.stderr}), encoding="utf-8")
        made = json.loads(record.read_text(encoding="utf-8"))
    return site, subprocess.CompletedProcess(made["args"], made["returncode"], made["stdout"], made["stderr"])


@pytest.fixture(scope="session")
def built_site(root_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    site, result = root_build
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def build_log(built_site: Path) -> str:
    return (built_site / ".build-log").read_text() if (built_site / ".build-log").exists() else ""


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The one headless chromium of the browser tests (Debian's, driven by Playwright: tests/browser.py)."""
    from browser import AXE, CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install -y chromium)")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 for the browser tests."""
    from browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture
def copy_url(site_copy: Path) -> Iterator[str]:
    """The broken copy of the site (`site_copy`, which the test changes) served like the real one."""
    from browser import serve

    with serve(site_copy) as url:
        yield url


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's sources (not .venv, not site) that a test may break."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(*COPY_IGNORE)
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


def replace_once(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace the first `count` occurrences of `old` (-1: all) in the file; it must hold one at least."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture(scope="session")
def paths(built_site: Path) -> list[str]:
    """Every page of the built site, both languages and both views (for the browser tests)."""
    from browser import site_paths

    return site_paths(built_site)


def drop_paragraph(path: Path, block_id: str) -> None:
    """Remove the paragraph that ends with `{ #block_id }` from a page."""
    text = path.read_text(encoding="utf-8")
    end = text.index("{ #" + block_id + " }") + len("{ #" + block_id + " }\n")
    start = text.rindex("\n\n", 0, end) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")


# Typed access to parsed HTML. bs4 types `tag[name]` as `str | AttributeValueList` (the list is for
# multi-valued attributes such as class) and `tag.select_one()`/`tag.find()` as `Tag | None`.


def one(parent: Tag, selector: str) -> Tag:
    """The first element under `parent` that matches the CSS `selector`, which must exist."""
    found = parent.select_one(selector)
    assert found is not None, f"no {selector!r} in <{parent.name}>"
    return found


def attr(tag: Tag, name: str) -> str:
    """The value of a single-valued attribute (href, id, lang, data-*) of `tag`, which must have it."""
    value = tag[name]
    assert isinstance(value, str), f"<{tag.name}> {name}={value!r} is multi-valued"
    return value
