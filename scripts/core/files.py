"""Reading and writing files safely. Reading: UTF-8 without a byte order mark, or an `InputError` that
names the file and line. Writing: whole or not at all, as ordinary 0644 files, and only when their
content changes; a temporary file (`.NAME.*.tmp`, ignored by git) is removed when the writing fails."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from scripts.core.paths import rel

BOM = "\ufeff"


class InputError(ValueError):
    """A file that cannot be read as the project's text; str() is `file:line: what is wrong`."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.file = path if isinstance(path, str) else rel(path)
        self.line, self.message = line, message
        super().__init__(f"{self.file}:{line}: {message}")


def read_text(path: Path) -> str:
    """The text of a file as UTF-8 without a byte order mark; InputError at the line of the first byte
    that is not UTF-8, or at line 1 for a BOM or a file that cannot be opened."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, 1, f"cannot read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise InputError(
            path, line, f"not UTF-8: byte 0x{data[err.start]:02x} at column {column}; save the file as UTF-8"
        ) from None
    if text.startswith(BOM):
        raise InputError(path, 1, "starts with a byte order mark (U+FEFF): save the file as UTF-8 without BOM")
    return text


# The project's text inputs, which every check reads: each is UTF-8 without a BOM.
TEXT_INPUTS = (
    "mkdocs.yml",
    "docs/**/*.md",
    "data/**/*.yml",
    "data/**/*.json",
    "source/**/*.txt",
    "includes/**/*.md",
    "documents/**/*.yml",
    "documents/**/*.json",
    "documents/**/*.txt",
)


def unreadable(root: Path) -> list[InputError]:
    """Every text input of the project at `root` that `read_text` cannot read, in order."""
    errors = []
    for pattern in TEXT_INPUTS:
        for path in sorted(root.glob(pattern)):
            try:
                read_text(path)
            except InputError as err:
                errors.append(err)
    return errors


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename; the temporary file is
    removed if anything fails, so a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes the file private; a written file is an ordinary one
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` (UTF-8, `\\n` line ends) to `path` atomically unless it holds that already; return
    whether it changed."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def files_digest(files: Iterable[Path], root: Path, prefix: bytes = b"") -> str:
    """A digest of `prefix`, then each file's name (relative to `root`, which holds it) and bytes; a file that
    is missing or cannot be read counts as such. The memos of `serve` and of the build cache compare these."""
    digest = hashlib.sha256(prefix)
    for file in files:
        try:
            content = file.read_bytes()
        except OSError:
            content = b"\1unreadable"
        digest.update(f"{file.relative_to(root).as_posix()}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()
