"""Policy checks of the CI workflows (.github/workflows), beside actionlint's own lint.

* every action is pinned to a full commit SHA;
* every workflow declares `permissions` at the top, and none runs on `pull_request_target`;
* the pull-request workflow runs the README's test command and uploads the built site;
* the deploy workflow runs on pushes to main and deploys to GitHub Pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from scripts.core.findings import Finding
from scripts.core.paths import ROOT, rel

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED_RE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def readme_commands(readme: Path = ROOT / "README.md") -> list[str]:
    """The commands of the README's first code block: `make serve`, `make test`."""
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    return (
        [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.split("#")[0].strip()]
        if block
        else []
    )


Workflow = dict[Any, Any]  # a workflow file as YAML reads it (its keys include True: see _triggers)


def _triggers(doc: Workflow) -> dict[str, Any]:
    """The events a workflow runs on, each with its settings (None if it has none)."""
    on = doc.get("on", doc.get(True, {}))  # YAML 1.1 reads a bare `on` key as True
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {k: None for k in on}
    return dict(on or {})


def _steps(doc: Workflow) -> list[dict[str, Any]]:
    return [step for job in (doc.get("jobs") or {}).values() for step in job.get("steps", [])]


def check(folder: Path = WORKFLOWS, readme: Path = ROOT / "README.md") -> list[Finding]:
    """The policy findings of every workflow of `folder`; the README names the test command."""
    findings: list[Finding] = []

    def found(file: str, line: int, message: str, id: str = "") -> None:
        findings.append(Finding(file, line, "workflows", id, message))

    test_command = next((c for c in readme_commands(readme) if c.endswith(" test")), "make test")
    seen_pr = seen_deploy = False
    for path in sorted(folder.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        where = rel(path)
        doc: Workflow = yaml.safe_load(text) or {}
        for number, line in enumerate(text.splitlines(), 1):
            m = re.match(r"\s*-?\s*uses:\s*([^\s#]+)", line)
            if m and not m.group(1).startswith("./") and not PINNED_RE.match(m.group(1)):
                found(where, number, "pin the action to a full commit SHA", m.group(1))
        if "permissions" not in doc:
            found(where, 1, "no top-level `permissions`: declare the least the workflow needs")
        triggers = _triggers(doc)
        if "pull_request_target" in triggers:
            found(where, 1, "runs on pull_request_target: use pull_request")
        runs = [step.get("run", "") for step in _steps(doc)]
        uses = [step.get("uses", "") for step in _steps(doc)]
        if "pull_request" in triggers:
            seen_pr = True
            if not any(test_command in run for run in runs):
                found(where, 1, f"the pull-request workflow does not run the README's `{test_command}`")
            if not any(u.startswith("actions/upload-artifact@") for u in uses):
                found(where, 1, "the pull-request workflow does not upload the built site")
        push = triggers.get("push") or {}
        if "push" in triggers and "main" in (push.get("branches") or []):
            seen_deploy = True
            if not any(u.startswith("actions/deploy-pages@") for u in uses):
                found(where, 1, "the push workflow does not deploy to GitHub Pages")
    if not seen_pr:
        found(rel(folder), 1, "no workflow runs on pull_request")
    if not seen_deploy:
        found(rel(folder), 1, "no workflow deploys on push to main")
    return findings
