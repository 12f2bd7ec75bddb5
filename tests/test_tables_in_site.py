"""End to end: the tables of the built site, read as a person reads them, say what the data says;
the Data page gathers every figure and links the charts and downloads."""

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import attr, one, replace_once

from scripts.checks.translation import chinese_directions, english_direction
from scripts.figures import model as data
from scripts.text.quantities import Quantity, chinese_quantities, english_quantities


def quantities(text: str, lang: str) -> list[Quantity]:
    return chinese_quantities(text) if lang == "zh" else english_quantities(text)


def direction(text: str, lang: str) -> str | None:
    if lang == "zh":
        return next(iter(chinese_directions(text).values()), None)
    qs = english_quantities(text)
    return english_direction(text, qs[0]) if qs else None


def pages(site: Path) -> list[tuple[str, str, BeautifulSoup]]:
    out: list[tuple[str, str, BeautifulSoup]] = []
    for path in sorted(site.rglob("index.html")):
        name = path.relative_to(site).as_posix()
        if "parallel/" in name:
            continue
        out.append(
            (name, "en" if name.startswith("en/") else "zh", BeautifulSoup(path.read_text(encoding="utf-8"), "lxml"))
        )
    return out


def table_findings(site: Path, loaded: data.Data) -> list[str]:
    """Each row of a generated table against the record it shows (rows carry the record's key)."""
    figures = {f.key: f for f in loaded.figures}
    localities = {x.key: x for x in loaded.localities}
    campaigns = {k.key: k for k in loaded.campaigns}
    findings: list[str] = []
    for name, lang, soup in pages(site):
        for row in soup.select(".data-table tr[data-key]"):
            key = attr(row, "data-key")
            where = f"{name}: {key}"
            if key in localities:
                name_cell = one(row, "th")
                if name_cell.get_text(strip=True) != getattr(localities[key].name, lang):
                    findings.append(f"{where}: name '{name_cell.get_text(strip=True)}'")
                continue
            if key in campaigns:
                if one(row, "td.year").get_text() != str(campaigns[key].year):
                    findings.append(f"{where}: year")
                continue
            f = figures.get(key)
            if f is None:
                findings.append(f"{where}: no such record")
                continue
            value = one(row, "td.value").get_text(strip=True)
            if f.value is None:
                if value != "—":
                    findings.append(f"{where}: a figure '{value}' the data lacks")
            elif (f.value, f.unit == "percent") not in {(q.value, q.percent) for q in quantities(value, lang)}:
                findings.append(f"{where}: '{value}' is not {f.value}")
            change = row.select_one("td.change")
            if f.change:
                text = change.get_text(strip=True) if change else ""
                said = {(q.value, q.percent) for q in quantities(text, lang)}
                wanted = "up" if f.change.percent > 0 else "down"
                if (abs(f.change.percent), True) not in said or direction(text, lang) != wanted:
                    findings.append(f"{where}: change '{text}' is not {f.change.percent}%")
            derived = row.select_one("td.derived")
            if f.value is not None and f.change and f.change.against == "previous-year":
                text = derived.get_text(strip=True) if derived else ""
                exact = f.value / (1 + f.change.percent / 100)
                shown = [q.value for q in quantities(text, lang)]
                if not text.startswith("≈") or not shown or abs(shown[0] - exact) > exact / 200:
                    findings.append(f"{where}: derived 2015 value '{text}' is not ≈{exact:.0f} marked as derived")
            elif derived:
                findings.append(f"{where}: a derived value where the data has no year-on-year base")
            operations = row.select_one("td.operations")
            if operations:
                numbers = sorted(int(q.value) for q in quantities(operations.get_text(), lang))
                listed = list(f.operations) or [o.number for o in loaded.operations if o.crime_type == f.crime_type]
                if numbers != sorted(listed):
                    findings.append(f"{where}: roundups {numbers}, not {sorted(listed)}")
    return findings


def test_every_table_in_the_site_says_what_the_data_says(built_site: Path) -> None:
    loaded = data.load()
    assert table_findings(built_site, loaded) == []
    rows = [row for _, _, soup in pages(built_site) for row in soup.select(".data-table tr[data-key]")]
    assert len(rows) > 2 * len(loaded.figures)


def test_the_data_page_gathers_every_record_in_both_languages(built_site: Path) -> None:
    loaded = data.load()
    keys = {f.key for f in loaded.figures} | {x.key for x in loaded.localities} | {k.key for k in loaded.campaigns}
    for page in ("data/index.html", "en/data/index.html"):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "lxml")
        assert {attr(row, "data-key") for row in soup.select(".data-table tr[data-key]")} == keys, page
        assert len(soup.select("figure.data-chart img[alt]")) >= 3
        downloads = [attr(a, "href") for a in soup.select(".data-downloads a[download]")]
        assert {h.rsplit(".", 1)[1] for h in downloads} == {"csv", "json", "tmx"}
        for link in [*downloads, *(attr(img, "src") for img in soup.select("figure.data-chart img"))]:
            assert (built_site / page).parent.joinpath(link).resolve().is_file(), (page, link)


def test_the_interview_pages_carry_their_tables_next_to_the_text(built_site: Path) -> None:
    for page, tables in [
        ("part1", ["headline"]),
        ("part2", ["hurricane", "operations", "localities"]),
        ("part3", ["fraud", "fraud-mechanisms", "drugs", "finance", "theft"]),
        ("background", ["province", "police", "honours"]),
    ]:
        for prefix in ("", "en/"):
            soup = BeautifulSoup((built_site / prefix / page / "index.html").read_text(encoding="utf-8"), "lxml")
            assert [
                attr(t, "id").removeprefix("table-")
                for t in soup.select(".data-table table")
                if not attr(t, "id").startswith(("table-operation-results", "table-locality-figures"))
            ] == tables


def test_a_changed_number_in_a_built_table_is_caught(site_copy: Path) -> None:
    replace_once(
        site_copy / "en" / "part1" / "index.html",
        'data-label="Figure">655,000</td>',
        'data-label="Figure">656,000</td>',
    )
    assert table_findings(site_copy, data.load()) == ["en/part1/index.html: criminal-cases: '656,000' is not 655000"]


def test_a_derived_value_shown_as_stated_is_caught(site_copy: Path) -> None:
    page = site_copy / "part1" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace('data-label="2015年（推算）">≈78.4万起</td>', 'data-label="2015年（推算）">78.4万起</td>'),
        encoding="utf-8",
    )
    found = table_findings(site_copy, data.load())
    assert len(found) == 1 and found[0].startswith("part1/index.html: criminal-cases: derived 2015 value '78.4万起'")


def test_a_changed_change_or_roundup_list_is_caught(site_copy: Path) -> None:
    page = site_copy / "en" / "part3" / "index.html"
    replace_once(page, 'data-label="Change">down 38.2% year on year<', 'data-label="Change">up 38.2% year on year<')
    replace_once(
        site_copy / "part2" / "index.html",
        'data-label="收网行动">飓风15号、16号、19号<',
        'data-label="收网行动">飓风15号、16号、18号<',
    )
    found = table_findings(site_copy, data.load())
    assert "en/part3/index.html: fraud-cases-filed: change 'up 38.2% year on year' is not -38.2%" in found
    assert "part2/index.html: drug-roundups: roundups [15, 16, 18], not [15, 16, 19]" in found
