"""Every data file is checked against the schema; a broken one is reported by file, line and field,
the command fails, and no generated file is overwritten."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, replace_once

from scripts.figures import model as data

FIGURES = ROOT / "data" / "figures"


def load(project: Path) -> data.Data:
    return data.load(project / "data" / "figures", project / "docs", project / "data" / "figures.schema.json")


def errors_of(project: Path) -> list[str]:
    with pytest.raises(data.DataError) as err:
        load(project)
    return err.value.errors


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first occurrence of `text` in a file, found independently of the loader."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_every_data_file_loads_and_is_valid() -> None:
    loaded = data.load()
    files = sorted(p.stem for p in FIGURES.glob("*.yml"))
    assert sorted(loaded.datasets) == files
    raw = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in FIGURES.glob("*.yml")]
    assert len(loaded.figures) == sum(len(d.get("figures") or []) for d in raw)
    assert len(loaded.operations) == sum(len(d.get("operations") or []) for d in raw)


def test_defaults_fill_the_fields_a_record_leaves_out() -> None:
    raw = yaml.safe_load((FIGURES / "headline.yml").read_text(encoding="utf-8"))
    first = data.load().figure(raw["figures"][0]["key"])
    assert first.paragraph == raw["defaults"]["paragraph"]
    assert first.period is not None
    assert first.period.zh == raw["defaults"]["period"]["zh"]


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("value: 655000", "value: 65.5万", "figures[0].value", "expected number or null, found '65.5万'"),
        ("value: 655000", "value: true", "figures[0].value", "expected number or null, found True"),
        (
            "    unit: case\n    change: {percent: -16.46",
            "    unit: cases\n    change: {percent: -16.46",
            "figures[0].unit",
            "'cases' is not one of",
        ),
        ("    value: 655000\n", "", "figures[0]", "missing field 'value'"),
        (
            "    value: 655000\n",
            "    value: 655000\n    base_2015: 784000\n",
            "figures[0]",
            "unknown field(s) 'base_2015'",
        ),
        (
            "change: {percent: -16.46, against: previous-year}",
            "change: {percent: -16.46, against: last-year}",
            "figures[0].change.against",
            "'last-year' is not one of",
        ),
        (
            "label: {zh: 刑事案件立案数, en: Criminal cases filed}",
            "label: {zh: 刑事案件立案数}",
            "figures[0].label",
            "missing field 'en'",
        ),
    ],
)
def test_a_wrong_field_is_reported_with_file_line_and_field(
    project_copy: Path, old: str, new: str, field: str, message: str
) -> None:
    path = project_copy / "data" / "figures" / "headline.yml"
    replace_once(path, old, new)
    errors = errors_of(project_copy)
    assert len(errors) == 1, errors
    expected_line = (
        line_of(path, "key: criminal-cases")
        if not new or "base_2015" in new
        else line_of(path, new.strip().split("\n")[0])
    )
    assert errors[0].startswith(f"data/figures/headline.yml:{expected_line}: {field}: "), errors[0]
    assert message in errors[0] and "criminal-cases" in errors[0]


def test_a_wrong_default_is_reported_at_the_default(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "headline.yml"
    replace_once(path, "  paragraph: part1-a1-p1", "  paragraph: 12")
    errors = errors_of(project_copy)
    assert errors and all(e.startswith(f"data/figures/headline.yml:{line_of(path, 'paragraph: 12')}: ") for e in errors)
    assert "expected string, found 12" in errors[0]


def test_an_unknown_paragraph_id_is_reported(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "police.yml"
    replace_once(path, "  paragraph: box-police-p1", "  paragraph: box-police-p9")
    errors = errors_of(project_copy)
    assert errors[0].startswith("data/figures/police.yml:")
    assert "paragraph: unknown paragraph ID 'box-police-p9'" in errors[0]


def test_a_label_block_is_not_a_paragraph_a_figure_can_cite(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "police.yml", "  paragraph: box-police-p1", "  paragraph: captions-label"
    )
    assert any("unknown paragraph ID 'captions-label'" in e for e in errors_of(project_copy))


def test_a_duplicate_yaml_key_is_reported(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "province.yml"
    replace_once(path, "    value: 177900\n", "    value: 177900\n    value: 178000\n")
    errors = errors_of(project_copy)
    assert errors == [
        f"data/figures/province.yml:{line_of(path, 'value: 178000')}: figures[0]: duplicate key 'value' "
        f"(first on line {line_of(path, 'value: 177900')})"
    ]


def test_a_duplicate_record_key_across_files_is_reported(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "honours.yml"
    replace_once(path, "key: collective-first-class-merits", "key: criminal-cases")
    errors = errors_of(project_copy)
    assert len(errors) == 1
    assert errors[0].startswith(
        f"data/figures/honours.yml:{line_of(path, 'key: criminal-cases')}: key: duplicate key 'criminal-cases'"
    )
    assert "data/figures/headline.yml:" in errors[0]


def test_a_roundup_listed_twice_is_reported(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "operations.yml"
    replace_once(path, "{number: 2, crime_type: fraud", "{number: 1, crime_type: fraud")
    errors = errors_of(project_copy)
    assert any(
        e.startswith(
            f"data/figures/operations.yml:{line_of(path, '{number: 1, crime_type: fraud') + 1}: number: "
            "roundup 1 is listed twice"
        )
        for e in errors
    ), errors


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "crime_type: fraud\n    paragraph: part3-a1-p1",
            "crime_type: frauds\n    paragraph: part3-a1-p1",
            "crime_type: unknown crime type 'frauds'",
        ),
        ("part_of: fraud-suspects-brought-back", "part_of: nobody", "part_of: unknown figure 'nobody'"),
    ],
)
def test_an_unknown_reference_is_reported(project_copy: Path, old: str, new: str, message: str) -> None:
    replace_once(project_copy / "data" / "figures" / "crime_types.yml", old, new)
    errors = errors_of(project_copy)
    assert errors and errors[0].startswith("data/figures/crime_types.yml:") and message in errors[0]


def test_malformed_yaml_is_reported_with_its_line(project_copy: Path) -> None:
    path = project_copy / "data" / "figures" / "measures.yml"
    replace_once(path, "    value: 30\n", "    value: [30\n")
    errors = errors_of(project_copy)
    assert len(errors) == 1 and errors[0].startswith("data/figures/measures.yml:")
    assert "malformed YAML" in errors[0]
    assert int(errors[0].split(":")[1]) >= line_of(path, "value: [30")


def test_a_file_that_is_not_a_mapping_is_reported(project_copy: Path) -> None:
    (project_copy / "data" / "figures" / "extra.yml").write_text("- just\n- a list\n", encoding="utf-8")
    assert errors_of(project_copy) == [
        "data/figures/extra.yml:1: top level: expected a mapping with 'title' and 'figures', found list"
    ]


def generated_files(project: Path) -> dict[Path, bytes]:
    docs = project / "docs"
    files = [*docs.glob("*/*.md"), *docs.glob("*/charts/*.svg"), *docs.glob("zh/downloads/*")]
    return {p: p.read_bytes() for p in files}


@pytest.mark.parametrize("breakage", ["wrong type", "unknown paragraph", "malformed", "value not in the text"])
def test_bad_data_stops_make_tables_and_nothing_is_overwritten(project_copy: Path, breakage: str) -> None:
    path = project_copy / "data" / "figures" / "headline.yml"
    # make every generated file stale first, so that a write would show
    replace_once(path, "en: Criminal cases filed}", "en: Criminal cases filed (edited)}")
    edits = {
        "wrong type": ("value: 655000", "value: many"),
        "unknown paragraph": ("  paragraph: part1-a1-p1", "  paragraph: part1-a1-p99"),
        "malformed": ("figures:\n", "figures:\n  - {\n"),
        "value not in the text": ("value: 655000", "value: 656000"),
    }[breakage]
    replace_once(path, *edits)
    before = generated_files(project_copy)
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "tables"], cwd=project_copy, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert re.search(r"^data/figures/headline\.yml:\d+: ", result.stderr, re.M), result.stderr
    assert "nothing was written" in result.stderr
    assert generated_files(project_copy) == before
    assert not list(project_copy.rglob("*.tmp"))


def test_the_data_command_passes_on_the_real_data_and_fails_on_a_broken_copy(project_copy: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "scripts", "data"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    replace_once(project_copy / "data" / "figures" / "headline.yml", "value: 655000", "value: '655000'")
    bad = subprocess.run([sys.executable, "-m", "scripts", "data"], cwd=project_copy, capture_output=True, text=True)
    assert bad.returncode == 2
    assert "data/figures/headline.yml:" in bad.stderr and "figures[0].value: expected number or null" in bad.stderr
