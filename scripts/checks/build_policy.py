"""The build's configuration (mkdocs.yml) against its allowlist, `build` of data/policy/allowlist.yml.

mkdocs.yml can make a build run code (a hook, a plugin, a Markdown extension, or a YAML tag such as
`!!python/object/apply:…`, which MkDocs' own loader constructs), add a script or stylesheet to every
page, read the build's environment into the site (`!ENV`), or take its pages and templates from
elsewhere (docs_dir, theme.custom_dir, INHERIT). So every setting, plugin, Markdown extension, extra
JavaScript and CSS, custom_dir, hook and environment variable it names is on the allowlist, and the
lists of plugins, extensions, scripts, stylesheets and hooks are exactly the allowlist's: each finding
says what changed (`mkdocs.yml:12: [policy] hooks: adds 'evil.py', not on build.hooks …`).

The file is read without constructing anything (yaml.compose), so checking it runs no code.
`changes_since(REF)` reports each change of the allowlist itself since a commit (CI: the pull
request's base): maintainers change it on purpose, in a commit of its own, never in a pull request.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import yaml

from scripts.core import policy as policies
from scripts.core.files import read_text
from scripts.core.findings import Finding
from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import YamlError

# The tags YAML itself resolves plain values to, and MkDocs' `!ENV`: any other tag is constructed by
# MkDocs' loader, which can run code.
SAFE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!ENV"}
NAMED_LISTS = ("plugins", "markdown_extensions", "extra_javascript", "extra_css", "hooks")
WHY = {
    "plugins": "a plugin runs code in every build",
    "markdown_extensions": "an extension runs code on every page and can read files",
    "extra_javascript": "a script runs on every page",
    "extra_css": "a stylesheet styles every page and can load files",
    "hooks": "a hook runs any Python in every build",
}


def _compose(text: str, file: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise YamlError(
            [f"{file}:{line}: malformed YAML: {' '.join(str(getattr(err, 'problem', err)).split())}"]
        ) from None


def _plain(node: yaml.Node) -> Any:
    """The value of a node as plain data; a tagged node gives its tag's text (never constructed)."""
    if node.tag not in SAFE_TAGS or node.tag == "!ENV":
        return f"{node.tag} …"
    if isinstance(node, yaml.MappingNode):
        return {_plain(k): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    value = yaml.SafeLoader("").construct_object(node) if node.tag != "tag:yaml.org,2002:str" else node.value
    return value


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _tags(node: yaml.Node, policy: policies.Policy, file: str) -> list[Finding]:
    """A finding for each tag but YAML's own and for each `!ENV` variable not on the allowlist."""
    findings = []
    if node.tag not in SAFE_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        findings.append(
            Finding(
                file,
                _line(node),
                "policy",
                "",
                f"YAML tag {tag}: MkDocs' loader would construct it, which can run code; mkdocs.yml uses only "
                "YAML's own values and !ENV",
            )
        )
    elif node.tag == "!ENV":
        names = [node] if isinstance(node, yaml.ScalarNode) else list(node.value)[:-1] or list(node.value)
        for name in names:
            value = name.value if isinstance(name, yaml.ScalarNode) else "?"
            if value not in policy.build["environment"]:
                allowed = ", ".join(policy.build["environment"])
                findings.append(
                    Finding(
                        file,
                        _line(name),
                        "policy",
                        "",
                        f"!ENV {value}: reads the build's environment into the site; only {allowed} may be read "
                        f"(build.environment of {policy.where})",
                    )
                )
        return findings
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            findings += _tags(key, policy, file) + _tags(value, policy, file)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            findings += _tags(value, policy, file)
    return findings


def _entries(node: yaml.Node) -> list[tuple[str, int]]:
    """The names a list of plugins, extensions, scripts or hooks gives, with their lines: `- name`,
    `- name: {options}`, `- {path: name}` or a mapping `name: {options}`."""
    out: list[tuple[str, int]] = []
    items = node.value if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) else [node]
    for item in items:
        if isinstance(item, tuple):  # a mapping's (key, value)
            out.append((str(_plain(item[0])), _line(item[0])))
        elif isinstance(item, yaml.MappingNode):
            value = _plain(item)
            name = value.get("path") if isinstance(value, dict) and "path" in value else next(iter(value), "")
            out.append((str(name), _line(item)))
        elif isinstance(item, yaml.ScalarNode):
            out.append((str(_plain(item)), _line(item)))
    return out


def _settings(
    node: yaml.Node, allowed: dict[str, Any], section: str, policy: policies.Policy, file: str
) -> list[Finding]:
    """Each key of a mapping not on `allowed`, or with a value its rule does not allow."""
    rules = policies.attributes(allowed)
    findings: list[Finding] = []
    if not isinstance(node, yaml.MappingNode):
        return findings
    for key_node, value_node in node.value:
        key, value = str(_plain(key_node)), _plain(value_node)
        rule = rules.get(key)
        where = f"{section}.{key}" if section else key
        if rule is None:
            findings.append(
                Finding(
                    file,
                    _line(key_node),
                    "policy",
                    "",
                    f"{where}: a setting not on build.{section or 'settings'} of {policy.where}",
                )
            )
        elif not rule.allows(value):
            shown = " or ".join(json.dumps(v, ensure_ascii=False) for v in rule.values or ())
            findings.append(
                Finding(
                    file,
                    _line(value_node),
                    "policy",
                    "",
                    f"{where}: {json.dumps(value, ensure_ascii=False, default=str)}, expected {shown or rule.pattern} ({rule.why})",
                )
            )
    return findings


def check(root: Path = ROOT, policy: policies.Policy | None = None) -> list[Finding]:
    """Every way mkdocs.yml of the project at `root` leaves its allowlist."""
    policy = policy or policies.for_root(root)
    path = root / "mkdocs.yml"
    file = rel(path)
    top = _compose(read_text(path), file)
    if not isinstance(top, yaml.MappingNode):
        return [Finding(file, 1, "policy", "", "expected a mapping of settings")]
    findings = _tags(top, policy, file)
    findings += _settings(top, policy.build["settings"], "", policy, file)
    sections = {str(_plain(k)): v for k, v in top.value}
    if "theme" in sections:
        theme = sections["theme"]
        if isinstance(theme, yaml.ScalarNode):
            named = yaml.compose(f"name: {json.dumps(theme.value)}", Loader=yaml.SafeLoader)
            findings += _settings(named, policy.build["theme"], "theme", policy, file) if named else []
        else:
            findings += _settings(theme, policy.build["theme"], "theme", policy, file)
    if "extra" in sections:
        findings += _settings(sections["extra"], policy.build["extra"], "extra", policy, file)
    for name in NAMED_LISTS:
        allowed = policy.build[name]
        node = sections.get(name)
        given = _entries(node) if node is not None else []
        for entry, line in given:
            if entry not in allowed:
                findings.append(
                    Finding(
                        file,
                        line,
                        "policy",
                        "",
                        f"{name}: adds '{entry}', not on build.{name} of {policy.where} ({WHY[name]})",
                    )
                )
        names = {entry for entry, _ in given}
        for entry in allowed:
            if entry not in names:
                line = _line(node) if node is not None else 1
                findings.append(
                    Finding(
                        file,
                        line,
                        "policy",
                        "",
                        f"{name}: leaves out '{entry}', which build.{name} of {policy.where} names",
                    )
                )
    return sorted(findings)


def _differences(old: Any, new: Any, where: str) -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in [*old, *(k for k in new if k not in old)]:
            here = f"{where}.{key}" if where else str(key)
            if key not in new:
                out.append(f"{here}: removed")
            elif key not in old:
                out.append(f"{here}: added")
            else:
                out += _differences(old[key], new[key], here)
        return out
    return [] if old == new else [f"{where}: changed"]


def changes_since(ref: str, root: Path = ROOT) -> list[Finding]:
    """Each change of data/policy/ since the commit `ref` (a pull request's base), and what changed."""
    folder = "data/policy"
    try:
        names = subprocess.run(
            ["git", "diff", "--name-only", ref, "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError) as err:
        raise YamlError([f"{folder}:1: cannot compare with {ref}: {err}"]) from None
    findings = []
    for name in names:
        what: list[str] = []
        if name.endswith(".yml") and (root / name).exists():
            before = subprocess.run(["git", "show", f"{ref}:{name}"], cwd=root, capture_output=True, text=True)
            try:
                old = yaml.safe_load(before.stdout) if before.returncode == 0 else {}
                new = yaml.safe_load(read_text(root / name))
                what = _differences(old or {}, new or {}, "")
            except yaml.YAMLError:
                what = []
        shown = "; ".join(what[:8]) + (f"; and {len(what) - 8} more" if len(what) > 8 else "")
        findings.append(
            Finding(
                name,
                1,
                "policy",
                "",
                f"changed since {ref}"
                + (f" ({shown})" if shown else "")
                + ": the allowlists are changed by maintainers, on purpose, in a commit of its own on main",
            )
        )
    return findings
