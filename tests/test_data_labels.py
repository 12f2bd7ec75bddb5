"""The English labels of the data are faithful to the Chinese: they use the glossary's renderings
and carry no Chinese; the Chinese labels are Chinese."""

import re
from pathlib import Path

from conftest import replace_once

from scripts.checks.translation import LEFTOVER_RE
from scripts.figures import model as data
from scripts.text import glossary

CJK = re.compile(r"[\u4e00-\u9fff]")


def labels(loaded: data.Data) -> list[tuple[str, data.Label]]:
    out = [(ds.name, ds.title) for ds in loaded.datasets.values()]
    for f in loaded.figures:
        out += [(f.key, f.label), (f.key, f.scope)] + [(f.key, x) for x in (f.period, f.note) if x]
    out += [(c.key, c.label) for c in loaded.crime_types] + [(r.key, r.label) for r in loaded.reasons]
    for x in loaded.localities:
        out += [(x.key, x.name), (x.key, x.prefecture)]
    for k in loaded.campaigns:
        out += [(k.key, k.name), (k.key, k.approach)] + [(k.key, x) for x in k.focus]
    return out


def label_findings(loaded: data.Data) -> list[str]:
    terms = glossary.load()
    findings = []
    for key, label in labels(loaded):
        for term in glossary.terms_in(label.zh, terms):
            if not any(r.lower() in label.en.lower() for r in term.renderings):
                findings.append(f"{key}: '{label.en}' lacks '{term.en}' for {term.zh}")
        if LEFTOVER_RE.search(label.en.replace("“", "").replace("”", "")):
            findings.append(f"{key}: Chinese in '{label.en}'")
    return findings


def test_english_labels_use_the_glossary_and_no_chinese() -> None:
    assert label_findings(data.load()) == []


def test_chinese_labels_are_chinese() -> None:
    for key, label in labels(data.load()):
        assert CJK.search(label.zh) or re.fullmatch(r"\d{4}", label.zh), key


def test_an_english_label_without_the_glossary_term_is_caught(project_copy: Path) -> None:
    replace_once(
        project_copy / "data" / "figures" / "crime_types.yml",
        "en: People actually arrested}",
        "en: People actually taken into custody}",
    )
    loaded = data.load(project_copy / "data" / "figures", project_copy / "docs")
    assert label_findings(loaded) == ["theft-arrested: 'People actually taken into custody' lacks 'arrested' for 逮捕"]
