"""The data model's vocabulary is the document's, not the code's: the roundups are named as the document's
`roundups` says (documents/SLUG/document.yml), the derived column and the crime types' tables are dated by the figures' own period,
and the page that carries all the data is the document's `data_page`. A broken naming is refused with
its file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import cli, replace_once

INTERVIEW = Path("documents") / "hurricane2016" / "document.yml"
ZH_NAMING = 'zh: {one: "飓风{n}号", many: "飓风{items}", item: "{n}号", separator: "、"'
EN_NAMING = '{one: "Hurricane No. {n}", many: "Hurricane Nos. {items}", item: "{n}", separator: ", "'


def roundups_of(project: Path, crime_type: str) -> list[int]:
    doc = yaml.safe_load((project / "data/figures/operations.yml").read_text(encoding="utf-8"))
    return [o["number"] for o in doc["operations"] if o["crime_type"] == crime_type]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_document_that_names_its_roundups_otherwise_gets_its_tables_and_downloads_named_so(
    project_copy: Path,
) -> None:
    path = project_copy / INTERVIEW
    replace_once(path, ZH_NAMING, 'zh: {one: "第{n}号", many: "第{items}", item: "{n}号", separator: "，"')
    replace_once(path, EN_NAMING, '{one: "Raid {n}", many: "Raids {items}", item: "#{n}", separator: " and "')
    result = cli(project_copy, "tables")
    assert result.returncode == 0, result.stdout + result.stderr
    fraud = roundups_of(project_copy, "fraud")
    en = (project_copy / "docs/en/part2.md").read_text(encoding="utf-8")
    zh = (project_copy / "docs/zh/part2.md").read_text(encoding="utf-8")
    assert "Raids " + " and ".join(f"#{n}" for n in fraud) in en
    assert "第" + "，".join(f"{n}号" for n in fraud) in zh
    chart = (project_copy / "docs/en/charts/roundups.svg").read_text(encoding="utf-8")
    assert "Nos. " + " and ".join(f"#{n}" for n in fraud) in chart
    cells = re.findall(r'<td class="operations"[^>]*>([^<]*)</td>', en)
    assert cells and not [cell for cell in cells if "Hurricane" in cell]
    exported = json.loads((project_copy / "docs/zh/downloads/hurricane2016-data.json").read_text(encoding="utf-8"))
    first = exported["operations"][0]
    assert first["label"] == {"zh": f"第{first['number']}号", "en": f"Raid {first['number']}"}


def test_the_data_check_finds_each_roundup_by_the_document_s_chinese_item(project_copy: Path) -> None:
    path = project_copy / INTERVIEW
    replace_once(path, ZH_NAMING, 'zh: {one: "飓风{n}号", many: "飓风{items}", item: "第{n}次", separator: "、"')
    result = cli(project_copy, "data")
    assert result.returncode == 1, result.stdout + result.stderr
    first = roundups_of(project_copy, "fraud")[0]
    assert re.search(
        rf"data/figures/operations\.yml:\d+: \[provenance\] roundup {first}: '第{first}次' is not named in ",
        result.stdout,
    ), result.stdout


def test_a_roundup_naming_without_its_placeholder_is_refused_with_file_and_line(project_copy: Path) -> None:
    path = project_copy / INTERVIEW
    replace_once(path, '{one: "Hurricane No. {n}"', '{one: "Hurricane No."')
    line = line_of(path, '{one: "Hurricane No."')
    before = (project_copy / "docs/en/part2.md").read_bytes()
    result = cli(project_copy, "tables")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"documents/hurricane2016/document.yml:{line}: roundups.en.one" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert (project_copy / "docs/en/part2.md").read_bytes() == before


def test_the_derived_column_and_the_crime_type_captions_are_dated_by_the_figures_own_period(
    project_copy: Path,
) -> None:
    replace_once(
        project_copy / "data/figures/crime_types.yml",
        'period: {zh: 2016年, en: "2016"}',
        'period: {zh: 2031年, en: "2031"}',
    )
    from scripts.generators.outputs import prepare

    out = prepare(project_copy, text_checks=False)
    en = out[project_copy / "docs/en/part3.md"]
    zh = out[project_copy / "docs/zh/part3.md"]
    assert "2030 (derived)" in en and "computed from the 2031 figure" in en
    assert "2030年（推算）" in zh and "由2031年数值" in zh
    assert "2015 (derived)" not in en and "2015年（推算）" not in zh
    assert "The 2030 values are computed from the 2031 figures" in out[project_copy / "docs/en/charts/fraud.svg"]
    assert "2030年数值由2031年数值" in out[project_copy / "docs/zh/charts/fraud.svg"]
    assert "2031 (stated in the interview)" in out[project_copy / "docs/en/charts/fraud.svg"]
    assert "2030年（由同比变化推算）" in out[project_copy / "docs/zh/charts/fraud.svg"]
    assert "Telecom and online fraud: indicators, 2031 <" in en and "电信网络诈骗：2031年指标 <" in zh


def test_the_page_that_carries_all_the_data_is_the_document_s_data_page(project_copy: Path) -> None:
    path = project_copy / INTERVIEW
    assert cli(project_copy, "tables", "--check").returncode == 0
    replace_once(path, "data_page: data.md", "data_page: part1.md")
    result = cli(project_copy, "tables", "--check")
    assert result.returncode == 1 and "docs/zh/data.md" in result.stdout and "docs/zh/part1.md" in result.stdout
    replace_once(path, "data_page: part1.md", "data_page: weather.md")
    result = cli(project_copy, "tables")
    line = line_of(path, "data_page: weather.md")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"document.yml:{line}: data_page: 'weather.md' is not one of its pages" in result.stderr
    assert "Traceback" not in result.stderr
