"""Every quantity of the Chinese text is in the data or on a short, reasoned list of figures that are
not data; a figure of the text that neither holds is caught."""

from pathlib import Path

from conftest import ROOT, replace_once

from scripts.checks import data as datacheck
from scripts.figures import model as data
from scripts.text.blocks import load_language
from scripts.text.quantities import chinese_quantities


def findings(project: Path) -> list[str]:
    """The findings of the data checks, as printed: `file:line: [check] key: message`."""
    loaded = data.load(project / "data" / "figures", project / "docs", project / "data" / "figures.schema.json")
    return [str(f) for f in datacheck.check(loaded, project / "docs")]


DOCUMENT = Path("documents") / "hurricane2016" / "document.yml"  # the interview's, which lists what is not data


def line_in_document(text: str, root: Path = ROOT) -> int:
    """The line of the interview's document.yml that holds `text`, the only one that does."""
    lines = (root / DOCUMENT).read_text(encoding="utf-8").split("\n")
    numbers = [n for n, line in enumerate(lines, 1) if text in line]
    assert len(numbers) == 1, numbers
    return numbers[0]


def coverage(project: Path) -> list[str]:
    return [f for f in findings(project) if "[coverage]" in f]


def test_every_quantity_of_the_text_is_data_or_not_data() -> None:
    assert coverage(ROOT) == []


def test_most_figures_are_data_and_the_not_data_list_is_short_and_reasoned() -> None:
    # apart from the years of dates, fewer than one quantity in five is not data
    text_blocks = [
        b for blocks in load_language("zh").values() for b in blocks if b.kind != "container" and not b.is_label
    ]
    quantities = [q for b in text_blocks for q in chinese_quantities(b.text)]
    entries, _, _ = datacheck.not_data()
    not_data = [
        q
        for b in text_blocks
        for q in chinese_quantities(b.text)
        if any(a <= q.start and q.end <= z for e in entries for m in e.regex.finditer(b.text) for a, z in [m.span()])
    ]
    assert len(entries) <= 10
    assert all(len(e.why) > 30 for e in entries)
    years = [q for q in not_data if q.value >= 2000]
    assert len(quantities) > 150 and len(not_data) - len(years) < len(quantities) / 5


def test_a_figure_missing_from_the_data_is_caught(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "honours.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - key: provincial-may-day-medals")
    path.write_text(text[:start], encoding="utf-8")
    found = coverage(project_copy)
    assert len(found) == 1
    assert found[0].startswith("docs/zh/background.md:")
    assert "box-police-p2: '四' (4) is neither in the data" in found[0]


def test_a_new_figure_in_the_text_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "docs" / "zh" / "part1.md", "成绩的取得得益于", "另有99起案件。成绩的取得得益于")
    found = coverage(project_copy)
    line = next(b.line for b in load_language("zh", project_copy / "docs")["part1.md"] if b.id == "part1-a1-p2")
    assert found == [
        f"docs/zh/part1.md:{line}: [coverage] part1-a1-p2: '99' (99) is neither in the data (data/figures/) "
        f"nor on the not-data list ({DOCUMENT.as_posix()} not_data)"
    ]


def test_a_not_data_entry_that_matches_nothing_is_caught(project_copy: Path) -> None:
    path = project_copy / DOCUMENT
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - pattern: 九十九级\n    why: a reason that no longer applies to any text\n",
        encoding="utf-8",
    )
    assert coverage(project_copy) == [
        f"{DOCUMENT.as_posix()}:{line_in_document('pattern: 九十九级', project_copy)}: [coverage] "
        "not-data entry '九十九级' matches nothing in the text: remove it"
    ]


def test_a_not_data_entry_that_no_longer_matches_is_reported_at_its_line(project_copy: Path) -> None:
    # the only 三年来 of the text is in part1.md; without it, its not-data entry matches nothing
    page = project_copy / "docs" / "zh" / "part1.md"
    assert page.read_text(encoding="utf-8").count("三年来") == 1
    replace_once(page, "三年来", "这些年")
    line = line_in_document("pattern: 三年来")
    assert coverage(project_copy) == [
        f"{DOCUMENT.as_posix()}:{line}: [coverage] not-data entry '三年来' matches nothing in the text: remove it"
    ]


def test_a_record_cannot_claim_a_figure_that_is_not_data(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "headline.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "  - key: the-year\n    label: {zh: 年份, en: Year}\n    value: 2016\n    unit: year\n", encoding="utf-8"
    )
    found = findings(project_copy)
    assert len(found) == 1 and "the-year: value 2016 (2016年) is not stated in part1-a1-p1" in found[0]
