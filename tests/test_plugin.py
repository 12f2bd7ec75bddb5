"""The toolchain is one installed MkDocs plugin: registered by entry point, named in mkdocs.yml with
options MkDocs validates, its steps ordered against mkdocs-static-i18n in one table."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ROOT, build, replace_once
from mkdocs.plugins import BasePlugin
from mkdocs_static_i18n.plugin import I18n

from scripts.core import documents
from scripts.core.config import mkdocs_config
from scripts.core.yamlfile import YamlError
from scripts.plugin import BilingualPlugin
from scripts.plugin.plugin import ORDER


def _priority(plugin: type[BasePlugin], event: str) -> float:
    return float(getattr(getattr(plugin, event), "mkdocs_priority", 0))


def test_the_plugin_is_installed_under_its_entry_point_and_named_in_mkdocs_yml() -> None:
    assert entry_points(group="mkdocs.plugins")["bilingual"].load() is BilingualPlugin
    config = mkdocs_config(ROOT)
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert names[-1] == "bilingual" and "i18n" in names
    assert "hooks" not in config


def test_no_module_edits_sys_path() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "scripts").rglob("*.py")
        if re.search(r"\bsys\.path\b", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_steps_run_where_the_order_table_says_relative_to_i18n() -> None:
    for event, priority in ORDER.items():
        assert _priority(BilingualPlugin, event) == priority, event
    # the side-by-side pages need the files of the language that I18n has just picked
    assert _priority(BilingualPlugin, "on_files") < _priority(I18n, "on_files")
    # the sitemaps and the search index need every language built, which I18n does in its own on_post_build
    assert _priority(BilingualPlugin, "on_post_build") < _priority(I18n, "on_post_build")
    # the segmentation memo must be in place before Material's search plugin configures itself
    from material.plugins.search.plugin import SearchPlugin

    assert _priority(BilingualPlugin, "on_config") > _priority(SearchPlugin, "on_config")
    # the generated tables are back in a page's HTML (scripts/plugin/rawhtml.py) before any plugin of the
    # site reads it: the plugin named last in mkdocs.yml, its on_page_content must come first by priority
    for plugin in (I18n, SearchPlugin):
        if hasattr(plugin, "on_page_content"):
            assert _priority(BilingualPlugin, "on_page_content") > _priority(plugin, "on_page_content")
    assert _priority(BilingualPlugin, "on_page_content") > 0
    # every other event at the default priority
    for event in ("on_page_context", "on_pre_build", "on_startup"):
        assert event not in ORDER and _priority(BilingualPlugin, event) == 0


def test_an_unknown_option_fails_the_build_naming_the_key(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "mkdocs.yml", "  - bilingual:\n", "  - bilingual:\n      side_by_sides: false\n")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "side_by_sides" in result.stdout + result.stderr


def test_a_mistyped_option_fails_the_build_naming_the_key(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "mkdocs.yml", "  - bilingual:\n", "  - bilingual:\n      generated: sometimes\n")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "generated" in result.stderr and "sometimes" in result.stderr


def test_the_settings_are_read_once_and_again_when_mkdocs_yml_or_its_environment_changes(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = mkdocs_config(project_copy)
    first["nav"].append("mine.md")  # a caller's change stays its own
    assert "mine.md" not in mkdocs_config(project_copy)["nav"]
    replace_once(project_copy / "mkdocs.yml", "  - changes.md\n", "  - changes.md\n  - more.md\n")
    assert mkdocs_config(project_copy)["nav"][-1] == "more.md"
    monkeypatch.setenv("EDIT_URI", "edit/main/docs/")
    assert mkdocs_config(project_copy)["edit_uri"] == "edit/main/docs/"
    replace_once(project_copy / "mkdocs.yml", "strict: true", "strict: !!python/name:os.system")
    with pytest.raises(YamlError, match=r"mkdocs.yml:\d+: cannot be read safely"):
        mkdocs_config(project_copy)


def test_the_documents_are_read_again_when_a_document_yml_changes(project_copy: Path) -> None:
    path = project_copy / "documents" / "hurricane2016" / "document.yml"
    (main,) = documents.load(project_copy)
    replace_once(path, main.title["en"], "Another title")
    assert documents.load(project_copy)[0].title["en"] == "Another title"
    path.write_text(path.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(YamlError, match=r"documents/hurricane2016/document.yml:\d+"):
        documents.load(project_copy)
