"""What a build need not redo when nothing it depends on has changed (used by the plugin, scripts/plugin/plugin.py).

* Chinese word segmentation: Material's search plugin segments every run of Chinese characters with
  jieba, and loading jieba's dictionary alone costs about half a second per build. The words jieba
  gives for each run are kept, keyed by the run's text, for jieba's version and dictionary file; a
  build loads jieba only to segment a run it has not seen. The index is the same, byte for byte.
* Compiled templates: Jinja compiles Material's templates anew for each language of each build;
  their bytecode is kept (Jinja's own FileSystemBytecodeCache, which checks each template's source
  and Jinja's and Python's versions), in a folder of its own for each environment configuration.
* Checks that passed: the build's check that the generated tables, charts and downloads are what the
  data gives is skipped when it passed before on the same bytes of every file it could read (the
  project's text, data, documents and code: inputs_digest) with the same Python and packages.

All live in cache_dir(): $BILINGUAL_CACHE_DIR (or its old name, $HURRICANE_CACHE_DIR), else
`cache/bilingual` in the virtual environment
(so `make distclean` removes it), else the user's cache folder. Nothing there is needed: with the folder
empty or not writable, a build does the work again and gives the same site.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scripts.core.files import files_digest, write_atomic

APP = "bilingual"
CACHE_ENV = ("BILINGUAL_CACHE_DIR", "HURRICANE_CACHE_DIR")  # the name, then the old name it had
SEGMENTS_FILE = "jieba-segments.json"
SEGMENTS_LIMIT = 200_000  # runs kept beyond those of the last build, before the file is pruned to those


def cache_dir() -> Path:
    for name in CACHE_ENV:
        if os.environ.get(name):
            return Path(os.environ[name])
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "cache" / APP
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP))


# --- word segmentation --------------------------------------------------------------------------------------


class SegmentMemo:
    """Stands in for the jieba module in Material's search plugin: `cut` gives jieba's words for a text,
    from memory when the text was segmented before; everything else is jieba's own."""

    def __init__(self, jieba: Any, path: Path) -> None:
        self._jieba = jieba
        self.path = path
        self.words: dict[str, list[str]] | None = None  # loaded on first use
        self.used: set[str] = set()
        self.added = False
        self.enabled = True  # off once a build sets another dictionary: the kept words are not its words

    def __getattr__(self, name: str) -> Any:
        return getattr(self._jieba, name)

    def key(self) -> str:
        """jieba's version and the identity of its dictionary file: the words are valid for these only."""
        from importlib.metadata import version

        configured = self._jieba.dt.dictionary  # None: jieba's own dictionary, in its package
        dictionary = (
            Path(configured) if configured else Path(self._jieba.__file__).parent / self._jieba.DEFAULT_DICT_NAME
        )
        stat = dictionary.stat()
        return f"jieba {version('jieba')}; {dictionary} {stat.st_size} {stat.st_mtime_ns}"

    def _load(self) -> dict[str, list[str]]:
        if self.words is None:
            self.words = {}
            try:
                stored = json.loads(self.path.read_text(encoding="utf-8"))
                if stored.get("key") == self.key():
                    self.words = stored["words"]
            except (OSError, ValueError, KeyError, AttributeError):
                pass
        return self.words

    def set_dictionary(self, *args: Any, **kwargs: Any) -> Any:
        self.enabled = False
        return self._jieba.set_dictionary(*args, **kwargs)

    def load_userdict(self, *args: Any, **kwargs: Any) -> Any:
        self.enabled = False
        return self._jieba.load_userdict(*args, **kwargs)

    def cut(self, sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        if args or kwargs or not self.enabled:
            return iter(self._jieba.cut(sentence, *args, **kwargs))
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else str(sentence)
        words = self._load().get(text)
        if words is None:
            words = self._words(text)
        self.used.add(text)
        return iter(words)

    def _words(self, text: str) -> list[str]:
        words = list(self._jieba.cut(text))
        assert self.words is not None
        self.words[text] = words
        self.added = True
        return words

    def save(self) -> None:
        """Keep the words on disk when this build segmented a text it had not seen."""
        if not self.added or self.words is None or not self.enabled:
            return
        words = self.words if len(self.words) <= SEGMENTS_LIMIT else {t: self.words[t] for t in self.used}
        try:
            write_atomic(
                self.path,
                json.dumps({"key": self.key(), "words": words}, ensure_ascii=False, separators=(",", ":")).encode(
                    "utf-8"
                ),
            )
        except OSError:
            return  # a cache that cannot be written is only slower
        self.added = False


_memo: SegmentMemo | None = None


def segment_memo() -> SegmentMemo | None:
    """Material's search plugin segmenting through the memo (installed once per process); None without jieba."""
    global _memo
    try:
        from material.plugins.search import plugin as search
    except ImportError:
        return None
    if getattr(search, "jieba", None) is None:
        return None
    if isinstance(search.jieba, SegmentMemo):
        return search.jieba
    if _memo is None:
        _memo = SegmentMemo(search.jieba, cache_dir() / SEGMENTS_FILE)
    search.jieba = _memo
    return _memo


# --- compiled templates -------------------------------------------------------------------------------------


def template_cache(env: Any) -> Any:
    """A bytecode cache for a Jinja environment, in a folder of its own for the environment's settings."""
    from jinja2 import FileSystemBytecodeCache

    autoescape = getattr(env.autoescape, "__qualname__", env.autoescape)  # a function's name, not its address
    settings = repr(
        (
            sorted(env.extensions),
            autoescape,
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            type(env).__module__,
            type(env).__qualname__,
        )
    )
    folder = cache_dir() / "jinja" / hashlib.sha256(settings.encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


# --- checks that passed -------------------------------------------------------------------------------------

PASSED_FILE = "passed.json"
# What a check of the project may read: every file of these folders (and mkdocs.yml), the code that checks
# included. A check that passed on the same bytes, with the same Python and packages, passes again.
INPUTS = ("mkdocs.yml", "docs", "data", "documents", "includes", "source", "scripts")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Jinja2", "PyYAML", "jsonschema", "Markdown")


def inputs_digest(project: Path) -> str:
    """A digest of everything under INPUTS (names and bytes), Python's version and the packages' versions."""
    from importlib.metadata import PackageNotFoundError, version

    versions = [sys.version]
    for name in PACKAGES:
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} -")
    files: list[Path] = []
    for top in INPUTS:
        path = project / top
        files += (
            sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            if path.is_dir()
            else [path]
        )
    return files_digest(files, project, "\0".join(versions).encode())


def _passed_path() -> Path:
    return cache_dir() / PASSED_FILE


def passed(check: str, digest: str) -> bool:
    """Whether `check` passed on the inputs of this digest (kept by remember_passed)."""
    try:
        return bool(json.loads(_passed_path().read_text(encoding="utf-8")).get(check) == digest)
    except (OSError, ValueError, AttributeError):
        return False


def remember_passed(check: str, digest: str) -> None:
    path = _passed_path()
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        stored = stored if isinstance(stored, dict) else {}
    except (OSError, ValueError):
        stored = {}
    stored[check] = digest
    try:
        write_atomic(path, json.dumps(stored, sort_keys=True).encode("utf-8"))
    except OSError:
        return  # a cache that cannot be written is only slower
