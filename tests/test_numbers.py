"""The number normaliser reads Chinese and English quantities as values (table-driven)."""

from collections.abc import Iterable
from decimal import Decimal

import pytest

from scripts.text.quantities import Quantity, chinese_numeral, chinese_quantities, english_quantities, fmt


def values(quantities: Iterable[Quantity]) -> list[str]:
    return [str(q) for q in quantities]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全省共立刑事案件65.5万起", ["655,000"]),
        ("涉案群众直接财产损失9.72亿元人民币", ["972,000,000"]),
        ("涉案金额3029亿元", ["302,900,000,000"]),
        ("涉案金额逾400亿元", ["40,000,000,000"]),
        ("常住人口1.08亿，流动人口3495万", ["108,000,000", "34,950,000"]),
        ("同比下降16.46%", ["16.46%"]),
        ("分别下降5.0%、5.7%和10.8%", ["5%", "5.7%", "10.8%"]),
        ("缴获毒品71吨", ["71"]),
        ("缴获冰毒成品及半成品2051公斤", ["2,051"]),
        ("大陆岸线长3368.1公里", ["3,368.1"]),
        ("陆地面积17.79万平方公里", ["177,900"]),
        ("查处涉案财物价值5774.2万元", ["57,742,000"]),
        ("其中“飓风13号”破案21起", ["13", "21"]),
        ("两名民警被授予", ["2"]),
        ("荣立十个集体一等功", ["10"]),
        ("尤其是七次主动打出国门", ["7"]),
        ("约占我省刑事犯罪案件的六成", ["60%"]),
        ("占全省实有人口之比为万分之十三", ["13", "10,000"]),
        ("先后发起28次", ["28"]),
        ("二十八次", ["28"]),
        ("三年来，全省刑事立案连续大幅下降", ["3"]),
        ("过去的一年是", []),  # 一 is as often the article "a"
        ("一是坚持改革惠民", []),  # enumerator
        ("第三是专案牵引带动", []),  # ordinal
        ("党的十九大及省第十二次党代会", []),  # ordinals
        ("直接由党委书记“一把手”挂帅", []),  # idiom
        ("推广“一门式一网式”服务模式改革", []),  # idiom
        ("着力开展P2P网络借贷平台分级监控", []),  # a name, not a number
        ("推动实现“两升两降”预期目标", ["2"]),  # a name whose English states its numbers
    ],
)
def test_chinese_quantities(text: str, expected: list[str]) -> None:
    assert values(chinese_quantities(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("655,000 criminal cases", ["655,000"]),
        ("RMB 972 million", ["972,000,000"]),
        ("RMB 302.9 billion", ["302,900,000,000"]),
        ("34.95 million people", ["34,950,000"]),
        ("12 thousand", ["12,000"]),
        ("down 16.46% year on year", ["16.46%"]),
        ("60 percent", ["60%"]),
        ("two police officers and ten collectives", ["2", "10"]),
        ("sixty officers, twenty-eight roundups", ["60", "28"]),
        ("Hurricane Nos. 1, 2 and 3", ["1", "2", "3"]),
        ("13 per 10,000", ["13", "10,000"]),
        ("In 2016, 3,057 suspects", ["2,016", "3,057"]),
        ("the 19th National Congress, ranked first", []),  # ordinals
        ("one of the seven", ["7"]),  # bare "one" is not compared
        ("P2P lending", []),
    ],
)
def test_english_quantities(text: str, expected: list[str]) -> None:
    assert values(english_quantities(text)) == expected


@pytest.mark.parametrize("numeral, value", [("两", 2), ("十", 10), ("十二", 12), ("二十八", 28), ("一百零五", 105)])
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_numeral(numeral) == value


def test_the_same_figure_in_both_languages_has_the_same_value() -> None:
    pairs = [("65.5万", "655,000"), ("9.72亿元", "972 million"), ("3029亿", "302.9 billion"), ("六成", "60%")]
    for zh, en in pairs:
        assert [(q.value, q.percent) for q in chinese_quantities(zh)] == [
            (q.value, q.percent) for q in english_quantities(en)
        ]


def test_fmt() -> None:
    assert fmt(Decimal("655000")) == "655,000"
    assert fmt(Decimal("3368.1")) == "3,368.1"
