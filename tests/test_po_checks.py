"""The PO export passes the tools translators know, and they catch what they are for: GNU gettext's
`msgfmt --check`, and translate-toolkit's `pofilter` with the tests data/pofilter.yml runs for Chinese to
English (each of which fails on a copy broken for it); `po check` runs both after the import's own checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from conftest import ROOT, cli
from translator_files import copy_project, edit_entry

from scripts.translators import po, quality


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("checks") / "project")


@pytest.fixture(scope="module")
def exported(project: Path) -> Path:
    path = project.parent / "export.po"
    po.export("interview", path, project)
    return path


def msgstr(path: Path, block_id: str) -> str:
    e = polib.pofile(str(path)).find(block_id, by="msgctxt")
    assert e is not None
    return str(e.msgstr)


def line_of(path: Path, block_id: str) -> int:
    e = polib.pofile(str(path)).find(block_id, by="msgctxt")
    assert e is not None
    return int(e.linenum)


def test_msgfmt_check_passes_on_the_export_of_the_project(tmp_path: Path) -> None:
    po.export("interview", tmp_path / "interview.po", ROOT)
    assert quality.msgfmt(tmp_path / "interview.po", "interview.po") == []


def test_msgfmt_check_catches_a_broken_entry_and_a_broken_header(exported: Path, tmp_path: Path) -> None:
    path = edit_entry(exported, tmp_path / "x.po", "part3-a1-p2", msgstr(exported, "part3-a1-p2") + "\n")
    pofile = polib.pofile(str(path))
    del pofile.metadata["Last-Translator"]
    pofile.save(str(path))
    found = quality.msgfmt(path, "x.po")
    start = line_of(path, "part3-a1-p2")
    at = [int(f.split(":")[1]) for f in found if "'msgid' and 'msgstr' entries do not both end with" in f]
    assert len(at) == 1 and start <= at[0] < start + 12, found
    assert "x.po:9: [msgfmt] warning: header field 'Last-Translator' missing in header" in found


def test_a_missing_msgfmt_says_how_to_install_it(
    exported: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        quality.ToolError, match=r"msgfmt \(Debian's gettext\) is not installed: `make translator-setup`"
    ):
        quality.msgfmt(exported, "x.po")


def test_every_pofilter_test_is_run_or_excluded_with_a_reason() -> None:
    run, excluded = quality.pofilter_tests()
    assert set(quality.known_tests()) == set(run) | set(excluded)
    assert not set(run) & set(excluded)


def test_pofilter_passes_on_the_export_with_the_configured_tests(exported: Path) -> None:
    assert quality.pofilter(exported, "export.po") == []


Edit = Callable[[str], str]
# For each test data/pofilter.yml runs: an entry and an edit that it must catch there.
BREAKS: dict[str, tuple[str, Edit]] = {
    "untranslated": ("part3-a1-p2", lambda s: ""),
    "blank": ("part3-a1-p2", lambda s: " "),
    "isfuzzy": ("part3-a1-p2", lambda s: s),  # the entry is marked fuzzy below
    "short": ("part3-a1-p3", lambda s: "First."),
    "long": ("editors-note", lambda s: s + ", and a great deal more than the Chinese heading says"),
    "doublewords": ("part3-a1-p2", lambda s: s.replace("the ", "the the ", 1)),
    "doublespacing": ("part3-a1-p2", lambda s: s.replace(" ", "  ", 1)),
    "startwhitespace": ("part3-a1-p2", lambda s: " " + s),
    "endwhitespace": ("part3-a1-p2", lambda s: s + " "),
    "tabs": ("part3-a1-p2", lambda s: s.replace(" ", "\t", 1)),
    "escapes": ("part3-a1-p2", lambda s: s + " \\"),
    "acronyms": ("data-downloads-p1", lambda s: s.replace("CSV", "comma-separated")),
    "urls": ("part3-a1-p2", lambda s: s + " https://attacker.example/"),
    "emails": ("part3-a1-p2", lambda s: s + " someone@attacker.example"),
    "compendiumconflicts": ("part3-a1-p2", lambda s: "#-#-#-#-#  a.po  #-#-#-#-#\n" + s),
}


def test_every_test_that_runs_has_a_broken_copy_here() -> None:
    assert set(BREAKS) == set(quality.pofilter_tests()[0])


@pytest.mark.parametrize("test", sorted(BREAKS))
def test_each_configured_pofilter_test_fails_on_a_copy_broken_for_it(exported: Path, tmp_path: Path, test: str) -> None:
    block_id, edit = BREAKS[test]
    path = edit_entry(exported, tmp_path / "x.po", block_id, edit(msgstr(exported, block_id)), fuzzy=test == "isfuzzy")
    found = quality.pofilter(path, "x.po")
    assert any(
        f.startswith(f"x.po:{line_of(path, block_id)}: [pofilter {test}] msgctxt '{block_id}': ") for f in found
    ), found


def test_a_test_listed_twice_or_without_its_reason_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "pofilter.yml"
    config.write_text("run:\n  blank: white space\nexcluded:\n  blank: twice\n", encoding="utf-8")
    with pytest.raises(quality.ToolError, match="listed both to run and excluded: blank"):
        quality.pofilter_tests(config)
    config.write_text("run:\n  blank: white space\nexcluded:\n  tabs: ''\n", encoding="utf-8")
    with pytest.raises(quality.ToolError, match=r"pofilter.yml:4: test 'tabs' has no reason"):
        quality.pofilter_tests(config)


def test_po_check_passes_a_clean_file_and_reports_a_broken_one(project: Path, exported: Path) -> None:
    ok = cli(project, "po", "check", str(exported))
    assert ok.returncode == 0 and "po check: OK" in ok.stderr, ok.stdout + ok.stderr
    broken = edit_entry(exported, project / "broken.po", "part3-a1-p2", msgstr(exported, "part3-a1-p2") + " ")
    result = cli(project, "po", "check", "broken.po")
    line = line_of(broken, "part3-a1-p2")
    assert (
        result.returncode == 1 and f"broken.po:{line}: [pofilter endwhitespace] msgctxt 'part3-a1-p2'" in result.stdout
    )
    refused = edit_entry(exported, project / "refused.po", "part3-a1-p2", msgstr(exported, "part3-a1-p2") + " <b>")
    result = cli(project, "po", "check", "refused.po")
    assert (
        result.returncode == 2
        and f"refused.po:{line_of(refused, 'part3-a1-p2')}: msgctxt 'part3-a1-p2'" in result.stderr
    )
