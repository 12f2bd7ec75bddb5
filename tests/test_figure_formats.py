"""Figures are written for each language (65.5万 / 655,000; 9.72亿元 / RMB 972 million;
同比下降38.2% / down 38.2% year on year), and every one reads back to its value."""

from decimal import Decimal

import pytest
from conftest import ROOT

from scripts.checks.translation import chinese_directions, english_direction
from scripts.figures import formatting as display
from scripts.figures import model as data
from scripts.text.blocks import load_language, normalize
from scripts.text.quantities import chinese_quantities, english_quantities

PARAGRAPHS = {b.id: b.text for blocks in load_language("zh").values() for b in blocks}
EN_PAGES = normalize(
    " ".join(
        (ROOT / "docs" / "en" / p).read_text(encoding="utf-8")
        for p in ("part1.md", "part2.md", "part3.md", "background.md")
    )
)


# Expected forms read off the Chinese text and the English pages.
@pytest.mark.parametrize(
    "value, unit, qualifier, zh, en",
    [
        (655000, "case", None, "65.5万起", "655,000"),
        (972000000, "yuan", None, "9.72亿元", "RMB 972 million"),
        (302900000000, "yuan", None, "3029亿元", "RMB 302.9 billion"),
        (40000000000, "yuan", "逾", "逾400亿元", "over RMB 40 billion"),
        (57742000, "yuan", None, "5774.2万元", "RMB 57.742 million"),
        (20000000, "yuan", "近", "近2000万元", "nearly RMB 20 million"),
        (108000000, "person", None, "1.08亿人", "108 million"),
        (34950000, "person", None, "3495万人", "34.95 million"),
        (489415, "case", None, "489415起", "489,415"),
        (2018, "item", None, "2018个", "2,018"),
        (Decimal("3368.1"), "kilometre", None, "3368.1公里", "3,368.1 kilometers"),
        (177900, "square-kilometre", None, "17.79万平方公里", "177,900 square kilometers"),
        (Decimal("25.11"), "tonne", None, "25.11吨", "25.11 tons"),
        (80, "item", "多", "80多个", "more than 80"),
        (200000, "case", "以上", "20万起以上", "200,000 or more"),
        (89, "percent", "左右", "89%左右", "about 89%"),
        (9, "percent", "约", "约9%", "about 9%"),
        (13, "per-ten-thousand", None, "万分之十三", "13 per 10,000"),
        (1, "year", None, "1年", "1 year"),
    ],
)
def test_a_figure_is_written_for_each_language(
    value: int | Decimal, unit: str, qualifier: str | None, zh: str, en: str
) -> None:
    assert display.zh_value(Decimal(value), unit, qualifier) == zh
    assert display.en_value(Decimal(value), unit, qualifier) == en


@pytest.mark.parametrize(
    "percent, against, zh, en",
    [
        ("-38.2", "previous-year", "同比下降38.2%", "down 38.2% year on year"),
        ("53.5", "previous-year", "同比上升53.5%", "up 53.5% year on year"),
        ("-5.0", "previous-year", "同比下降5.0%", "down 5.0% year on year"),
        ("-32.81", None, "下降32.81%", "down 32.81%"),
        ("121", "previous-three-years", "同比前三年上升121%", "up 121% compared with the previous three years"),
    ],
)
def test_a_change_is_written_for_each_language(percent: str, against: str | None, zh: str, en: str) -> None:
    assert display.zh_change(Decimal(percent), against) == zh
    assert display.en_change(Decimal(percent), against) == en


def test_every_figure_of_the_data_reads_back_to_its_value_in_both_languages() -> None:
    for f in data.load().figures:
        if f.value is None:
            continue
        zh, en = display.zh_value(f.value, f.unit, f.qualifier), display.en_value(f.value, f.unit, f.qualifier)
        percent = f.unit == "percent"
        assert (f.value, percent) in {(q.value, q.percent) for q in chinese_quantities(zh)}, (f.key, zh)
        assert (f.value, percent) in {(q.value, q.percent) for q in english_quantities(en)}, (f.key, en)


def test_the_chinese_figures_are_written_as_the_text_writes_them() -> None:
    # figures above ten, which the text writes in Arabic figures (small counts it writes 两名, 七次; 60% is 六成)
    for f in data.load().figures:
        if f.value is not None and f.value > 10 and f.unit != "per-ten-thousand" and f.key != "theft-share":
            assert display.zh_number(f.value) in normalize(PARAGRAPHS[f.paragraph]), f.key


def test_the_english_figures_are_written_as_the_english_pages_write_them() -> None:
    missing = [
        f.key
        for f in data.load().figures
        if f.value is not None and f.value >= 10000 and normalize(display.en_number(f.value)) not in EN_PAGES
    ]
    assert missing == []


def test_every_change_reads_back_with_its_direction() -> None:
    for f in data.load().figures:
        if not f.change:
            continue
        zh, en = (
            display.zh_change(f.change.percent, f.change.against),
            display.en_change(f.change.percent, f.change.against),
        )
        wanted = "up" if f.change.percent > 0 else "down"
        assert chinese_directions(zh) == {(abs(f.change.percent), True): wanted}
        q = english_quantities(en)[0]
        assert (q.value, q.percent) == (abs(f.change.percent), True) and english_direction(en, q) == wanted


@pytest.mark.parametrize(
    "value, digits", [(655000, "65.5万"), (74.8, "74.8"), (3368.1, "3368.1"), (22000000, "2200万")]
)
def test_the_step_of_a_figure_is_its_last_stated_digit(value: float, digits: str) -> None:
    last = digits.rstrip("万亿")
    decimals = len(last.partition(".")[2])
    scale = 10_000 if digits.endswith("万") else 1
    assert display.step(Decimal(str(value))) == Decimal(scale) / Decimal(10) ** decimals
