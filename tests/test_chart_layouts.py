"""The charts legible on a phone and a desktop, in the reader's colour scheme, with one title: each is
drawn for a wide and a narrow column, in a light and a dark palette, with no text under 12 px at the
width it is drawn for, inside its drawing, and with every figure it draws in its text alternative."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, attr, one

from scripts.generators import chart_svg, charts

SVG = "{http://www.w3.org/2000/svg}"
PHONE_COLUMN, DESKTOP_COLUMN = 358, 686  # px: the Data page's column at 390 px of screen, and from 720 px up
FILES = sorted((ROOT / "docs").glob("*/charts/*.svg"))


def texts(path: Path) -> list[ET.Element]:
    return list(ET.fromstring(path.read_bytes()).iter(SVG + "text"))


def size(path: Path) -> tuple[float, float]:
    root = ET.fromstring(path.read_bytes())
    _, _, width, height = (float(v) for v in (root.get("viewBox") or "").split())
    return width, height


def test_every_chart_is_drawn_wide_and_narrow_in_a_light_and_a_dark_palette() -> None:
    for lang in ("zh", "en"):
        names = {p.name for p in (ROOT / "docs" / lang / "charts").glob("*.svg")}
        assert names == {
            f"{c.name}{layout}{palette}.svg"
            for c in charts.CHARTS
            for layout in ("", "-narrow")
            for palette in ("", "-dark")
        }


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_chart_text_is_under_12_px_and_each_drawing_fits_the_column_it_is_for(path: Path) -> None:
    width, _ = size(path)
    column = PHONE_COLUMN if "-narrow" in path.name else DESKTOP_COLUMN
    assert width <= column, f"{path.name}: {width:g}px wide, for a column of {column}px"
    # shown at its own size or smaller: no text under 12 px on a 390 px phone, nor from 720 px of screen up
    assert min(float(t.get("font-size", "16")) for t in texts(path)) >= 12


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_text_of_a_chart_lies_inside_its_drawing(path: Path) -> None:
    width, height = size(path)
    for t in texts(path):
        x, y, font = float(t.get("x", 0)), float(t.get("y", 0)), float(t.get("font-size", 16))
        w = chart_svg.text_width(t.text or "", font)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[t.get("text-anchor", "start")]
        assert left >= 0 and left + w <= width + 1, f"{path.name}: {t.text!r} spans {left:.0f}–{left + w:.0f}px"
        assert y - font >= 0 and y <= height, f"{path.name}: {t.text!r} at y={y:g} of {height:g}px"


def test_the_dark_drawing_is_the_light_one_in_other_colours() -> None:
    for light in (p for p in FILES if not p.stem.endswith("-dark")):
        dark = light.with_name(f"{light.stem}-dark.svg")
        strip = re.compile(r"<style>.*?</style>")
        assert strip.sub("", light.read_text(encoding="utf-8")) == strip.sub("", dark.read_text(encoding="utf-8"))
        assert "<style>" in dark.read_text(encoding="utf-8")


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("palette", chart_svg.PALETTES, ids=["light", "dark"])
def test_each_palette_keeps_text_at_4_5_to_1_and_bars_at_3_to_1_on_its_paper(palette: chart_svg.Palette) -> None:
    for role in ("ink", "muted"):
        assert contrast(getattr(palette, role), palette.paper) >= 4.5, role
    for role in ("up", "down", "bar"):
        assert contrast(getattr(palette, role), palette.paper) >= 3, role


def test_the_dark_palette_is_dark_and_material_slate_is_its_paper() -> None:
    assert luminance(chart_svg.DARK.paper) < 0.05 < luminance(chart_svg.LIGHT.paper)
    assert chart_svg.DARK.paper == "#1e2129"  # hsl(225, 15%, 14%): Material's --md-default-bg-color in slate


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_chart_draws_no_title_and_every_figure_it_draws_is_in_its_description(path: Path) -> None:
    root = ET.fromstring(path.read_bytes())
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and title.text and desc is not None and desc.text
    drawn = texts(path)
    assert title.text not in [t.text for t in drawn]  # the page's caption is the one title
    axis = max(float(t.get("y", 0)) for t in drawn)  # the scale's labels, along the bottom
    numbers = set(re.findall(r"\d+(?:[.,]\d+)*", desc.text))
    for t in drawn:
        if float(t.get("y", 0)) < axis:
            for n in re.findall(r"\d+(?:[.,]\d+)*", t.text or ""):
                assert n in numbers, f"{path.name}: {t.text!r} draws {n}, which its description does not give"


def test_text_under_12_px_cannot_be_drawn() -> None:
    with pytest.raises(ValueError, match="no chart text is smaller than 12px"):
        chart_svg.text(0, 0, "5号", 11)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("5号、6号、8号、11号、12号", 100, ["5号、6号、8号、", "11号、12号"]),
        ("侦破金融领域突出犯罪案件", 96, ["侦破金融领域突出", "犯罪案件"]),
        ("2015年（由同比变化推算）", 90, ["2015年（由同比", "变化推算）"]),
        ("飓风15号、16号", 70, ["飓风15号、", "16号"]),
        ("People placed under criminal detention", 160, ["People placed under", "criminal detention"]),
    ],
)
def test_a_label_wraps_between_words_and_keeps_figures_with_their_measure_words(
    text: str, width: int, lines: list[str]
) -> None:
    assert chart_svg.wrap(text, 12, width) == lines


def test_the_data_page_shows_each_chart_once_with_its_drawing_for_each_screen_and_scheme() -> None:
    for lang in ("zh", "en"):
        soup = BeautifulSoup((ROOT / "docs" / lang / "data.md").read_text(encoding="utf-8"), "lxml")
        for chart in charts.CHARTS:
            figure = one(soup, f"figure#chart-{chart.name}")
            assert len(figure.select("figcaption")) == 1
            title = one(figure, "figcaption").get_text()
            pictures = {" ".join(p.get_attribute_list("class")): p for p in figure.select("picture")}
            assert set(pictures) == {"data-chart__light", "data-chart__dark"}
            for scheme, suffix in (("light", ""), ("dark", "-dark")):
                picture = pictures[f"data-chart__{scheme}"]
                source, img = one(picture, "source"), one(picture, "img")
                assert attr(source, "srcset") == f"../charts/{chart.name}{suffix}.svg"
                assert attr(source, "media") == f"(min-width: {chart_svg.WIDE_FROM})"
                assert attr(img, "src") == f"../charts/{chart.name}-narrow{suffix}.svg"
                assert attr(img, "alt").startswith(title) and len(attr(img, "alt")) > len(title) + 40
