"""The allowlists of the safety checks, read from data/policy/allowlist.yml (the one place for them; its
schema is allowlist.schema.json beside it). Each check asks this module what is allowed; nothing is
allowed that the file does not list."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from scripts.core.files import InputError, read_text
from scripts.core.paths import ROOT, rel
from scripts.core.yamlfile import YamlError, read_yaml, schema_errors

POLICY = ROOT / "data" / "policy" / "allowlist.yml"


@dataclass(frozen=True)
class Attribute:
    """What an attribute may hold: any value, one of `values`, a whole match of `pattern`, or a `kind`
    of value ("url": a URL whose scheme is allowed; "classes": class names that are all allowed)."""

    why: str
    values: tuple[Any, ...] | None = None
    pattern: re.Pattern[str] | None = None
    kind: str = ""

    def allows(self, value: Any) -> bool:
        """Whether a plain value (not a URL or class list, which the checks judge) is allowed."""
        if self.values is not None:
            if isinstance(value, str):  # an HTML attribute, or a YAML string
                return value in {str(v) for v in self.values}
            return any(type(value) is type(v) and value == v for v in self.values)  # false is not 0
        if self.pattern is not None:
            return self.pattern.fullmatch(str(value)) is not None
        return True


@dataclass(frozen=True)
class Rules:
    """The elements, attributes, classes and URL schemes one kind of markup may use."""

    name: str  # "content", "page", "svg": what the findings call the list
    elements: dict[str, str]
    attributes: dict[str, dict[str, Attribute]]  # element (or "*") -> attribute -> rule
    classes: dict[str, str]
    url_schemes: dict[str, str]

    def attribute(self, element: str, name: str) -> Attribute | None:
        return self.attributes.get(element, {}).get(name) or self.attributes.get("*", {}).get(name)


@dataclass(frozen=True)
class Policy:
    path: Path
    content: Rules
    page: Rules
    svg: Rules
    script_files: dict[str, str]  # glob of a site path -> why
    script_data: dict[str, str]  # id of a <script type="application/json"> -> why
    inline_scripts: dict[str, str]  # sha256 of a normalised inline script -> why
    site_files: dict[str, str]  # extension -> why
    docs_files: dict[str, str]
    build: dict[str, Any]
    workflows: dict[str, Any]
    limits: dict[str, int]

    @property
    def where(self) -> str:
        return rel(self.path)


def _attribute(spec: str | dict[str, Any]) -> Attribute:
    if isinstance(spec, str):
        return Attribute(spec)
    values = spec.get("values")
    pattern = spec.get("pattern")
    return Attribute(
        spec["why"],
        tuple(values) if values is not None else None,
        re.compile(pattern) if pattern is not None else None,
        spec.get("kind", ""),
    )


def attributes(section: dict[str, Any]) -> dict[str, Attribute]:
    """A mapping of names to attribute rules, as `build.settings` and the element lists write them."""
    return {name: _attribute(spec) for name, spec in (section or {}).items()}


def _rules(name: str, section: dict[str, Any], schemes: dict[str, str]) -> Rules:
    return Rules(
        name,
        dict(section["elements"]),
        {element: attributes(attrs) for element, attrs in section["attributes"].items()},
        dict(section.get("classes", {})),
        dict(section.get("url_schemes", schemes)),
    )


@lru_cache(maxsize=8)
def _load(path: Path, stamp: tuple[int, int]) -> Policy:
    try:
        doc, lines = read_yaml(path)
        schema = json.loads(read_text(path.with_name("allowlist.schema.json")))
    except InputError as err:
        raise YamlError([str(err)]) from None
    errors = schema_errors(doc, lines, rel(path), schema)
    if errors:
        raise YamlError(errors)
    assert isinstance(doc, dict)
    for section in ("content", "page", "svg"):
        for element, attrs in doc[section]["attributes"].items():
            for attr, spec in (attrs or {}).items():
                if isinstance(spec, dict) and "pattern" in spec:
                    try:
                        re.compile(spec["pattern"])
                    except re.error as err:
                        raise YamlError([f"{rel(path)}:1: {section}.{element}.{attr}: bad pattern: {err}"]) from None
    schemes = doc["content"]["url_schemes"]
    scripts = doc["page"]["scripts"]
    return Policy(
        path=path,
        content=_rules("content", doc["content"], schemes),
        page=_rules("page", doc["page"], schemes),
        svg=_rules("svg", doc["svg"], {}),
        script_files=dict(scripts["files"]),
        script_data=dict(scripts["data"]),
        inline_scripts=dict(scripts["inline"]),
        site_files=dict(doc["files"]["site"]),
        docs_files=dict(doc["files"]["docs"]),
        build=doc["build"],
        workflows=doc["workflows"],
        limits=dict(doc["limits"]),
    )


def load(path: Path = POLICY) -> Policy:
    """The policy; YamlError (file and line) if the file cannot be read or breaks its schema."""
    try:
        stat = path.stat()
    except OSError as err:
        raise YamlError([f"{rel(path)}:1: cannot read: {err.strerror or err}"]) from None
    return _load(path.resolve(), (stat.st_mtime_ns, stat.st_size))


def for_root(root: Path) -> Policy:
    """The policy of the project at `root`."""
    return load(root / "data" / "policy" / "allowlist.yml")
