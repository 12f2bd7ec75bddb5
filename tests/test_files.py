"""Generated files are written whole or not at all, as ordinary readable files, only when changed."""

import stat
from pathlib import Path

import pytest

from scripts.core.files import write_if_changed


def test_writes_a_readable_file_and_only_when_the_content_changes(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "out.md"
    assert write_if_changed(path, "一\n") is True
    assert path.read_text(encoding="utf-8") == "一\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert write_if_changed(path, "一\n") is False
    assert write_if_changed(path, "二\n") is True and path.read_text(encoding="utf-8") == "二\n"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_if_changed(path, "bad \udcff surrogate")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_bytes_are_written_as_an_ordinary_file_like_text(tmp_path: Path) -> None:
    from scripts.core.files import write_atomic

    path = tmp_path / "cache" / "words.json"
    write_atomic(path, b"{}")
    assert path.read_bytes() == b"{}" and stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_write_that_fails_at_the_rename_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.core import files

    path = tmp_path / "out.json"
    path.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        files.write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
