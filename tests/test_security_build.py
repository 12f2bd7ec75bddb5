"""Nothing from outside the repository, and a build configuration held to its allowlist: a symbolic link,
a hook, a YAML tag that runs code, an environment variable read into the site, or any other change of
what mkdocs.yml names fails the checks and the build, with a message that names the file and says what."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build, replace_once

from scripts.checks import build_policy, symlinks
from scripts.core.policy import for_root

BIN = Path(sys.executable).parent
POLICY = "data/policy/allowlist.yml"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=project, capture_output=True, text=True, timeout=300
    )


def make(project: Path, target: str) -> subprocess.CompletedProcess[str]:
    """`make TARGET` in a copy of the project, on this venv (its set-up taken as done)."""
    stamp, project_stamp = project / ".stamp", project / ".project-stamp"
    stamp.touch()
    project_stamp.touch()
    return subprocess.run(
        ["make", target, f"BIN={BIN}", f"STAMP={stamp}", f"PROJECT_STAMP={project_stamp}", "VENV=/nonexistent"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def policy_findings(project: Path) -> list[str]:
    return [str(f) for f in build_policy.check(project, for_root(project))]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


# --- symbolic links -----------------------------------------------------------------------------------


def test_a_symlink_under_docs_fails_the_build_and_the_checks(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "docs" / "en" / "environ.json").symlink_to("/proc/self/environ")
    finding = "docs/en/environ.json:1: [symlinks] is a symbolic link (to /proc/self/environ)"
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0 and finding in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "en" / "environ.json").exists()
    checked = run(project_copy, "check")
    assert checked.returncode == 1 and finding in checked.stdout


@pytest.mark.parametrize(
    "link, target",
    [
        ("data/figures/police-extra.yml", "/etc/passwd"),
        ("overrides/partials/footer.html", "/etc/hostname"),
        ("source/interview.en.txt", "/proc/self/environ"),
        ("docs/en/outside", "/etc"),
        ("docs/en/charts/node_modules", "/etc"),
    ],
)
def test_a_symlink_anywhere_in_the_project_is_a_finding(project_copy: Path, link: str, target: str) -> None:
    path = project_copy / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    assert [str(f) for f in symlinks.check(project_copy)] == [
        f"{link}:1: [symlinks] is a symbolic link (to {target}): nothing from outside the repository may reach the "
        "site; put the file itself here"
    ]


def test_a_symlink_in_a_built_site_is_a_finding(site_copy: Path) -> None:
    (site_copy / "en" / "leak.txt").symlink_to("/proc/self/environ")
    assert [f.file for f in symlinks.check(site_copy)] == ["en/leak.txt"]


# --- mkdocs.yml against the build allowlist -----------------------------------------------------------


def test_a_hook_fails_make_build_before_mkdocs_loads_it(project_copy: Path) -> None:
    (project_copy / "evil_hook.py").write_text("open('HOOK-RAN', 'w').close()\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - evil_hook.py\n", encoding="utf-8")
    line = line_of(config, "- evil_hook.py")
    message = (
        f"mkdocs.yml:{line}: [policy] hooks: adds 'evil_hook.py', not on build.hooks of {POLICY} "
        "(a hook runs any Python in every build)"
    )
    assert message in policy_findings(project_copy)
    result = make(project_copy, "build")
    assert result.returncode != 0 and message in result.stdout, result.stdout + result.stderr
    assert not (project_copy / "HOOK-RAN").exists()
    assert not (project_copy / "site").exists()


def test_a_python_tag_in_mkdocs_yml_is_a_finding_and_no_check_runs_it(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'copyright: !!python/object/apply:os.system ["touch TAG-RAN"]\n',
        encoding="utf-8",
    )
    line = line_of(config, "copyright:")
    findings = policy_findings(project_copy)
    assert (
        f"mkdocs.yml:{line}: [policy] YAML tag !!python/object/apply:os.system: MkDocs' loader would construct it, "
        "which can run code; mkdocs.yml uses only YAML's own values and !ENV" in findings
    )
    checked = run(project_copy, "check")
    assert checked.returncode == 2 and "Traceback" not in checked.stderr
    assert f"mkdocs.yml:{line}: cannot be read safely" in checked.stderr
    assert make(project_copy, "build").returncode != 0
    assert not (project_copy / "TAG-RAN").exists()


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "site_description: ",
            "site_description: !ENV [GITHUB_TOKEN, x]\nx_description: ",
            "!ENV GITHUB_TOKEN: reads the build's environment into the site; only SITE_URL, EDIT_URI may be read",
        ),
        (
            "custom_dir: overrides",
            "custom_dir: /tmp/elsewhere",
            'theme.custom_dir: "/tmp/elsewhere", expected "overrides"',
        ),
        ("  font: false", "  font:\n    text: Roboto", 'theme.font: {"text": "Roboto"}, expected false'),
        (
            "  - assets/reader.js",
            "  - assets/reader.js\n  - https://attacker.example/x.js",
            "extra_javascript: adds 'https://attacker.example/x.js'",
        ),
        ("  - assets/reader.css", "  - assets/reader.css\n  - {path: evil.css}", "extra_css: adds 'evil.css'"),
        (
            "  - pymdownx.superfences",
            "  - pymdownx.superfences\n  - pymdownx.snippets:\n      base_path: [/]",
            "markdown_extensions: adds 'pymdownx.snippets'",
        ),
        (
            '  - bilingual:\n      documents: documents   # one folder per document, each with its document.yml (README, "Documents")\n',
            "",
            "plugins: leaves out 'bilingual', which build.plugins of",
        ),
        ("docs_dir: docs", "docs_dir: /", 'docs_dir: "/", expected "docs"'),
        ("strict: true", "strict: true\nINHERIT: /tmp/other.yml", "INHERIT: a setting not on build.settings of"),
        (
            "strict: true",
            "strict: true\nrepo_url: https://github.com/example/x",
            "repo_url: a setting not on build.settings of",
        ),
        (
            "  generator: false",
            "  generator: false\n  analytics:\n    provider: google",
            "extra.analytics: a setting not on build.extra of",
        ),
    ],
)
def test_each_change_of_what_mkdocs_yml_names_says_what_changed(
    project_copy: Path, old: str, new: str, message: str
) -> None:
    replace_once(project_copy / "mkdocs.yml", old, new)
    findings = policy_findings(project_copy)
    assert any(f.startswith("mkdocs.yml:") and "[policy] " in f and message in f for f in findings), findings


def test_the_build_fails_on_a_change_of_the_build_configuration(project_copy: Path, tmp_path: Path) -> None:
    replace_once(project_copy / "mkdocs.yml", "  - assets/reader.js", "  - assets/reader.js\n  - assets/evil.js")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "[policy] extra_javascript: adds 'assets/evil.js'" in result.stderr and "Traceback" not in result.stderr


def test_a_pull_request_that_changes_the_allowlist_is_told_what_changed(project_copy: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=project_copy,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    replace_once(project_copy / POLICY, "  hooks: {}", "  hooks:\n    evil_hook.py: trust me")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - evil_hook.py\n", encoding="utf-8")
    assert policy_findings(project_copy) == []  # the allowlist now names the hook: only the base tells
    result = run(project_copy, "policy", "--base", "HEAD")
    assert result.returncode == 1
    assert (
        f"{POLICY}:1: [policy] changed since HEAD (build.hooks.evil_hook.py: added): the allowlists are changed by maintainers, "
        "on purpose, in a commit of its own on main" in result.stdout
    )


def test_an_allowlist_that_breaks_its_schema_is_unreadable_input(project_copy: Path) -> None:
    replace_once(project_copy / POLICY, "  paragraph_chars: 16000", "  paragraph_chars: many")
    result = run(project_copy, "policy")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        f"{POLICY}:{line_of(project_copy / POLICY, 'paragraph_chars: many')}: limits.paragraph_chars: expected integer"
        in result.stderr
    )


def test_the_real_project_keeps_to_its_build_allowlist_and_has_no_symlink() -> None:
    assert build_policy.check() == []
    assert symlinks.check() == []
    assert os.path.exists(Path(__file__).parent.parent / POLICY)
