"""Every figure of the data is stated in the Chinese paragraph it cites (65.5万 there is 655000 here),
with the text's unit, qualifier and change; a figure that the text does not state is caught."""

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, replace_once

from scripts.checks import data as datacheck
from scripts.figures import model as data
from scripts.text.blocks import load_language, normalize

SOURCE = normalize((ROOT / "source" / "interview.zh.txt").read_text(encoding="utf-8"))
PARAGRAPHS = {b.id: b.text for blocks in load_language("zh").values() for b in blocks}


def findings(project: Path = ROOT) -> list[str]:
    loaded = data.load(project / "data" / "figures", project / "docs", project / "data" / "figures.schema.json")
    return [str(f) for f in datacheck.check(loaded, project / "docs")]  # as printed: `file:line: [check] key: …`


def provenance(project: Path) -> list[str]:
    return [f for f in findings(project) if "[provenance]" in f]


def test_the_data_passes_every_check_against_the_text() -> None:
    assert findings() == []


# Read off the published text by hand: the phrase, the value it states, and the record that holds it.
@pytest.mark.parametrize(
    "phrase, value, key",
    [
        ("全省共立刑事案件65.5万起", 655000, "criminal-cases"),
        ("涉案群众直接财产损失9.72亿元人民币", 972000000, "fraud-losses"),
        ("涉案金额逾400亿元", 40000000000, "roundup-13-amount"),
        ("涉案金额3029亿元", 302900000000, "finance-amount"),
        ("常住人口1.08亿", 108000000, "resident-population"),
        ("流动人口3495万", 34950000, "floating-population"),
        ("查处涉案财物价值5774.2万元", 57742000, "roundups-4-7-14-property"),
        ("全省大陆岸线长3368.1公里", Decimal("3368.1"), "coastline"),
        ("缴获各类毒品25.11吨", Decimal("25.11"), "drugs-seized"),
        ("荣立十个集体一等功", 10, "collective-first-class-merits"),
        ("一名民警荣获全国“五一”劳动奖章", 1, "national-may-day-medals"),
        ("约占我省刑事犯罪案件的六成", 60, "theft-share"),
        ("占全省实有人口之比为万分之十三", 13, "police-officers-per-population"),
        ("派出所2350多个", 2350, "police-stations"),
    ],
)
def test_a_figure_of_the_text_is_its_record_in_the_data(phrase: str, value: int | Decimal, key: str) -> None:
    figure = data.load().figure(key)
    assert normalize(phrase) in SOURCE
    assert normalize(phrase) in normalize(PARAGRAPHS[figure.paragraph])
    assert figure.value == Decimal(value)


@pytest.mark.parametrize(
    "key, qualifier, phrase",
    [
        ("payment-stop-investment", "近", "投入近2000万元"),
        ("roundup-13-amount", "逾", "逾400亿元"),
        ("sub-bureaus", "多", "80多个"),
        ("cases-solved-yearly", "以上", "20万起以上"),
        ("police-entry-rate-after", "左右", "89%左右"),
        ("police-officers-national-share", "约", "约占全国总数的9%"),
    ],
)
def test_a_qualifier_of_the_text_is_in_the_data(key: str, qualifier: str, phrase: str) -> None:
    assert normalize(phrase) in SOURCE
    assert data.load().figure(key).qualifier == qualifier


def test_a_changed_value_is_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "headline.yml"
    replace_once(path, "value: 655000", "value: 656000")
    found = provenance(project_copy)
    assert len(found) == 1
    assert found[0].startswith("data/figures/headline.yml:")
    assert "criminal-cases: value 656000 (65.6万起) is not stated in part1-a1-p1" in found[0]
    assert "'65.5万'" in found[0]  # what the paragraph does state


def test_a_record_citing_the_wrong_paragraph_is_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "crime_types.yml"
    replace_once(
        path,
        "    value: 22484\n    unit: case\n    crime_type: drugs\n    paragraph: part3-a3-p1",
        "    value: 22484\n    unit: case\n    crime_type: drugs\n    paragraph: part3-a5-p1",
    )
    found = findings(project_copy)
    assert any("drug-cases-filed: value 22484 (22484起) is not stated in part3-a5-p1" in f for f in found)
    # and the paragraph that does state it now has a figure that no record holds
    assert any(f.startswith("docs/zh/part3.md:") and "[coverage] part3-a3-p1: '22484'" in f for f in found)


def test_a_figure_with_the_wrong_unit_is_caught(project_copy: Path) -> None:
    # 21 in that paragraph is both 飓风21号 and 破案21起; as a person count it is stated nowhere
    replace_once(
        project_copy / "data" / "figures" / "operations.yml",
        "    value: 21\n    unit: case",
        "    value: 21\n    unit: person",
    )
    found = provenance(project_copy)
    assert (
        len(found) == 1
        and "roundup-13-cases-solved: value 21 (21人) is not stated in part2-a2-s3-finance-p1" in found[0]
    )


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "police.yml",
            "    value: 80\n    unit: item\n    qualifier: 多",
            "    value: 80\n    unit: item",
            "sub-bureaus: qualifier: the text has '多' for '80' in box-police-p1, the data none",
        ),
        (
            "fraud_mechanisms.yml",
            "    qualifier: 近\n    period: null",
            "    qualifier: 约\n    period: null",
            "payment-stop-investment: qualifier: the text has '近' for '2000万' in part3-a1-p5, the data '约'",
        ),
        (
            "province.yml",
            "    value: 119\n    unit: item",
            "    value: 119\n    unit: item\n    qualifier: 逾",
            "counties: qualifier: the text has none for '119' in box-region-p1, the data '逾'",
        ),
    ],
)
def test_a_wrong_qualifier_is_caught(project_copy: Path, file: str, old: str, new: str, message: str) -> None:
    replace_once(project_copy / "data" / "figures" / file, old, new)
    found = provenance(project_copy)
    assert len(found) == 1 and message in found[0], found


def test_a_change_with_the_wrong_direction_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "crime_types.yml", "percent: -38.2", "percent: 38.2")
    found = provenance(project_copy)
    assert len(found) == 1
    assert "fraud-cases-filed: change: the text says 38.2% down, the data up" in found[0]


def test_a_change_that_the_text_does_not_state_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "crime_types.yml", "percent: 5.2,", "percent: 5.3,")
    found = provenance(project_copy)
    assert any("theft-cases-solved: change 同比上升5.3% is not stated in part3-a7-p1" in f for f in found)


def test_swapped_changes_are_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "crime_types.yml"
    replace_once(path, "percent: 59.9,", "percent: X,")
    replace_once(path, "percent: 12.3,", "percent: 59.9,")
    replace_once(path, "percent: X,", "percent: 12.3,")
    found = provenance(project_copy)
    assert len(found) == 1
    assert (
        "finance-detained: change: the text gives the changes of finance-cases-solved and finance-detained in the other order"
        in found[0]
    )


def test_a_change_compared_with_the_wrong_base_is_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "headline.yml",
        "change: {percent: -32.81, against: null}",
        "change: {percent: -32.81, against: previous-year}",
    )
    found = provenance(project_copy)
    assert len(found) == 1
    assert (
        "major-traffic-accidents: change.against: the text compares with no stated base, the data previous-year"
        in found[0]
    )


def test_a_roundup_not_named_in_its_paragraph_is_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "operations.yml"
    replace_once(
        path,
        "{number: 28, crime_type: fraud, paragraph: part2-a2-s3-fraud-p1}",
        "{number: 28, crime_type: fraud, paragraph: part2-a2-s3-drugs-p1}",
    )
    found = findings(project_copy)
    assert any("[provenance] roundup 28: '28号' is not named in part2-a2-s3-drugs-p1" in f for f in found)


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "localities.yml",
            "name: {zh: 电白区, en: Dianbai District}",
            "name: {zh: 电白县, en: Dianbai County}",
            "dianbai: '茂名电白县' is not in part2-a1-p1",
        ),
        (
            "localities.yml",
            "label: {zh: 禁毒重点整治地区,",
            "label: {zh: 禁毒整治地区,",
            "drug-rectification: '禁毒整治地区' is not in part2-a2-s5-p1",
        ),
        ("campaigns.yml", "year: 2015", "year: 2013", "campaign-2015: '2013年' is not in editors-note-p1"),
        (
            "crime_types.yml",
            "label: {zh: 盗抢犯罪, en: theft and robbery}",
            "label: {zh: 抢劫犯罪, en: robbery}",
            "theft: '抢劫犯罪' is not in part2-a2-s3-theft-p1",
        ),
    ],
)
def test_words_that_the_text_does_not_have_are_caught(
    project_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    replace_once(project_copy / "data" / "figures" / file, old, new)
    found = provenance(project_copy)
    assert found and message in found[0], found
    assert all(f.startswith(f"data/figures/{file}:") for f in found)
