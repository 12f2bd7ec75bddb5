"""Reading YAML with the line of every node, and checking it against a JSON Schema, so that every
problem is reported as `file:line: field: message`."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import jsonschema
import yaml
from jsonschema.exceptions import best_match

from scripts.core.files import InputError, read_text
from scripts.core.paths import rel

Key = tuple[str | int, ...]  # a path into a document: ("figures", 3, "value")
Lines = dict[Key, int]  # the line of each node


class YamlError(ValueError):
    """A file that cannot be read as YAML; str() has one `file:line: …` line per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def _index(node: yaml.Node, path: Key, lines: Lines, file: str, errors: list[str]) -> None:
    """Record the line of every node; report duplicate keys of a mapping."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                errors.append(
                    f"{file}:{line}: {dotted(path) or 'top level'}: duplicate key '{key}' (first on line {seen[key]})"
                )
            seen[key] = line
            _index(value_node, (*path, key), lines, file, errors)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines, file, errors)


# libyaml's parser (PyYAML's C binding) reads the same documents as the pure-Python one, several times
# faster; its error messages differ, so a document it rejects is read again by the pure-Python parser,
# whose message the error gives, as it always has.
_T = TypeVar("_T")
LOADERS = [loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader]


def fast_first(read: Callable[[type], _T], loaders: Sequence[type] = LOADERS) -> _T:
    """`read(loader)` with each loader but the last (libyaml's) that accepts the text; else with the last,
    the pure-Python one, whose yaml.YAMLError (with the message a reader is given) propagates."""
    for loader_class in loaders[:-1]:
        try:
            return read(loader_class)
        except yaml.YAMLError:
            pass
    return read(loaders[-1])


def where(err: yaml.YAMLError) -> tuple[int, str]:
    """The line (from 1) and the problem, on one line, of a YAML error."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return (mark.line + 1 if mark else 1), " ".join(str(getattr(err, "problem", None) or err).split())


def _read_nodes(text: str, file: str, loader_class: type) -> tuple[object, Lines]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        lines: Lines = {}
        errors: list[str] = []
        if node is not None:
            _index(node, (), lines, file, errors)
        if errors:
            raise YamlError(errors)
        return (loader.construct_document(node) if node is not None else None), lines
    finally:
        loader.dispose()


def read_yaml(path: Path) -> tuple[object, Lines]:
    """A YAML document and the line of each of its nodes; YamlError if unreadable, malformed or a key repeats."""
    file = rel(path)
    try:
        text = read_text(path)
    except InputError as err:
        raise YamlError([str(err)]) from None
    try:
        data, lines = fast_first(lambda loader_class: _read_nodes(text, file, loader_class))
    except yaml.YAMLError as err:
        line, problem = where(err)
        raise YamlError([f"{file}:{line}: malformed YAML: {problem}"]) from None
    not_numbers = [
        f"{file}:{line_of(lines, key)}: {dotted(key) or 'top level'}: {_yaml_name(value)} is not a number the data can hold"
        for key, value in _not_finite(data, ())
    ]
    if not_numbers:
        raise YamlError(not_numbers)
    return data, lines


def _yaml_name(value: float) -> str:
    return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")


def _not_finite(node: object, path: Key) -> list[tuple[Key, float]]:
    """Every NaN or infinity of a document (YAML's .nan, .inf), with its path: no figure is either."""
    if isinstance(node, float) and not math.isfinite(node):
        return [(path, node)]
    if isinstance(node, dict):
        return [hit for key, value in node.items() for hit in _not_finite(value, (*path, key))]
    if isinstance(node, list):
        return [hit for i, value in enumerate(node) for hit in _not_finite(value, (*path, i))]
    return []


def dotted(path: Key) -> str:
    """`figures[3].value`: a path into a document as its messages name it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(lines: Lines, path: Key) -> int:
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def _schema_message(err: jsonschema.ValidationError) -> str:
    if err.validator in ("oneOf", "anyOf") and err.context:
        err = best_match(err.context)
    where = dotted(tuple(err.absolute_path)) or "top level"
    schema = err.schema if isinstance(err.schema, dict) else {}
    expected: Any = err.validator_value
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"{where}: missing field '{missing}'"
    if err.validator == "additionalProperties":
        given = err.instance if isinstance(err.instance, dict) else {}
        extra = sorted(set(given) - set(schema.get("properties", {})))
        return f"{where}: unknown field(s) {', '.join(repr(e) for e in extra)}"
    if err.validator == "type":
        shown = expected if isinstance(expected, str) else " or ".join(expected)
        return f"{where}: expected {shown}, found {err.instance!r}"
    if err.validator == "enum":
        return f"{where}: {err.instance!r} is not one of {', '.join(repr(v) for v in expected)}"
    return f"{where}: {err.message}"


def _error_path(err: jsonschema.ValidationError) -> Key:
    if err.validator in ("oneOf", "anyOf") and err.context:
        err = best_match(err.context)
    return tuple(err.absolute_path)


def schema_errors(doc: object, lines: Lines, file: str, schema: dict[str, Any], record_key: bool = False) -> list[str]:
    """Every way `doc` breaks `schema`, as `file:line: field: message`, in the order of the file; with
    `record_key`, a problem inside a record of a list names the record's `key`."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: (line_of(lines, _error_path(e)), str(e.message)))
    out = []
    for err in errors:
        message = _schema_message(err)
        path = _error_path(err)
        record: object = doc
        for part in path[:2]:
            record = record[part] if isinstance(record, (dict, list)) else None  # type: ignore[index]
        key = record.get("key") if record_key and isinstance(record, dict) and len(path) >= 2 else None
        out.append(f"{file}:{line_of(lines, path)}: {message}" + (f" (record '{key}')" if key else ""))
    return out
