"""One element against an allowlist (scripts/core/policy.py `Rules`): the judgement the content-safety
checks share, for raw HTML in the Markdown and for every element of a built page or SVG file.

An element not on the list, an attribute not on the list for it (or for every element, "*"), a value
the attribute's rule does not allow, a class not on the list, or a URL whose scheme is not on the list
is a problem; each is told as a short phrase ("<script>", "onclick= handler on <span>",
"javascript: URL in href= on <a>") that the checks put in their findings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scripts.core.policy import Rules

Attrs = Sequence[tuple[str, str | list[str] | None]]  # an element's attributes, as a parser gives them

# What a browser removes from a URL before it reads its scheme (WHATWG URL: leading and trailing C0
# controls and spaces, every tab and newline), so that "java\tscript:" and " javascript:" are caught.
_STRIPPED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(url: str) -> str | None:
    """The scheme of a URL as a browser reads it, lower-case; None for a relative URL."""
    cleaned = _STRIPPED.sub("", url).strip("".join(chr(c) for c in range(0x21)))
    m = _SCHEME.match(cleaned)
    return m.group(1).lower() if m else None


def _value(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def problems(rules: Rules, element: str, attrs: Attrs) -> list[str]:
    """What is not allowed about one element with these attributes (empty: all of it is allowed)."""
    element = element.lower()
    if element not in rules.elements:
        return [f"<{element}>"]
    return attribute_problems(rules, element, attrs)


def attribute_problems(rules: Rules, element: str, attrs: Attrs, shown: str = "") -> list[str]:
    """What is not allowed about these attributes of an `element` ("*": of any element, as an attribute
    list sets them), told as on `shown` (default: "<element>")."""
    shown = shown or f"<{element}>"
    found = []
    for name, raw in attrs:
        name = name.lower()
        value = _value(raw)
        rule = rules.attribute(element, name)
        if rule is None:
            found.append(f"{name}= handler on {shown}" if name.startswith("on") else f"{name}= on {shown}")
        elif rule.kind == "url":
            candidates = [c.split()[0] for c in value.split(",") if c.split()] if name.endswith("srcset") else [value]
            for scheme in {url_scheme(c) for c in candidates} - {None}:
                if scheme not in rules.url_schemes:
                    found.append(f"{scheme}: URL in {name}= on {shown}")
        elif rule.kind == "classes":
            found += [f'class "{c}" on {shown}' for c in value.split() if c not in rules.classes]
        elif not rule.allows(value):
            found.append(f'{name}="{value[:60]}" on {shown}')
    return found
