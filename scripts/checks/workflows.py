"""Policy checks of the CI workflows (.github/workflows), on their parsed YAML (so every form of it:
flow style `- {uses: …}` as much as block style), beside actionlint's own lint. The lists are in
data/policy/allowlist.yml, `workflows`.

* every `uses:` (a step's action, a job's reusable workflow) is pinned to a full commit SHA, a
  `docker://` image to its digest; `./` actions are the repository's own;
* `permissions` are declared at the top, with no write scope there and never `write-all`; a job
  holds a write scope only when it uses an action that needs it (`write_scopes`);
* triggers only from `triggers`: no pull_request_target, workflow_run, issue_comment … (they run with
  write access and secrets while a pull request's code or text is at hand), and a privileged trigger
  that checks out or downloads a pull request's code is named as such;
* an expression `${{ … }}` inside `run:` (or actions/github-script's `script`) reads only what
  `run_expressions` names: a pull request's title, body or branch name would be run by the shell;
* actions/checkout keeps no credentials (`persist-credentials: false`);
* the pull-request workflow runs the README's test command; a workflow that uploads the site runs
  `python -m scripts check` on that very folder right before uploading it, after building it, with
  the build's SITE_URL and EDIT_URI; the push workflow deploys to GitHub Pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scripts.core.findings import Finding
from scripts.core.paths import ROOT, rel
from scripts.core.policy import Policy, for_root
from scripts.core.yamlfile import Lines, line_of, read_yaml

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED_RE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
DOCKER_PINNED_RE = re.compile(r"^docker://[^@\s]+@sha256:[0-9a-f]{64}$")
EXPRESSION_RE = re.compile(r"\$\{\{(.*?)\}\}", re.S)
CONTEXT_RE = re.compile(
    r"\b(?:github|env|steps|needs|inputs|matrix|secrets|vars|runner|job|jobs|strategy)(?:\.[\w-]+|\.\*|\[[^\]]*\])*"
)
BUILD_RE = re.compile(r"\bmake build\b|\bmkdocs build\b")
UPLOADS = ("actions/upload-artifact@", "actions/upload-pages-artifact@")


def readme_commands(readme: Path = ROOT / "README.md") -> list[str]:
    """The commands of the README's first code block: `make serve`, `make test`."""
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    return (
        [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.split("#")[0].strip()]
        if block
        else []
    )


Workflow = dict[Any, Any]  # a workflow file as YAML reads it (its keys include True: see _triggers)


def _on_key(doc: Workflow) -> Any:
    return "on" if "on" in doc else True  # YAML 1.1 reads a bare `on` key as True


def _triggers(doc: Workflow) -> dict[str, Any]:
    """The events a workflow runs on, each with its settings (None if it has none)."""
    on = doc.get(_on_key(doc), {})
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {k: None for k in on}
    return dict(on or {})


def _jobs(doc: Workflow) -> dict[str, dict[str, Any]]:
    jobs = doc.get("jobs") or {}
    return {str(k): v for k, v in jobs.items() if isinstance(v, dict)} if isinstance(jobs, dict) else {}


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in job.get("steps") or [] if isinstance(s, dict)]


def _scopes(permissions: Any) -> tuple[bool, list[str]]:
    """(write-all, the scopes written) of a `permissions` value."""
    if permissions == "write-all":
        return True, []
    if isinstance(permissions, dict):
        return False, [str(k) for k, v in permissions.items() if v == "write"]
    return False, []


def _run_expressions(text: str, allowed: dict[str, str]) -> list[str]:
    """Each expression of a script that reads something not on `allowed`."""
    bad = []
    for m in EXPRESSION_RE.finditer(text):
        refs = CONTEXT_RE.findall(m.group(1))
        if any(ref not in allowed for ref in refs):
            bad.append(" ".join(m.group(1).split()))
    return bad


def _checks_site(step: dict[str, Any], folder: str) -> bool:
    run = str(step.get("run") or "")
    return re.search(rf"python -m scripts check\s+{re.escape(folder)}/?(?:\s|$)", run) is not None


def _site_env(step: dict[str, Any]) -> dict[str, Any]:
    env = step.get("env") or {}
    return {k: env.get(k) for k in ("SITE_URL", "EDIT_URI")} if isinstance(env, dict) else {}


def check(folder: Path = WORKFLOWS, readme: Path = ROOT / "README.md", policy: Policy | None = None) -> list[Finding]:
    """The policy findings of every workflow of `folder`; the README names the test command."""
    policy = policy or for_root(folder.parent.parent)
    rules = policy.workflows
    findings: list[Finding] = []
    test_command = next((c for c in readme_commands(readme) if c.endswith(" test")), "make test")
    seen_pr = seen_deploy = False
    for path in sorted(folder.glob("*.y*ml")):
        where = rel(path)
        data, lines = read_yaml(path)
        doc: Workflow = data if isinstance(data, dict) else {}

        def found(key: tuple[Any, ...], message: str, id: str = "", lines: Lines = lines, where: str = where) -> None:
            findings.append(Finding(where, line_of(lines, key) if key else 1, "workflows", id, message))

        triggers = _triggers(doc)
        jobs = _jobs(doc)
        if "permissions" not in doc:
            found((), "no top-level `permissions`: declare the least the workflow needs")
        everything, written = _scopes(doc.get("permissions"))
        if everything:
            found(
                ("permissions",),
                "permissions: write-all grants every scope to every job: name the scopes each job needs",
            )
        for scope in written:
            found(
                ("permissions", scope),
                f"top-level permissions give {scope}: write to every job: give it to the job that needs it",
            )
        if "pull_request_target" in triggers:
            found((), "runs on pull_request_target: use pull_request")
        privileged = [t for t in triggers if t not in rules["triggers"]]
        text_lines = path.read_text(encoding="utf-8").split("\n")
        for trigger in privileged:
            if trigger != "pull_request_target":
                # the line that names the trigger (the line YAML gives is that of its settings)
                start = line_of(lines, ("on",)) - 2
                named = next(
                    (
                        n
                        for n in range(max(start, 0), len(text_lines))
                        if re.search(rf"\b{re.escape(trigger)}\b", text_lines[n])
                    ),
                    0,
                )
                findings.append(
                    Finding(
                        where,
                        named + 1,
                        "workflows",
                        "",
                        f"runs on {trigger}, not on workflows.triggers of {policy.where}: it runs with the "
                        "repository's write token and secrets",
                    )
                )
        for name, job in jobs.items():
            uses_here = [str(s.get("uses") or "") for s in _steps(job)] + [str(job.get("uses") or "")]
            job_all, job_written = _scopes(job.get("permissions"))
            if job_all:
                found(
                    ("jobs", name, "permissions"),
                    f"job {name}: permissions: write-all grants every scope: name the scopes it needs",
                )
            for scope in job_written:
                needs = rules["write_scopes"].get(scope, [])
                if not any(u.startswith(f"{action}@") for u in uses_here for action in needs):
                    why = (
                        f"only a job using {', '.join(needs)} needs it" if needs else "no job of this project needs it"
                    )
                    found(("jobs", name, "permissions", scope), f"job {name} holds {scope}: write: {why}")
            if job.get("uses"):
                ref = str(job["uses"])
                if not ref.startswith("./") and not PINNED_RE.match(ref):
                    found(("jobs", name, "uses"), "pin the reusable workflow to a full commit SHA", ref)
            steps = _steps(job)
            for i, step in enumerate(steps):
                key = ("jobs", name, "steps", i)
                uses = str(step.get("uses") or "")
                if uses.startswith("docker://"):
                    if not DOCKER_PINNED_RE.match(uses):
                        found((*key, "uses"), "pin the image to its digest (@sha256:…)", uses)
                elif uses and not uses.startswith("./") and not PINNED_RE.match(uses):
                    found((*key, "uses"), "pin the action to a full commit SHA", uses)
                scripts = [("run", str(step.get("run") or ""))]
                if uses.startswith("actions/github-script@"):
                    scripts.append(("script", str((step.get("with") or {}).get("script") or "")))
                for field, text in scripts:
                    for expr in _run_expressions(text, rules["run_expressions"]):
                        found(
                            (*key, field),
                            f"${{{{ {expr} }}}} inside {field}: is expanded into the script, and a pull request's "
                            f'author may write it: pass it through env: and use "$NAME" (workflows.run_expressions of {policy.where})',
                        )
                options = step.get("with") or {}
                if uses.startswith("actions/checkout@"):
                    if options.get("persist-credentials") is not False:
                        found(
                            (*key, "uses"),
                            "actions/checkout without `persist-credentials: false` leaves the token in .git/config for every later step",
                        )
                    ref = str(options.get("ref") or "") + str(options.get("repository") or "")
                    if privileged and "${{" in ref:
                        found(
                            (*key, "with"),
                            f"checks out code named by the event ({ref}) under {', '.join(privileged)}: a pull request's code would run with write access",
                        )
                if privileged and uses.startswith("actions/download-artifact@"):
                    found(
                        (*key, "uses"),
                        f"downloads an artifact under {', '.join(privileged)}: a pull request's build would reach a privileged job",
                    )
                if uses.startswith(UPLOADS):
                    default = "_site" if uses.startswith("actions/upload-pages-artifact@") else ""
                    site = str(options.get("path") or default).rstrip("/")
                    builds = [j for j, s in enumerate(steps[:i]) if BUILD_RE.search(str(s.get("run") or ""))]
                    checked = i > 0 and _checks_site(steps[i - 1], site)
                    if not checked or not builds or builds[-1] > i - 1:
                        found(
                            (*key, "uses"),
                            f"uploads {site}/ without `python -m scripts check {site}` in the step right before it, "
                            "after its build: the site it uploads must be the site it checked",
                        )
                    elif _site_env(steps[i - 1]) != _site_env(steps[builds[-1]]):
                        found(
                            (*key, "uses"),
                            f"`python -m scripts check {site}` runs with another SITE_URL or EDIT_URI than the build of {site}/",
                        )
        all_steps = [s for job in jobs.values() for s in _steps(job)]
        runs = [str(s.get("run") or "") for s in all_steps]
        uses_all = [str(s.get("uses") or "") for s in all_steps]
        if "pull_request" in triggers:
            seen_pr = True
            if not any(test_command in run for run in runs):
                found((), f"the pull-request workflow does not run the README's `{test_command}`")
            if not any(u.startswith("actions/upload-artifact@") for u in uses_all):
                found((), "the pull-request workflow does not upload the built site")
        push = triggers.get("push") or {}
        if "push" in triggers and "main" in (push.get("branches") or []):
            seen_deploy = True
            if not any(u.startswith("actions/deploy-pages@") for u in uses_all):
                found((), "the push workflow does not deploy to GitHub Pages")
    if not seen_pr:
        findings.append(Finding(rel(folder), 1, "workflows", "", "no workflow runs on pull_request"))
    if not seen_deploy:
        findings.append(Finding(rel(folder), 1, "workflows", "", "no workflow deploys on push to main"))
    return findings
