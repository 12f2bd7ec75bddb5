"""Contributors get workflows that run the README's commands safely, templates, and hooks that exist."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, replace_once

from scripts.checks import workflows
from scripts.core import repository

ACTIONLINT = Path(sys.executable).parent / "actionlint"


def test_readme_opens_with_the_two_commands() -> None:
    assert workflows.readme_commands()[:2] == ["make serve", "make test"]


def test_workflows_follow_the_policy() -> None:
    assert workflows.check() == []


def actionlint(project: Path) -> subprocess.CompletedProcess[str]:
    files = sorted(str(p) for p in (project / ".github" / "workflows").glob("*.yml"))
    return subprocess.run([str(ACTIONLINT), "-no-color", *files], cwd=project, capture_output=True, text=True)


def test_actionlint_passes_on_the_workflows() -> None:
    result = actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(project_copy: Path) -> None:
    replace_once(
        project_copy / ".github" / "workflows" / "pull-request.yml",
        "runs-on: ubuntu-24.04",
        "runs-on: ubuntu-24.04\n    timeout-minutes: soon",
    )
    result = actionlint(project_copy)
    assert result.returncode == 1 and "pull-request.yml" in result.stdout


def test_policy_catches_unpinned_actions_and_missing_commands(project_copy: Path) -> None:
    folder = project_copy / ".github" / "workflows"
    replace_once(
        folder / "pull-request.yml", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "actions/checkout@v4"
    )
    replace_once(folder / "pull-request.yml", "run: make test", "run: make build")
    replace_once(folder / "deploy.yml", "permissions:\n  contents: read\n", "")
    replace_once(folder / "deploy.yml", "on:\n  push:", "on:\n  pull_request_target:\n  push:")
    findings = [str(f) for f in workflows.check(folder, project_copy / "README.md")]
    assert any(
        f.startswith(".github/workflows/pull-request.yml:")
        and "actions/checkout@v4: pin the action to a full commit SHA" in f
        for f in findings
    )
    assert (
        ".github/workflows/pull-request.yml:1: [workflows] the pull-request workflow does not run the README's `make test`"
        in findings
    )
    assert (
        ".github/workflows/deploy.yml:1: [workflows] no top-level `permissions`: declare the least the workflow needs"
        in findings
    )
    assert ".github/workflows/deploy.yml:1: [workflows] runs on pull_request_target: use pull_request" in findings


def test_policy_reports_a_missing_kind_of_workflow_on_the_folder(project_copy: Path) -> None:
    folder = project_copy / ".github" / "workflows"
    (folder / "deploy.yml").unlink()
    assert [str(f) for f in workflows.check(folder, project_copy / "README.md")] == [
        ".github/workflows:1: [workflows] no workflow deploys on push to main"
    ]


def test_templates_and_contributing_guides_exist_in_both_languages() -> None:
    assert "part2-a1-p1" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "段落编号" in (ROOT / "CONTRIBUTING.zh.md").read_text(encoding="utf-8")
    assert "- [ ]" in (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "translation-error.yml").read_text(encoding="utf-8"))
    assert any(item.get("id") == "permalink" and item["validations"]["required"] for item in form["body"])


def test_pre_commit_hooks_name_commands_that_exist() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for hook in config["repos"][0]["hooks"]:
        entry = hook["entry"].split()
        if entry[1:3] == ["-m", "scripts"]:
            result = subprocess.run(
                [sys.executable, "-m", "scripts", entry[3], "--help"], cwd=ROOT, capture_output=True, text=True
            )
            assert result.returncode == 0, hook["id"]
        else:
            assert (ROOT / entry[0]).exists() or shutil.which(entry[0]) or entry[0] == ".venv/bin/actionlint", hook[
                "id"
            ]


def test_every_page_has_an_edit_link_to_its_own_source_when_the_repository_is_known(built_site: Path) -> None:
    edit_uri = repository.edit_uri(os.environ, ROOT)  # in CI, the git remote; here perhaps none (no edit link)
    for lang, prefix in [("zh", ""), ("en", "en/")]:
        html = (built_site / prefix / "part2" / "index.html").read_text(encoding="utf-8")
        if edit_uri:
            assert f'href="{edit_uri}{lang}/part2.md" title=' in html
        else:
            assert "md-content__button" not in html
