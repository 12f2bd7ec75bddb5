"""Figures given "respectively" keep the order of the Chinese 分别: two of them swapped say something else of
each, and the numbers check, which compares figures as a set, would pass them."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_once

from scripts.checks import respectively, translation
from scripts.text.blocks import parse_text


def test_two_figures_swapped_before_respectively_are_caught(project_copy: Path) -> None:
    page = project_copy / "docs" / "en" / "part1.md"
    replace_once(page, "fell 32.81% and 41.56%, respectively", "fell 41.56% and 32.81%, respectively")
    found = [str(f) for f in translation.check(project_copy / "docs") if "respectively" in f.message]
    line = next(b.line for b in parse_text(page.read_text(encoding="utf-8"), page) if b.id == "part1-a1-p1")
    assert found == [
        f"docs/en/part1.md:{line}: [numbers] part1-a1-p1: expected the figures before 'respectively' in the order "
        "the Chinese lists them (分别): 32.81%, 41.56%, found 41.56%, 32.81%"
    ]


def test_a_list_of_three_out_of_order_is_caught() -> None:
    zh = parse_text("火灾起数、死亡人数和损失同比分别下降5.0%、5.7%和10.8%。\n{ #p1 }\n", Path("zh.md"))[0]
    en = parse_text("Fires, deaths, and losses fell 5.7%, 5.0%, and 10.8%, respectively.\n{ #p1 }\n", Path("en.md"))[0]
    assert [f.message for f in respectively.check(zh, en)] == [
        "expected the figures before 'respectively' in the order the Chinese lists them (分别): 5.0%, 5.7%, 10.8%, "
        "found 5.7%, 5.0%, 10.8%"
    ]


def test_figures_in_the_order_of_the_chinese_pass() -> None:
    zh = parse_text("分别占全年刑事立案、破案数的74.8%和72.7%。\n{ #p1 }\n", Path("zh.md"))[0]
    en = parse_text("They were 74.8% and 72.7%, respectively, of all cases.\n{ #p1 }\n", Path("en.md"))[0]
    assert respectively.check(zh, en) == []


def test_the_real_translation_keeps_every_respectively_in_order() -> None:
    assert [f for f in translation.check() if "respectively" in f.message] == []
