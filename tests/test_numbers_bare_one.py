"""The normaliser reads a bare 一 before a measure word as 1 only when asked (table-driven)."""

import pytest

from scripts.text.quantities import chinese_quantities


@pytest.mark.parametrize(
    "text, default, with_ones",
    [
        ("一名民警荣获全国“五一”劳动奖章", [], ["1"]),
        ("部署全省开展为期一年的专项行动", [], ["1"]),
        ("四名民警荣获广东省“五一”劳动奖章", ["4"], ["4"]),
        ("十个集体一等功", ["10"], ["10"]),  # 一等功 is a grade, not a count: 等 is no measure word
        ("全省第一", [], []),  # an ordinal stays out
        ("一是加强制度建设", [], []),  # an enumerator stays out
        ("65.5万起", ["655,000"], ["655,000"]),
    ],
)
def test_a_bare_one_counts_only_when_asked(text: str, default: list[str], with_ones: list[str]) -> None:
    assert [str(q) for q in chinese_quantities(text)] == default
    assert [str(q) for q in chinese_quantities(text, ones=True)] == with_ones
