"""Policy checks of the CI workflows (.github/workflows), beside actionlint's own lint.

* every action is pinned to a full commit SHA;
* every workflow declares `permissions` at the top, and none runs on `pull_request_target`;
* the pull-request workflow runs the README's test command and uploads the built site;
* the deploy workflow runs on pushes to main and deploys to GitHub Pages.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.core.paths import ROOT, rel

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED_RE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def readme_commands(readme: Path = ROOT / "README.md") -> list[str]:
    """The commands of the README's first code block: `make serve`, `make test`."""
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.split("#")[0].strip()] if block else []


def _triggers(doc: dict) -> dict:
    on = doc.get("on", doc.get(True, {}))  # YAML 1.1 reads a bare `on` key as True
    return {on: None} if isinstance(on, str) else {k: None for k in on} if isinstance(on, list) else (on or {})


def _steps(doc: dict) -> list[dict]:
    return [step for job in (doc.get("jobs") or {}).values() for step in job.get("steps", [])]


def check(folder: Path = WORKFLOWS, readme: Path = ROOT / "README.md") -> list[str]:
    findings: list[str] = []
    test_command = next((c for c in readme_commands(readme) if c.endswith(" test")), "make test")
    seen_pr = seen_deploy = False
    for path in sorted(folder.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        where = rel(path)
        doc = yaml.safe_load(text) or {}
        for number, line in enumerate(text.splitlines(), 1):
            m = re.match(r"\s*-?\s*uses:\s*([^\s#]+)", line)
            if m and not m.group(1).startswith("./") and not PINNED_RE.match(m.group(1)):
                findings.append(f"{where}:{number}: [workflows] {m.group(1)}: pin the action to a full commit SHA")
        if "permissions" not in doc:
            findings.append(f"{where}:1: [workflows] no top-level `permissions`: declare the least the workflow needs")
        triggers = _triggers(doc)
        if "pull_request_target" in triggers:
            findings.append(f"{where}:1: [workflows] runs on pull_request_target: use pull_request")
        runs = [step.get("run", "") for step in _steps(doc)]
        uses = [step.get("uses", "") for step in _steps(doc)]
        if "pull_request" in triggers:
            seen_pr = True
            if not any(test_command in run for run in runs):
                findings.append(f"{where}:1: [workflows] the pull-request workflow does not run the README's `{test_command}`")
            if not any(u.startswith("actions/upload-artifact@") for u in uses):
                findings.append(f"{where}:1: [workflows] the pull-request workflow does not upload the built site")
        push = triggers.get("push") or {}
        if "push" in triggers and "main" in (push.get("branches") or []):
            seen_deploy = True
            if not any(u.startswith("actions/deploy-pages@") for u in uses):
                findings.append(f"{where}:1: [workflows] the push workflow does not deploy to GitHub Pages")
    if not seen_pr:
        findings.append(f"{rel(folder)}: [workflows] no workflow runs on pull_request")
    if not seen_deploy:
        findings.append(f"{rel(folder)}: [workflows] no workflow deploys on push to main")
    return findings
