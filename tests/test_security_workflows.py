"""The workflow policy reads the parsed YAML of .github/workflows (every form of it), so each way a pull
request could make CI run a stranger's code with write access, or upload a site it did not check, is a
finding at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_once

from scripts.checks import workflows
from scripts.core.policy import for_root

PR = ".github/workflows/pull-request.yml"
DEPLOY = ".github/workflows/deploy.yml"
CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"


def findings(project: Path) -> list[str]:
    folder = project / ".github" / "workflows"
    return [str(f) for f in workflows.check(folder, project / "README.md", for_root(project))]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def add_workflow(project: Path, name: str, text: str) -> Path:
    path = project / ".github" / "workflows" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            f"      - uses: {CHECKOUT} # v4.2.2\n        with:\n          persist-credentials: false\n          fetch-depth: 0 # the",
            f"      - {{uses: someone/action@main}}\n      - uses: {CHECKOUT} # v4.2.2\n        with:\n          persist-credentials: false\n          fetch-depth: 0 # the",
            "[workflows] someone/action@main: pin the action to a full commit SHA",
        ),
        (
            "      - name: Translation status\n",
            "      - uses: docker://alpine:latest\n      - name: Translation status\n",
            "[workflows] docker://alpine:latest: pin the image to its digest (@sha256:…)",
        ),
        (
            "permissions:\n  contents: read\n",
            "permissions: write-all\n",
            "permissions: write-all grants every scope to every job",
        ),
        (
            "permissions:\n  contents: read\n",
            "permissions:\n  contents: write\n",
            "top-level permissions give contents: write to every job",
        ),
        (
            "    runs-on: ubuntu-24.04\n",
            "    runs-on: ubuntu-24.04\n    permissions:\n      pages: write\n",
            "job test holds pages: write: only a job using actions/deploy-pages needs it",
        ),
        (
            "on:\n  pull_request:\n",
            "on:\n  pull_request:\n  issue_comment:\n",
            "runs on issue_comment, not on workflows.triggers of data/policy/allowlist.yml",
        ),
        (
            "        run: .venv/bin/python -m scripts status\n",
            '        run: echo "${{ github.event.pull_request.title }}"\n',
            "${{ github.event.pull_request.title }} inside run: is expanded into the script",
        ),
        (
            "        run: .venv/bin/python -m scripts status\n",
            "        run: git log ${{ github.head_ref }}\n",
            "${{ github.head_ref }} inside run:",
        ),
        (
            "        run: .venv/bin/python -m scripts status\n",
            "        run: echo '${{ toJSON(github.event) }}'\n",
            "${{ toJSON(github.event) }} inside run:",
        ),
        (
            "          persist-credentials: false\n          fetch-depth: 0 # the",
            "          fetch-depth: 0 # the",
            "actions/checkout without `persist-credentials: false`",
        ),
    ],
)
def test_each_unsafe_form_in_the_pull_request_workflow_is_caught_at_its_line(
    project_copy: Path, old: str, new: str, message: str
) -> None:
    replace_once(project_copy / PR, old, new)
    found = [f for f in findings(project_copy) if message in f]
    assert found and all(f.startswith(f"{PR}:") for f in found), findings(project_copy)


def test_an_untrusted_field_in_a_github_script_is_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / PR,
        "      - name: Translation status\n",
        "      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea\n"
        "        with:\n          script: console.log('${{ github.event.pull_request.body }}')\n"
        "      - name: Translation status\n",
    )
    assert any("${{ github.event.pull_request.body }} inside script:" in f for f in findings(project_copy))


def test_a_value_passed_through_env_is_not_a_finding(project_copy: Path) -> None:
    replace_once(
        project_copy / PR,
        "        run: .venv/bin/python -m scripts status\n",
        '        run: echo "$TITLE"\n        env:\n          TITLE: ${{ github.event.pull_request.title }}\n',
    )
    assert findings(project_copy) == []


def test_a_workflow_run_that_checks_out_the_pull_request_with_write_access_is_caught(project_copy: Path) -> None:
    path = add_workflow(
        project_copy,
        "comment.yml",
        "name: Comment\non:\n  workflow_run:\n    workflows: [Pull request]\n    types: [completed]\n"
        "permissions:\n  contents: read\n  pull-requests: write\n"
        "jobs:\n  comment:\n    runs-on: ubuntu-24.04\n    steps:\n"
        f"      - uses: {CHECKOUT}\n        with:\n          persist-credentials: false\n"
        "          ref: ${{ github.event.workflow_run.head_sha }}\n"
        "      - run: make test\n",
    )
    found = findings(project_copy)
    where = ".github/workflows/comment.yml"
    assert (
        f"{where}:{line_of(path, 'workflow_run:')}: [workflows] runs on workflow_run, not on workflows.triggers of data/policy/allowlist.yml: it runs with the repository's write token and secrets"
        in found
    )
    assert (
        f"{where}:{line_of(path, 'pull-requests: write')}: [workflows] top-level permissions give pull-requests: write to every job: give it to the job that needs it"
        in found
    )
    assert any(
        f.startswith(f"{where}:")
        and "checks out code named by the event (${{ github.event.workflow_run.head_sha }}) under workflow_run" in f
        for f in found
    ), found


def test_an_unpinned_reusable_workflow_is_caught(project_copy: Path) -> None:
    add_workflow(
        project_copy,
        "reuse.yml",
        "name: Reuse\non: [workflow_dispatch]\npermissions: {}\njobs:\n  call:\n    uses: someone/repo/.github/workflows/x.yml@v1\n",
    )
    assert any(
        f.startswith(
            ".github/workflows/reuse.yml:6: [workflows] someone/repo/.github/workflows/x.yml@v1: pin the reusable workflow"
        )
        for f in findings(project_copy)
    )


def test_deploying_a_site_other_than_the_one_checked_is_caught(project_copy: Path) -> None:
    """The attack that passed: `make test` checked one build, and the upload took another."""
    path = project_copy / DEPLOY
    replace_once(
        path,
        "      - name: Check the very site it uploads",
        "      - name: Build it again\n        run: make build\n      - name: Check the very site it uploads",
    )
    replace_once(
        path,
        "        run: .venv/bin/python -m scripts check site\n",
        "        run: .venv/bin/python -m scripts check site\n      - run: make build\n",
    )
    line = line_of(path, "actions/upload-pages-artifact@")
    assert (
        f"{DEPLOY}:{line}: [workflows] uploads site/ without `python -m scripts check site` in the step right before "
        "it, after its build: the site it uploads must be the site it checked" in findings(project_copy)
    )


def test_checking_the_site_for_another_address_than_its_build_is_caught(project_copy: Path) -> None:
    path = project_copy / DEPLOY
    text = path.read_text(encoding="utf-8")
    check = text.index("      - name: Check the very site it uploads")
    path.write_text(
        text[:check]
        + text[check:].replace("SITE_URL: ${{ steps.pages.outputs.base_url }}/", "SITE_URL: http://127.0.0.1:8000/", 1),
        encoding="utf-8",
    )
    assert any(
        "`python -m scripts check site` runs with another SITE_URL or EDIT_URI than the build of site/" in f
        for f in findings(project_copy)
    )


def test_the_pull_request_workflow_must_check_the_artifact_it_uploads(project_copy: Path) -> None:
    path = project_copy / PR
    replace_once(
        path,
        "        run: .venv/bin/python -m scripts check site\n",
        "        run: .venv/bin/python -m scripts check\n",
    )
    assert (
        f"{PR}:{line_of(path, 'actions/upload-artifact@')}: [workflows] uploads site/ without `python -m scripts check site`"
        in " ".join(findings(project_copy))
    )


def test_the_real_workflows_follow_the_policy() -> None:
    assert workflows.check() == []
