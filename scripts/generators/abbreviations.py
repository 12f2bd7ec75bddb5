"""The tooltips of glossary terms, generated from data/glossary.yml (`python -m scripts glossary --write`).

Each term marked `tooltip: true` becomes one Python-Markdown abbreviation per rendering (its `en` and
`variants`, each also with a capital first letter, for the start of a sentence): `*[strike-hard]: 严打:
note`. The plugin (scripts/plugin/tooltips.py) appends them to the English pages, where the `abbr`
extension marks every occurrence as `<abbr title="…">` and Material's `content.tooltips` shows the title.
A title is an attribute, plain text: the Chinese in it cannot carry lang="zh".
"""

from __future__ import annotations

from scripts.core.generated import close_marker, open_marker
from scripts.text.glossary import GlossaryError, Term

PATH = "includes/abbreviations.md"  # relative to the project (the folder of mkdocs.yml)
COMMAND = "python -m scripts glossary --write"
NAME = "abbreviations"


def title(term: Term) -> str:
    """What the tooltip says: the Chinese, then the note."""
    return f"{term.zh}: {term.note}"


def abbreviations(terms: list[Term]) -> dict[str, Term]:
    """{rendering: term} for every rendering of every tooltip term; GlossaryError when two terms claim one."""
    out: dict[str, Term] = {}
    for term in terms:
        if not term.tooltip:
            continue
        for rendering in term.renderings:
            for form in dict.fromkeys((rendering, rendering[:1].upper() + rendering[1:])):
                other = out.get(form)
                if other is not None and other is not term:
                    raise GlossaryError(
                        f"data/glossary.yml:{term.line}: '{form}' is a rendering of {term.zh} and of {other.zh} "
                        f"(line {other.line}), which both have `tooltip: true`: a tooltip can explain one term only"
                    )
                out[form] = term
    return out


def render(terms: list[Term]) -> str:
    """The whole file: a marker that says it is generated, then one abbreviation a line."""
    lines = [open_marker(NAME, COMMAND, "data/glossary.yml")]
    lines += [f"*[{form}]: {title(term)}" for form, term in abbreviations(terms).items()]
    lines += [close_marker(NAME), ""]
    return "\n".join(lines)


def definitions(text: str) -> list[str]:
    """The abbreviation lines of the file's text (without its markers)."""
    return [line for line in text.split("\n") if line.startswith("*[")]
