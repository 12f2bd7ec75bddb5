"""Several documents in one site, and `python -m scripts new` starting one from a plain text: the fixture
text tests/fixtures/new-document.zh.txt (written for these tests, never published) goes through `new`, a
strict build, every check, one paragraph translated and `status`; refusals write nothing; IDs are unique
within a document and may repeat across documents."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import attr, build, cli, one, replace_once

from scripts.checks import ids
from scripts.core import documents
from scripts.text import glossary as gl
from scripts.text import segment
from scripts.text.blocks import parse_page, plain_text

FIXTURE = Path(__file__).parent / "fixtures" / "new-document.zh.txt"
SLUG = "night-school"


def snapshot(project: Path) -> dict[str, bytes]:
    skip = ("site", ".pytest_cache")
    return {
        str(p.relative_to(project)): p.read_bytes()
        for p in project.rglob("*")
        if p.is_file() and p.relative_to(project).parts[0] not in skip
    }


def new(project: Path, source: Path = FIXTURE, slug: str = SLUG) -> subprocess.CompletedProcess[str]:
    return cli(project, "new", slug, "--source", str(source))


@pytest.fixture
def with_document(project_copy: Path) -> Path:
    result = new(project_copy)
    assert result.returncode == 0, result.stderr
    return project_copy


def test_new_document_builds_passes_every_check_keeps_its_own_navigation_and_status_reports_it_missing(
    with_document: Path,
) -> None:
    project = with_document
    site = project / "site"
    built = build(project, site)
    assert built.returncode == 0, built.stdout + built.stderr
    checked = cli(project, "check", "site")
    zh_blocks = [b for page in sorted((project / "docs/zh" / SLUG).glob("*.md")) for b in parse_page(page)]
    text_blocks = [b for b in zh_blocks if b.kind != "container"]
    findings = checked.stdout.splitlines()
    # every finding is a missing translation of the new document, one per block, and nothing else
    assert checked.returncode == 1 and len(findings) == len(text_blocks), checked.stdout + checked.stderr
    assert all(f"docs/zh/{SLUG}/" in f and "[missing]" in f for f in findings), findings
    assert re.search(r"status \d+, data 0", checked.stderr) and "links 0" in checked.stderr
    assert all(f"{n} 0" in checked.stderr for n in ("fidelity", "translation", "ids", "safety", "search", "lang"))
    # the English page says each block is not yet translated and links to its Chinese, never copies it
    page = BeautifulSoup((site / "en" / SLUG / "part2" / "index.html").read_text(encoding="utf-8"), "html.parser")
    block = one(page, "article #part2-t2-p1")
    assert "Not yet translated" in block.get_text() and not re.search(r"[\u4e00-\u9fff]", block.get_text())
    assert attr(one(block, "a[hreflang=zh]"), "href") == f"../../../{SLUG}/part2/#part2-t2-p1"
    # the home page lists both documents, each title in the page's language or marked Chinese
    home = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {attr(a, "href"): a for a in home.select("article h2#documents + ul a")}
    assert set(links) == {"./", f"{SLUG}/"}
    assert attr(one(links[f"{SLUG}/"], "span"), "lang") == "zh"
    # each document's pages list that document's pages alone in their navigation (scripts/plugin/sidebar.py)
    for lang in ("", "en/"):
        listed = {
            path: [attr(a, "href") for a in html.select(".md-nav--primary > ul > li > a.md-nav__link")]
            for path, html in (
                (path, BeautifulSoup((site / lang / path / "index.html").read_text(encoding="utf-8"), "html.parser"))
                for path in ("part1", f"{SLUG}/part2")
            )
        }
        assert listed["part1"] and not [h for h in listed["part1"] if SLUG in h], listed
        assert listed[f"{SLUG}/part2"] == ["../", "./", "../part3/"], listed  # not the interview's, at ../../
        # the logo leads to the home page of the page's own language, as on a site of one document
        for path in ("part1", f"{SLUG}/part2"):
            html = BeautifulSoup((site / lang / path / "index.html").read_text(encoding="utf-8"), "html.parser")
            logo = urljoin(f"/{lang}{path}/", attr(one(html, "a.md-header__button.md-logo"), "href"))
            assert logo.rstrip("/") + "/" == f"/{lang}", (lang, path, logo)
    # one paragraph translated and reviewed: status counts it, the rest stay missing
    en = project / "docs/en" / SLUG / "part2.md"
    replace_once(
        en,
        "Not yet translated.\n{ #part2-t2-p1 .untranslated }",
        "There are 12 classes in all, three more than last year.\n{ #part2-t2-p1 }",
    )
    assert cli(project, "translation").returncode == 0
    reviewed = cli(project, "review", f"{SLUG}:part2-t2-p1")
    assert reviewed.returncode == 0, reviewed.stderr
    status = cli(project, "status", "--json")
    pages = {p["page"]: p for p in json.loads(status.stdout)}
    assert status.returncode == 1
    assert pages[f"{SLUG}/part2.md"]["translated"] == 1
    assert pages[f"{SLUG}/part2.md"]["missing"] == pages[f"{SLUG}/part2.md"]["paragraphs"] - 1
    assert all(p["missing"] == 0 and p["stale"] == 0 for name, p in pages.items() if not name.startswith(SLUG))


def test_new_writes_the_text_in_the_pages_conventions(with_document: Path) -> None:
    zh = (with_document / "docs/zh" / SLUG / "part2.md").read_text(encoding="utf-8")
    assert '<div class="turn" id="part2-t2" data-speaker="speaker-2" markdown>' in zh
    assert "**王老师：**{ .speaker }一共开了12门课，比去年多3门。\n{ #part2-t2-p1 }" in zh
    assert "报名的居民有两百多人（其中老人约占六成）。\n{ #part2-t2-p2 }" in zh  # in the turn, full width
    last = (with_document / "docs/zh" / SLUG / "part3.md").read_text(encoding="utf-8")
    assert "謝謝大家的參與。" in last  # traditional characters as they are
    first = (with_document / "docs/zh" / SLUG / "index.md").read_text(encoding="utf-8")
    assert "编者按：这是为测试写的一段短文，不会发布。\n{ #part1-p1 }" in first  # a name once is no speaker
    document = next(d for d in documents.load(with_document) if d.slug == SLUG)
    assert document.title == {"zh": "社区夜校开课记"}
    assert [(s.key, s.label) for s in document.speakers] == [
        ("speaker-1", {"zh": "主持人"}),
        ("speaker-2", {"zh": "王老师"}),
    ]
    assert document.source.read_bytes() == FIXTURE.read_bytes()
    config = (with_document / "mkdocs.yml").read_text(encoding="utf-8")
    assert "# The toolchain (scripts/plugin/" in config  # the comments stay
    assert config.endswith(f"  - {SLUG}/index.md\n  - {SLUG}/part2.md\n  - {SLUG}/part3.md\n")


@pytest.mark.parametrize(
    ("slug", "text", "message"),
    [
        (
            SLUG,
            "第一段没有标题。\n第二段。\n",
            "new-document.zh.txt:1: cannot segment: the text must start with a heading",
        ),
        (SLUG, "", "new-document.zh.txt:1: no text to segment"),
        (SLUG, "标题\n正文\u200b有零宽空格。\n", "new-document.zh.txt:2: a control or invisible character U+200B"),
        (SLUG, "标题\n正文。\n".encode("gbk"), "new-document.zh.txt:1: not UTF-8"),
        ("hurricane2016", None, "documents/hurricane2016/document.yml:1: the slug 'hurricane2016' is used already"),
        ("part1", None, "mkdocs.yml:"),
        ("../escape", None, "new: '../escape' is not a safe slug"),
        ("Night", None, "is not a safe slug"),
    ],
)
def test_new_refuses_with_file_and_line_and_writes_nothing(
    project_copy: Path, tmp_path: Path, slug: str, text: str | bytes | None, message: str
) -> None:
    source = FIXTURE
    if text is not None:
        source = tmp_path / "new-document.zh.txt"
        source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = snapshot(project_copy)
    result = new(project_copy, source, slug)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project_copy) == before


def test_a_duplicate_id_inside_a_document_fails_with_file_and_line(with_document: Path) -> None:
    for lang in ("zh", "en"):
        page = with_document / "docs" / lang / SLUG / "part3.md"
        page.write_text(page.read_text(encoding="utf-8").replace("#part3-p1", "#part2-t1-p1"), encoding="utf-8")
    line = next(b.line for b in parse_page(with_document / "docs/zh" / SLUG / "part3.md") if b.id == "part2-t1-p1")
    first = next(b.line for b in parse_page(with_document / "docs/zh" / SLUG / "part2.md") if b.id == "part2-t1-p1")
    found = [str(f) for f in ids.check(with_document / "docs")]
    assert f"docs/zh/{SLUG}/part3.md:{line}: [ids] part2-t1-p1: duplicate ID in document {SLUG} " in found[0]
    assert f"(first at docs/zh/{SLUG}/part2.md:{first})" in found[0] and len(found) == 2  # and in English
    assert cli(with_document, "check").returncode == 1


def test_the_same_id_in_two_documents_passes(with_document: Path) -> None:
    docs = with_document / "docs"
    found = documents.load(with_document)
    by_document = [{b.id for p in d.pages for b in parse_page(docs / "zh" / p)} for d in found]
    assert {"part1", "part2", "part3"} <= by_document[0] & by_document[1]  # the interview's and the new one's
    assert ids.check(docs) == []
    result = cli(with_document, "check")
    assert "fidelity 0, translation 0, ids 0" in result.stderr, result.stderr


def test_a_turn_whose_speaker_the_document_lacks_fails(with_document: Path) -> None:
    page = with_document / "docs/zh" / SLUG / "part2.md"
    replace_once(page, 'id="part2-t1" data-speaker="speaker-1"', 'id="part2-t1" data-speaker="speaker-3"')
    line = next(b.line for b in parse_page(page) if b.id == "part2-t1")
    assert [str(f) for f in ids.check(with_document / "docs")] == [
        f"docs/zh/{SLUG}/part2.md:{line}: [ids] part2-t1: speaker 'speaker-3' is not one of the speakers of "
        f"documents/{SLUG}/document.yml (speaker-1, speaker-2)"
    ]


def test_a_document_yml_that_breaks_its_schema_names_file_and_line(project_copy: Path) -> None:
    path = project_copy / "documents" / "hurricane2016" / "document.yml"
    replace_once(path, 'folder: ""\n', 'folder: ""\ncolour: red\n')
    result = cli(project_copy, "check")
    assert result.returncode == 2, result.stderr
    assert re.search(
        r"documents/hurricane2016/document\.yml:\d+: top level: unknown field\(s\) 'colour'", result.stderr
    )


def test_full_width_only_where_unambiguous_and_markdown_read_back_as_the_text() -> None:
    assert segment.full_width("中文,中文;问?好!(注释)") == "中文，中文；问？好！（注释）"
    assert segment.full_width("3.5, ok (a) 1:2") == "3.5, ok (a) 1:2"
    text = "- 1. *a* _b_ `c` [d](e) <f> {#g} \\h &amp; |i| # ~"
    assert plain_text(segment.escape(text)) == " ".join(text.split())
    assert segment.is_heading("第一部分 概况") and segment.is_heading("《书名》")
    assert not segment.is_heading("他说：“好。”") and not segment.is_heading("地域概况:")


def test_the_benchmark_edits_after_the_main_speaker_as_the_document_names_it(project_copy: Path) -> None:
    from scripts.bench.errors import BenchError
    from scripts.bench.live_reload import speaker_anchor

    page = project_copy / "docs/en/part1.md"
    lufeng = next(s for s in documents.main_document(project_copy).speakers if s.key == "lufeng")  # type: ignore[union-attr]
    assert speaker_anchor(project_copy, page) == f"**{lufeng.label['en']}:**{{ .speaker }} "
    replace_once(project_copy / "documents/hurricane2016/document.yml", "en: Lu Feng}", "en: Someone Else}")
    with pytest.raises(BenchError, match=r"docs/en/part1\.md: no turn of a speaker of documents/hurricane2016"):
        speaker_anchor(project_copy, page)


def test_a_not_data_entry_that_is_no_regular_expression_names_its_line(project_copy: Path) -> None:
    path = project_copy / "documents" / "hurricane2016" / "document.yml"
    replace_once(path, "- pattern: 三年来\n", "- pattern: 三年来(\n")
    line = path.read_text(encoding="utf-8").split("\n").index("  - pattern: 三年来(") + 1
    result = cli(project_copy, "data")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        f"documents/hurricane2016/document.yml:{line}: not_data[7].pattern: not a regular expression" in result.stderr
    )


def test_a_document_s_idioms_come_from_its_document_yml(project_copy: Path) -> None:
    assert cli(project_copy, "translation").returncode == 0
    path = project_copy / "documents" / "hurricane2016" / "document.yml"
    text = path.read_text(encoding="utf-8")
    entry = re.search(r"  - pattern: 十一届八次\n    why: .*\n", text)
    assert entry is not None
    path.write_text(text.replace(entry.group(0), ""), encoding="utf-8")
    result = cli(project_copy, "translation")
    assert result.returncode == 1 and "[numbers] part3-a9-p1: expected 11 ('十一'), 8 ('八')" in result.stdout, (
        result.stdout
    )


def test_a_document_adds_terms_to_the_shared_glossary_for_its_own_pages(with_document: Path) -> None:
    glossary = with_document / "documents" / SLUG / "glossary.yml"
    glossary.write_text("terms:\n  - zh: 夜校\n    en: night school\n    kind: other\n", encoding="utf-8")
    described = with_document / "documents" / SLUG / "document.yml"
    described.write_text(
        described.read_text(encoding="utf-8") + f"glossary: documents/{SLUG}/glossary.yml\n", encoding="utf-8"
    )
    page = with_document / "docs/en" / SLUG / "part2.md"
    untranslated = "Not yet translated.\n{ #part2-t1-p1 .untranslated }"
    replace_once(page, untranslated, "How many classes has the evening school offered this year?\n{ #part2-t1-p1 }")
    result = cli(with_document, "translation")
    assert result.returncode == 1 and "part2-t1-p1: expected 'night school' for 夜校" in result.stdout, result.stdout
    replace_once(page, "the evening school", "the night school")
    assert cli(with_document, "translation").returncode == 0
    first = gl.load(with_document / "data/glossary.yml")[0].zh
    glossary.write_text(f"terms:\n  - zh: {first}\n    en: x\n    kind: other\n", encoding="utf-8")
    result = cli(with_document, "translation")
    assert (
        result.returncode == 2
        and f"documents/{SLUG}/glossary.yml:2: term '{first}' is in data/glossary.yml:" in result.stderr
    )


INTERVIEW = Path("documents") / "hurricane2016" / "document.yml"


def test_where_the_tables_go_and_what_the_charts_are_called_come_from_the_document(project_copy: Path) -> None:
    assert cli(project_copy, "tables", "--check").returncode == 0
    replace_once(project_copy / INTERVIEW, "The {total} Hurricane roundups by crime type", "Roundups ({total})")
    result = cli(project_copy, "tables", "--check")
    assert result.returncode == 1 and "docs/en/charts/roundups.svg" in result.stdout, result.stdout
    assert (
        "Roundups (" in cli(project_copy, "tables").stdout + (project_copy / "docs/en/charts/roundups.svg").read_text()
    )
    replace_once(project_copy / INTERVIEW, "part1.md: [headline]", "part1.md: [headline, measures]")
    result = cli(project_copy, "tables", "--check")
    assert result.returncode != 0 and "docs/zh/part1.md" in result.stdout + result.stderr, result.stdout
    replace_once(project_copy / INTERVIEW, "part1.md: [headline, measures]", "part1.md: [headline, weather]")
    result = cli(project_copy, "tables", "--check")
    assert result.returncode == 2 and "document.yml:1: tables: no generated section 'weather'" in result.stderr


def test_the_home_page_list_shows_a_title_as_text_never_as_markup() -> None:
    import markdown

    from scripts.plugin.reader import documents_section

    doc = documents.Document(
        "x", Path("documents/x/document.yml"), {"zh": "<b>标题</b> *重点* [链接](http://example.org)"},
        Path("s.txt"), "x", ("x/index.md",), (), Path("t.json"),
    )  # fmt: skip
    html = markdown.markdown(documents_section([doc], "en"))
    assert "<b>" not in html and "<em>" not in html and 'href="http' not in html
    assert '&#60;b&#62;<span lang="zh">标题</span>&#60;/b&#62;' in html and 'href="x/index.md"' in html


def test_a_new_document_is_translated_through_a_po_file_into_its_own_pages_and_state(with_document: Path) -> None:
    import polib

    project = with_document
    unnamed = cli(project, "po", "export", "out.po")  # two documents now: the file must say which
    assert unnamed.returncode == 2 and "name the document" in unnamed.stderr and SLUG in unnamed.stderr
    made = cli(project, "po", "export", SLUG, "out.po")
    assert made.returncode == 0, made.stderr
    pofile = polib.pofile(str(project / "out.po"))
    ids = {e.msgctxt for e in pofile}
    zh_ids = {
        b.id for page in (project / "docs/zh" / SLUG).glob("*.md") for b in parse_page(page) if b.kind != "container"
    }
    assert ids == zh_ids and all(e.msgstr == "" for e in pofile)  # every block, none translated yet
    entry = next(e for e in pofile if e.msgctxt == "part2-t2-p1")
    entry.msgstr = "**Teacher Wang:**{ .speaker } There are 12 classes in all, three more than last year."
    pofile.save(str(project / "filled.po"))
    interview_state = (project / "data" / "translation-state.json").read_bytes()
    done = cli(project, "po", "import", SLUG, "filled.po")
    assert done.returncode == 0, done.stderr
    page = parse_page(project / "docs/en" / SLUG / "part2.md")
    assert (
        next(b for b in page if b.id == "part2-t2-p1").text
        == "Teacher Wang: There are 12 classes in all, three more than last year."
    )
    assert (
        "part2-t2-p1" in json.loads((project / "documents" / SLUG / "translation-state.json").read_text())["paragraphs"]
    )
    assert (project / "data" / "translation-state.json").read_bytes() == interview_state  # the interview's untouched
    status = cli(project, "status", "--json")
    assert {p["page"]: p for p in json.loads(status.stdout)}[f"{SLUG}/part2.md"]["translated"] == 1
