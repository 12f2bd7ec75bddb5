"""Translator's notes: a `[^tn-…]` footnote on an English paragraph is the translator's words, kept with
the block, never part of its text (so never a figure of it), and a note out of place is a format error."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.text.blocks import FormatError, parse_text

PAGE = """# Title { #t }

Cases with Australia[^tn-australia] rose 12%.
{ #p1 }

[^tn-australia]: 澳 can stand for Macao or Australia; the sentence is about countries, and
    Macao was dealt with in 2015's half before.

Next.
{ #p2 }
"""


def test_a_reference_before_a_colon_is_a_reference() -> None:
    page = PAGE.replace(
        "Cases with Australia[^tn-australia] rose 12%.", "The exhibition “Draws the Sword”[^tn-australia]: rose 12%."
    )
    p1 = next(b for b in parse_text(page, Path("docs/en/x.md")) if b.id == "p1")
    assert p1.text == "The exhibition “Draws the Sword”: rose 12%." and p1.notes[0].label == "tn-australia"


def test_a_note_is_kept_with_its_paragraph_and_is_not_its_text() -> None:
    blocks = parse_text(PAGE, Path("docs/en/x.md"))
    p1 = next(b for b in blocks if b.id == "p1")
    assert p1.text == "Cases with Australia rose 12%."
    assert [n.label for n in p1.notes] == ["tn-australia"]
    assert p1.notes[0].markdown.endswith("Macao was dealt with in 2015's half before.")
    assert p1.notes[0].line == 6


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            PAGE.replace("[^tn-australia]: ", "[^tn-other]: "),
            "'[^tn-other]' does not follow the paragraph that refers to it",
        ),
        (
            PAGE.replace(
                "\n[^tn-australia]: 澳 can stand for Macao or Australia; the sentence is about countries, and\n"
                "    Macao was dealt with in 2015's half before.\n",
                "",
            ),
            "'[^tn-australia]' in p1 has no note",
        ),
        (PAGE.replace("tn-australia", "note1"), "a translator's note is labelled 'tn-…'"),
        (
            PAGE.replace("Next.\n{ #p2 }\n", "Next[^tn-australia].\n{ #p2 }\n\n[^tn-australia]: again\n"),
            "defined twice",
        ),
    ],
)
def test_a_note_out_of_place_is_a_format_error(page: str, message: str) -> None:
    with pytest.raises(FormatError, match=message.replace("[", r"\[").replace("^", r"\^").replace("]", r"\]")):
        parse_text(page, Path("docs/en/x.md"))
