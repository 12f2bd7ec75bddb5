"""The edition's front matter: the About page in each language (source, changes, translation, citation,
licenses) linked from the home page and every footer, the changes page generated from data/changelog/,
the LICENSE, reader pages without build instructions, and "Edit this page" only where the repository's
address is known. Each check also runs on a broken copy."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import MKDOCS, ROOT, attr, replace_once

from scripts.checks.site_links import Site
from scripts.core import repository
from scripts.core.config import nav_pages
from scripts.core.yamlfile import YamlError
from scripts.generators import changes_page
from scripts.text.blocks import load_language

SOURCE = (ROOT / "source" / "interview.zh.txt").read_text(encoding="utf-8")


# The About page ------------------------------------------------------------------------------------


def test_the_about_page_is_in_the_navigation_in_both_languages_and_is_all_labels() -> None:
    assert "about.md" in nav_pages()
    for lang in ("zh", "en"):
        blocks = load_language(lang)["about.md"]
        assert {b.id for b in blocks} >= {"about-source", "about-changes", "about-translation", "about-cite"}
        assert all(b.is_label for b in blocks if b.kind != "container"), lang


def test_the_about_page_invents_no_date_or_issue_number() -> None:
    """Only what the source says of the magazine: its years, and no date or issue number at all."""
    source_years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", SOURCE))
    for lang in ("zh", "en"):
        text = " ".join(b.text for b in load_language(lang)["about.md"])
        assert set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)) <= source_years, lang
        assert not re.search(r"\d+\s*月|第\s*\d+\s*期|\bNo\.\s*\d|\bissue\s+\d|\bvol(?:ume|\.)\s*\d", text, re.I), lang
    names = ("吴尚", "宁惠军", "陶祥国", "张雅兴", "钱文攀", "莫文亮", "夏晓露", "李喆", "石虹")  # the source's credits
    about = " ".join(b.text for b in load_language("zh")["about.md"])
    assert all(n in SOURCE and n in about for n in names)


def test_the_about_page_claims_no_license_for_the_chinese_text_and_the_license_file_covers_ours() -> None:
    zh = " ".join(b.text for b in load_language("zh")["about.md"])
    en = " ".join(b.text for b in load_language("en")["about.md"])
    assert "不主张任何权利" in zh and "不为它授予任何许可" in zh and "CC BY 4.0" in zh and "MIT" in zh
    assert "claims no rights in the Chinese text and grants no license for it" in en and "CC BY 4.0" in en
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "claims no rights in it and grants no license for it" in text
    assert "Creative Commons Attribution 4.0 International License" in text and "MIT License" in text


def about_link_findings(root: Path) -> list[str]:
    """The home page of each language links to its About page, and so does every page's footer."""
    site = Site.load(root)
    findings: list[str] = []
    for key, soup in site.pages.items():
        if not soup.select_one(".md-footer"):
            continue  # not a page of the site (a redirect, a fragment)
        about = "en/about/index.html" if soup.html and soup.html.get("lang") == "en" else "about/index.html"
        footer = [site.target(key, attr(a, "href"))[0] for a in soup.select(".md-footer-meta a.reader-about")]
        if footer != [about]:
            findings.append(f"{key}: the footer links to {footer}, expected [{about!r}]")
        if key in ("index.html", "en/index.html"):
            article = [site.target(key, attr(a, "href"))[0] for a in soup.select("article a[href]")]
            if about not in article:
                findings.append(f"{key}: the home page does not link to {about}")
    return findings


def test_the_home_page_and_every_footer_link_to_the_about_page(built_site: Path) -> None:
    assert about_link_findings(built_site) == []


def test_a_footer_or_home_page_without_the_link_is_caught(site_copy: Path) -> None:
    home = site_copy / "en" / "index.html"
    html = re.sub(r'<a href="about/">About this edition</a>', "About this edition", home.read_text(encoding="utf-8"))
    home.write_text(re.sub(r'<a href="[^"]*" class="reader-about">[^<]*</a>', "", html), encoding="utf-8")
    assert about_link_findings(site_copy) == [
        "en/index.html: the footer links to [], expected ['en/about/index.html']",
        "en/index.html: the home page does not link to en/about/index.html",
    ]


# The changes page ----------------------------------------------------------------------------------


def test_the_changes_pages_are_what_the_changelog_gives() -> None:
    assert changes_page.pages() == []


def test_a_changes_page_behind_its_changelog_is_caught(project_copy: Path) -> None:
    replace_once(project_copy / "data" / "changelog" / "part1.yml", "made curly.", "made curly (again).")
    findings = [str(f) for f in changes_page.pages(root=project_copy)]
    assert findings == [
        f"docs/{lang}/changes.md:1: [generated] changes: differs from what data/changelog/ gives; "
        "run `python -m scripts changes --write`"
        for lang in ("zh", "en")
    ]
    changes_page.pages(write=True, root=project_copy)
    assert changes_page.pages(root=project_copy) == []
    assert "made curly (again)." in (project_copy / "docs" / "zh" / "changes.md").read_text(encoding="utf-8")


def test_a_change_of_a_block_that_does_not_exist_or_without_its_text_names_file_and_line(project_copy: Path) -> None:
    changelog = project_copy / "data" / "changelog" / "part1.yml"
    replace_once(changelog, "- id: part1-a1-p2\n", "- id: part1-a1-p99\n")
    with pytest.raises(YamlError) as err:
        changes_page.pages(root=project_copy)
    assert str(err.value) == "data/changelog/part1.yml:7: id: no English block has the ID 'part1-a1-p99'"
    changelog.write_text("- id: part1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "changes"], cwd=project_copy, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "data/changelog/part1.yml:1: [0]: missing field 'change'" in result.stderr


def test_each_change_links_to_its_paragraph_the_chinese_page_to_the_side_by_side_view(built_site: Path) -> None:
    """From the Chinese page, a change leads to the side-by-side view, or to the English page where the
    page has no view (the data page: labels of this edition)."""
    site = Site.load(built_site)
    for key, prefix in (("changes/index.html", ("parallel/", "en/data/")), ("en/changes/index.html", ("en/",))):
        rows = site.pages[key].select("article table tbody tr")
        assert len(rows) == len(changes_page.load())
        for row in rows:
            link = row.select_one("td a[href]")
            assert link is not None
            page, fragment = site.target(key, attr(link, "href"))
            assert page is not None and page.startswith(prefix) and fragment == link.get_text(), (key, link)
            assert fragment in site.ids[page], (key, fragment)


# No build instructions on reader pages ------------------------------------------------------------

BUILD_NOTE_RE = re.compile(
    r"make (?:tables|serve|test|build)|python -m scripts|do not edit|请勿手工|data/(?:figures|glossary|changelog)"
    r"|generated (?:by|from)|生成"
)


def build_note_findings(root: Path) -> list[str]:
    """Build instructions in the visible text of a page's article (they belong in the contributor documents)."""
    findings: list[str] = []
    for path in sorted(root.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for article in soup.select("article"):
            m = BUILD_NOTE_RE.search(article.get_text(" "))
            if m:
                findings.append(f"{path.relative_to(root).as_posix()}: '{m.group(0)}' on a reader page")
    return findings


def test_no_reader_page_shows_build_instructions(built_site: Path) -> None:
    assert build_note_findings(built_site) == []


def test_a_build_instruction_on_a_reader_page_is_caught(site_copy: Path) -> None:
    page = site_copy / "data" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", "<p>由 `make tables` 生成</p></article>", 1),
        encoding="utf-8",
    )
    assert build_note_findings(site_copy) == ["data/index.html: 'make tables' on a reader page"]


# "Edit this page" ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "remote, address",
    [
        ("git@github.com:owner/name.git", "https://github.com/owner/name"),
        ("ssh://git@github.com/owner/name.git", "https://github.com/owner/name"),
        ("https://github.com/owner/name.git", "https://github.com/owner/name"),
        ("https://x-access-token:secret@github.com/owner/name", "https://github.com/owner/name"),
        ("https://gitlab.com/owner/name.git", None),
        ("/srv/git/name.git", None),
    ],
)
def test_a_github_remote_gives_the_repository_s_https_address_without_credentials(
    remote: str, address: str | None
) -> None:
    assert repository.github_address(remote) == address


def test_the_edit_address_comes_from_edit_uri_then_repo_url_then_the_git_remote(tmp_path: Path) -> None:
    assert repository.edit_uri({"EDIT_URI": "https://h/e/docs"}, tmp_path) == "https://h/e/docs/"
    assert (
        repository.edit_uri({"REPO_URL": "https://git.example/o/r"}, tmp_path)
        == "https://git.example/o/r/edit/main/docs/"
    )
    assert repository.edit_uri({}, tmp_path) == ""  # not a clone: no edit link
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert repository.edit_uri({}, tmp_path) == ""  # a clone without a remote: none either
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:o/r.git"], check=True)
    assert repository.edit_uri({}, tmp_path) == "https://github.com/o/r/edit/main/docs/"


def _build(project: Path, site: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("EDIT_URI", "REPO_URL")}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=dict(clean, NO_MKDOCS_2_WARNING="1", **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return (site / "part1" / "index.html").read_text(encoding="utf-8")


def test_edit_links_point_at_the_real_repository_and_there_is_none_when_it_is_unknown(
    project_copy: Path, tmp_path: Path
) -> None:
    page = _build(project_copy, tmp_path / "none")  # a copy is no clone, and the environment names no repository
    assert "md-content__button" not in page and "/edit/" not in page
    page = _build(project_copy, tmp_path / "repo", REPO_URL="git@github.com:someone/interview.git")
    assert 'href="https://github.com/someone/interview/edit/main/docs/zh/part1.md"' in page
