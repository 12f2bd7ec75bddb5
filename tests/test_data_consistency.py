"""The data agrees with itself: roundups 1 to 28 each once, the four crime types' roundups add up to
28, stated counts and shares agree with what they count within the rounding of the inputs, and the
2015 bases derived from year-on-year changes are computed, marked as derived and never stated."""

import json
import re
from decimal import Decimal
from pathlib import Path

from conftest import ROOT, replace_once

from scripts.checks import data as datacheck
from scripts.figures import formatting as display
from scripts.figures import model as data
from scripts.text.blocks import load_language, normalize
from scripts.text.quantities import chinese_quantities

SOURCE = (ROOT / "source" / "interview.zh.txt").read_text(encoding="utf-8")
PARAGRAPHS = {b.id: b.text for blocks in load_language("zh").values() for b in blocks}


def consistency(project: Path) -> list[str]:
    loaded = data.load(project / "data" / "figures", project / "docs", project / "data" / "figures.schema.json")
    return [str(f) for f in datacheck.consistency(loaded)]  # as printed: `file:line: [consistency] key: …`


def test_the_data_is_consistent() -> None:
    assert consistency(ROOT) == []


def test_the_roundups_of_each_crime_type_are_those_the_text_lists() -> None:
    # read off the published text, independently of the data: 打击X犯罪。我们共组织开展“飓风1号、2号…”N次…
    listed = re.findall(r"打击(\S+?)犯罪。我们共组织开展“飓风([^”]+)”(\S+?)次", SOURCE)
    assert len(listed) == 4
    loaded = data.load()
    total = 0
    for name, numbers, count_word in listed:
        numbers = [int(n) for n in re.findall(r"(\d+)号", numbers)]
        count = int(chinese_quantities(count_word + "次")[0].value)
        assert len(numbers) == count
        crime_type = next(c for c in loaded.crime_types if name in c.label.zh)
        assert [o.number for o in loaded.operations if o.crime_type == crime_type.key] == sorted(numbers)
        total += count
    stated = re.search(r"先后发起(\d+)次", SOURCE)
    assert stated is not None
    assert total == int(stated.group(1)) == len(loaded.operations)
    assert sorted(o.number for o in loaded.operations) == list(range(1, total + 1))


def test_the_shares_agree_with_their_totals_within_the_rounding_of_the_inputs() -> None:
    # 74.8% of 65.5万 (654,500 to 655,500) is 489,415 cases: computed here from the text's own figures
    low, high = Decimal(489415) / Decimal(655500) * 100, Decimal(489415) / Decimal(654500) * 100
    assert low <= Decimal("74.85") and high >= Decimal("74.75")
    assert round(Decimal(489415) / Decimal(655000) * 100, 1) != Decimal("74.8")  # only the rounding reconciles them
    share = data.load().figure("hurricane-share-filed")
    assert share.share == ("hurricane-cases-filed", "criminal-cases")


def test_derived_bases_are_computed_marked_and_never_stated() -> None:
    loaded = data.load()
    exported = {
        f["key"]: f
        for f in json.loads(
            (ROOT / "docs" / "zh" / "downloads" / "hurricane2016-data.json").read_text(encoding="utf-8")
        )["figures"]
    }
    derived = 0
    for f in loaded.figures:
        base = exported[f.key]["base_2015_derived"]
        yoy = f.value is not None and f.change is not None and f.change.against == "previous-year"
        assert (base is not None) == yoy, f.key
        if not yoy:
            continue
        derived += 1
        assert f.value is not None and f.change is not None  # as yoy says; mypy does not carry it over
        assert base["derived"] is True
        exact = f.value / (1 + f.change.percent / 100)
        assert Decimal(str(base["low"])) <= exact <= Decimal(str(base["high"]))
        assert Decimal(str(base["low"])) <= Decimal(str(base["value"])) <= Decimal(str(base["high"]))
        # the derived value is nowhere in its paragraph: it is not a figure of the text
        said = {q.value for q in chinese_quantities(PARAGRAPHS[f.paragraph])}
        assert Decimal(str(base["value"])) not in said
        assert display.zh_number(Decimal(str(base["value"]))) not in normalize(PARAGRAPHS[f.paragraph])
    assert derived == 12


def test_roundups_numbered_wrongly_are_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "operations.yml",
        "{number: 28, crime_type: fraud",
        "{number: 29, crime_type: fraud",
    )
    found = consistency(project_copy)
    assert any(
        "hurricane-roundups: roundups 1 to 28 should each appear once: missing [28], extra or repeated [29]" in f
        for f in found
    ), found


def test_a_count_that_disagrees_with_the_roundups_it_counts_is_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "operations.yml",
        "    value: 9\n    unit: operation",
        "    value: 8\n    unit: operation",
    )
    found = consistency(project_copy)
    assert any("fraud-roundups: 8 roundups stated, 9 listed (1, 2, 3, 9, 10, 17, 20, 24, 28)" in f for f in found)
    assert any("the crime types' roundups (8 + 3 + 11 + 5) add up to 27, not 28" in f for f in found)


def test_a_missing_roundup_is_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "operations.yml",
        "  - {number: 27, crime_type: theft, paragraph: part2-a2-s3-theft-p1}\n",
        "",
    )
    found = consistency(project_copy)
    assert any("hurricane-roundups: 28 roundups stated, 27 in the data" in f for f in found)
    assert any("theft-roundups: 5 roundups stated, 4 listed" in f for f in found)


def test_a_share_that_disagrees_with_its_totals_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "hurricane.yml", "value: 74.8", "value: 76.8")
    found = consistency(project_copy)
    assert len(found) == 1
    assert found[0].startswith("data/figures/hurricane.yml:")
    assert "hurricane-share-filed: 76.8% stated, but 489415 / 655000 gives 74.72% (74.66–74.78%" in found[0]


def test_a_part_larger_than_its_whole_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "crime_types.yml", "value: 118", "value: 300")
    found = consistency(project_copy)
    assert len(found) == 1 and "fraud-suspects-from-taiwan: 300 is a part of fraud-suspects-brought-back" in found[0]


def test_a_count_of_crime_types_that_disagrees_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "figures" / "hurricane.yml", "    value: 4\n", "    value: 5\n")
    assert consistency(project_copy) == [
        next(f for f in consistency(project_copy) if "hurricane-crime-types: 5 crime types stated, 4 in the data" in f)
    ]
