"""What builds keep between runs (scripts/buildcache.py, scripts/cache_hook.py, and the data that
`mkdocs serve` reloads only when it changes) changes nothing in what they give."""

import filecmp
import json
import os
import subprocess
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT, replace_once

from scripts.generators import tables
from scripts.plugin import buildcache


class FakeJieba(types.SimpleNamespace):
    """jieba's interface as Material's search uses it, counting the texts it segments."""

    DEFAULT_DICT_NAME = "dict.txt"
    cuts: list[str]
    dt: types.SimpleNamespace

    def __init__(self, folder: Path) -> None:
        (folder / "dict.txt").write_text("词 1\n", encoding="utf-8")
        super().__init__(__file__=str(folder / "__init__.py"), dt=types.SimpleNamespace(dictionary=None), cuts=[])

    def cut(self, sentence: str | bytes, *args: object, **kwargs: object) -> Iterator[str]:
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        self.cuts.append(text)
        return iter([text[i : i + 2] for i in range(0, len(text), 2)])

    def set_dictionary(self, path: str) -> None:
        self.dt.dictionary = path


def test_the_memo_gives_jieba_s_words_and_keeps_them_for_the_next_build(tmp_path: Path) -> None:
    jieba = FakeJieba(tmp_path)
    memo = buildcache.SegmentMemo(jieba, tmp_path / "cache" / "segments.json")
    assert "\u200b".join(memo.cut("电信网络诈骗".encode())) == "电信\u200b网络\u200b诈骗"
    assert list(memo.cut("电信网络诈骗".encode())) == ["电信", "网络", "诈骗"] and jieba.cuts == ["电信网络诈骗"]
    memo.save()
    again = buildcache.SegmentMemo(jieba, tmp_path / "cache" / "segments.json")
    assert list(again.cut("电信网络诈骗".encode())) == ["电信", "网络", "诈骗"]
    assert jieba.cuts == ["电信网络诈骗"]  # from the file: jieba was not asked again


def test_kept_words_are_not_used_with_another_dictionary(tmp_path: Path) -> None:
    jieba = FakeJieba(tmp_path)
    memo = buildcache.SegmentMemo(jieba, tmp_path / "segments.json")
    list(memo.cut("毒品"))
    memo.save()
    os.utime(tmp_path / "dict.txt", ns=(1, 1))  # jieba's dictionary file changed
    list(buildcache.SegmentMemo(jieba, tmp_path / "segments.json").cut("毒品"))
    assert jieba.cuts == ["毒品", "毒品"]
    memo = buildcache.SegmentMemo(jieba, tmp_path / "segments.json")
    memo.set_dictionary(str(tmp_path / "dict.txt"))  # a build that sets its own dictionary: jieba's own words
    list(memo.cut("毒品"))
    assert jieba.cuts == ["毒品", "毒品", "毒品"] and memo.enabled is False


def test_a_broken_cache_file_is_only_slower(tmp_path: Path) -> None:
    (tmp_path / "segments.json").write_text("{not json", encoding="utf-8")
    jieba = FakeJieba(tmp_path)
    assert list(buildcache.SegmentMemo(jieba, tmp_path / "segments.json").cut("盗抢")) == ["盗抢"]


def test_a_build_with_its_caches_gives_the_same_site_as_one_without(tmp_path: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BILINGUAL_CACHE_DIR=str(tmp_path / "cache"))
    first, second = tmp_path / "first", tmp_path / "second"
    results = [
        subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        for site in (first, second)
    ]
    assert all(r.returncode == 0 for r in results), results[0].stderr + results[1].stderr
    # Material's own index is not made (Pagefind's is): its jieba is never loaded, by either build
    assert not any("Prefix dict" in r.stderr for r in results)
    assert list((tmp_path / "cache" / "jinja").rglob("*.cache"))
    assert list((tmp_path / "cache" / "pagefind").iterdir())
    passed = json.loads((tmp_path / "cache" / buildcache.PASSED_FILE).read_text(encoding="utf-8"))
    assert passed == {"generated": buildcache.inputs_digest(ROOT)}

    def same(a: filecmp.dircmp) -> bool:
        _, mismatch, errors = filecmp.cmpfiles(a.left, a.right, a.common_files, shallow=False)
        return not (a.left_only or a.right_only or mismatch or errors) and all(same(s) for s in a.subdirs.values())

    assert same(filecmp.dircmp(first, second))


def test_serve_reuses_the_checked_data_only_while_nothing_it_was_read_from_changes(project_copy: Path) -> None:
    data = tables.checked_data(project_copy, remember=True)
    assert tables.checked_data(project_copy, remember=True) is data
    assert tables.checked_data(project_copy) is not data  # without `remember`: always read again
    replace_once(project_copy / "docs" / "en" / "part1.md", "Reporter:", "Interviewer:")
    assert tables.checked_data(project_copy, remember=True) is data  # the English pages are not read
    replace_once(project_copy / "data" / "figures" / "headline.yml", "en: Fire deaths}", "en: Deaths in fires}")
    changed = tables.checked_data(project_copy, remember=True)
    assert changed is not data and "Deaths in fires" in {f.label.en for f in changed.figures}
    replace_once(project_copy / "docs" / "zh" / "part1.md", "65.5万起", "65.6万起")
    with pytest.raises(tables.DataError):
        tables.checked_data(project_copy, remember=True)  # the text no longer states the figure


@pytest.mark.parametrize("name", ["BILINGUAL_CACHE_DIR", "HURRICANE_CACHE_DIR"])
def test_the_cache_folder_is_named_by_its_variable_or_by_the_old_name(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for other in ("BILINGUAL_CACHE_DIR", "HURRICANE_CACHE_DIR"):
        monkeypatch.delenv(other, raising=False)
    monkeypatch.setenv(name, str(tmp_path / "here"))
    assert buildcache.cache_dir() == tmp_path / "here"


def test_a_check_that_passed_counts_only_for_the_same_bytes_of_every_file_it_reads(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BILINGUAL_CACHE_DIR", str(tmp_path / "cache"))
    digest = buildcache.inputs_digest(project_copy)
    assert not buildcache.passed("generated", digest)
    buildcache.remember_passed("generated", digest)
    assert buildcache.passed("generated", digest) and not buildcache.passed("links", digest)
    assert buildcache.inputs_digest(project_copy) == digest
    for path in (
        "docs/zh/charts/" + next(p.name for p in (project_copy / "docs/zh/charts").glob("*.svg")),
        "data/figures/headline.yml",
        "documents/hurricane2016/document.yml",
        "scripts/generators/outputs.py",
        "mkdocs.yml",
    ):
        before = (project_copy / path).read_bytes()
        (project_copy / path).write_bytes(before + b" ")
        assert not buildcache.passed("generated", buildcache.inputs_digest(project_copy)), path
        (project_copy / path).write_bytes(before)
    assert buildcache.passed("generated", buildcache.inputs_digest(project_copy))
    (tmp_path / "cache" / buildcache.PASSED_FILE).write_text("[not a mapping", encoding="utf-8")
    assert not buildcache.passed("generated", digest)  # a broken record is only slower


def test_a_stale_generated_file_fails_the_build_after_a_build_that_passed(project_copy: Path, tmp_path: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BILINGUAL_CACHE_DIR=str(tmp_path / "cache"))

    def build() -> subprocess.CompletedProcess[str]:
        args = [*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "site")]
        return subprocess.run(args, cwd=project_copy, env=env, capture_output=True, text=True, timeout=600)

    assert build().returncode == 0
    replace_once(project_copy / "docs" / "en" / "part1.md", "655,000</td>", "655,001</td>")  # a generated table
    failed = build()
    assert failed.returncode != 0
    assert "generated files differ from what the data gives" in failed.stderr
    assert "docs/en/part1.md:" in failed.stderr and "Traceback" not in failed.stderr
