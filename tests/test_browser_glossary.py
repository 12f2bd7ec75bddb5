"""Translator's notes and glossary tooltips in a real browser (the one chromium of tests/conftest.py):
a note is a numbered note whose reference links to it and back, in the single and the side-by-side
views; a glossary term shows its Chinese and note on hover and on keyboard focus. Each check also runs
on a broken copy of the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_glossary import check_notes, check_tooltips
from conftest import replace_once
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


NOTE_VIEWS = ["en/part1/", "en/parallel/part1/", "parallel/background/"]  # single and side-by-side views


def test_a_translators_note_is_a_numbered_note_linked_both_ways_in_both_views(browser: Browser, site_url: str) -> None:
    assert [f for path in NOTE_VIEWS for f in check_notes(browser, site_url, path)] == []


def test_a_reference_that_leads_to_no_note_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "en" / "parallel" / "part1" / "index.html", '<li id="fn:tn-guangdong-draws-the-sword">', "<li>"
    )
    assert check_notes(browser, copy_url, "en/parallel/part1/") == [
        "en/parallel/part1/ [^tn-guangdong-draws-the-sword]: no note at the foot of the page"
    ]


def test_notes_out_of_order_are_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    page = site_copy / "parallel" / "background" / "index.html"
    text = page.read_text(encoding="utf-8")
    first, second = re.findall(r'<li id="fn:tn-[^"]+">.*?</li>', text, flags=re.S)[:2]
    swapped = text.replace(first, "<li>(first)</li>").replace(second, first).replace("<li>(first)</li>", second)
    page.write_text(swapped, encoding="utf-8")  # the first two notes change places
    assert check_notes(browser, copy_url, "parallel/background/") == [
        "parallel/background/ [^tn-yue]: the note is not shown as note 1 (decimal #2)",
        "parallel/background/ [^tn-three-positionings]: the note is not shown as note 2 (decimal #1)",
    ]


def test_a_note_that_does_not_link_back_is_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "en" / "part1" / "index.html",
        'class="footnote-backref" href="#fnref:tn-no-change-of-focus"',
        'class="footnote-backref" href="#part1"',
    )
    assert check_notes(browser, copy_url, "en/part1/") == [
        "en/part1/ [^tn-no-change-of-focus]: the note does not link back to its reference (it links to '#part1')"
    ]


def test_a_glossary_term_shows_its_chinese_and_note_on_hover_and_keyboard_focus(
    browser: Browser, site_url: str
) -> None:
    assert check_tooltips(browser, site_url, "en/part1/") == [] and check_tooltips(browser, site_url, "en/part3/") == []


def test_terms_without_materials_tooltips_are_caught_on_hover(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(site_copy / "en" / "part1" / "index.html", '"content.tooltips"', '"content.tooltips.off"')
    assert check_tooltips(browser, copy_url, "en/part1/") == [
        "en/part1/: hovering 'Guangdong Draws the Sword' shows no tooltip with its Chinese and note",
        "en/part1/: a glossary term with the keyboard focus shows no tooltip",
    ]


def test_terms_the_keyboard_cannot_reach_are_caught(browser: Browser, site_copy: Path, copy_url: str) -> None:
    replace_once(
        site_copy / "en" / "part3" / "index.html", 'class="glossary-term" tabindex="0"', 'class="glossary-term"', -1
    )
    assert check_tooltips(browser, copy_url, "en/part3/") == [
        "en/part3/: no glossary term can be reached with the Tab key"
    ]
