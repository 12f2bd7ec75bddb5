"""The site's settings, read from mkdocs.yml: plain YAML and `!ENV` tags, as MkDocs reads them, but never a
Python tag (`!!python/…`), which MkDocs' own loader would run: reading the settings runs no code."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import yaml

from scripts.core.files import read_text
from scripts.core.paths import ROOT
from scripts.core.yamlfile import YamlError, fast_first, where


class ConfigLoader(yaml.SafeLoader):
    """YAML's safe types and MkDocs' `!ENV`; any other tag is an error at its line."""


def construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' `!ENV NAME` or `!ENV [NAME, …, default]`: the first variable set, read as YAML reads a
    plain value, else the default (as MkDocs' yaml_env_tag reads it)."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        items = list(node.value)
        if len(items) > 1:
            default = loader.construct_object(items.pop())
        names = [loader.construct_scalar(item) for item in items]
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a name or a list", node.start_mark)
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


ConfigLoader.add_constructor("!ENV", construct_env)


class FastConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same types and `!ENV`, read by libyaml (PyYAML's C binding) when it is there: several times faster.
    A file it rejects is read again by ConfigLoader, whose message the error gives (yamlfile.fast_first)."""


FastConfigLoader.add_constructor("!ENV", construct_env)

# mkdocs.yml is read by most steps of a build and a check (the navigation, the plugin's options): each text,
# with the environment its `!ENV` tags read, is parsed once per process; each caller gets its own copy.
_parsed: dict[tuple[str, str, tuple[tuple[str, str], ...]], dict[str, Any]] = {}


def mkdocs_config(root: Path = ROOT) -> dict[str, Any]:
    """mkdocs.yml as a mapping; InputError or YamlError (file and line) when it cannot be read safely."""
    path = root / "mkdocs.yml"
    text = read_text(path)
    key = (str(path), text, tuple(sorted(os.environ.items())))
    if key not in _parsed:
        _parsed.clear()  # the last text only: an edited file replaces it
        _parsed[key] = _parse(text)
    return copy.deepcopy(_parsed[key])


def _parse(text: str) -> dict[str, Any]:
    try:
        config = fast_first(lambda loader: yaml.load(text, Loader=loader), [FastConfigLoader, ConfigLoader])  # noqa: S506 (SafeLoaders with `!ENV` only)
    except yaml.YAMLError as err:
        line, problem = where(err)
        raise YamlError([f"mkdocs.yml:{line}: cannot be read safely: {problem}"]) from None
    if not isinstance(config, dict):
        raise YamlError(["mkdocs.yml:1: expected a mapping of settings"])
    return config


def nav_pages(root: Path = ROOT) -> list[str]:
    """The page files of the navigation, in order (paths relative to a language folder)."""
    out: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        walk(value)
                    else:
                        out.append(value)

    walk(mkdocs_config(root)["nav"])
    return out
