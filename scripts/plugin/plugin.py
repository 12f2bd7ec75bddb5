"""The MkDocs plugin `bilingual` (registered in pyproject.toml, named in mkdocs.yml under `plugins:`).

It turns the Chinese and English pages into the bilingual edition: stale notices, side-by-side
pages, paragraph permalinks, one search index (scripts/plugin/search.py) and sitemap per language,
the generated tables held to the data, and build caches. Its state lives on the instance; paths come
from the configuration (the folder of mkdocs.yml), never from where this code is installed.

mkdocs-static-i18n builds the default language, then builds each other language again within its
own `on_post_build` (an *inner* build, with `i18n.building` set): every event here runs once per
language, and what belongs to the whole site runs only in the outer build (`_inner_build`).
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from scripts.core import documents, repository
from scripts.core.config import nav_pages
from scripts.core.files import InputError
from scripts.core.languages import DEFAULT_LANG, LANGS, language_of, root
from scripts.core.yamlfile import YamlError
from scripts.figures.model import DataError
from scripts.generators import side_by_side, tables
from scripts.plugin import buildcache, rawhtml, reader, search, sidebar, views
from scripts.plugin.config import BilingualConfig
from scripts.plugin.tooltips import Tooltips
from scripts.text import translation_state
from scripts.text.blocks import parse_page
from scripts.translators import aligned
from scripts.translators.document import DocumentError

log = logging.getLogger("mkdocs.plugins.bilingual")
# Bad data during `serve` is told on its own logger, outside MkDocs' own: strict mode counts the warnings
# and errors of those, and would fail the rebuild, and so the page, over data the pages do not yet show.
report = logging.getLogger("scripts.tables")

# When each step runs, relative to mkdocs-static-i18n (I18n), whose events run at priority -100 except
# on_page_markdown and on_page_context (50); MkDocs runs higher priorities first, 0 by default.
# tests/test_plugin.py holds these to I18n's own priorities.
ORDER = {
    "on_config": 100,  # before Material's search plugin (0) reads its configuration: segmentation memo
    "on_files": -110,  # after I18n (-100) has picked this language's files: side-by-side pages
    "on_page_content": 100,  # before any other plugin reads a page's HTML: its tables are back (rawhtml.py)
    "on_env": -100,  # after the plugins (0) have configured the template environment: template cache
    "on_post_build": -200,  # after I18n (-100) has built every language: sitemaps, search index of the whole site
}


# `serve`: the digest of the files that the generated files were last made from (BilingualPlugin._regenerate)
_generated_from = ""


def _refuse_unsafe(project: Path) -> None:
    """Fail the build on a symbolic link in the project (nothing from outside the repository reaches the
    site) or on a mkdocs.yml beyond its allowlist: scripts/checks/symlinks.py and build_policy.py."""
    from scripts.checks import build_policy, symlinks

    try:
        findings = [*symlinks.check(project), *build_policy.check(project)]
    except (InputError, YamlError) as err:
        raise PluginError(f"the build's configuration cannot be read:\n{err}") from None
    if findings:
        raise PluginError("the build stops here:\n" + "\n".join(str(f) for f in findings))


class BilingualPlugin(BasePlugin[BilingualConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.stale: set[tuple[str, str]] = set()  # (page, ID) of each stale English block
        self.documents: list[documents.Document] = []  # the site's documents (scripts/core/documents.py)
        self.owners: dict[str, str] = {}  # page (relative to a language folder) -> the slug of its document
        self.tooltips: Tooltips | None = None  # the glossary's tooltips, loaded for each build (on_config)
        self.views: dict[str, dict[str, str]] = {}  # src_uri of a page -> the other view: {"url", "label"}
        self.parallel: dict[str, views.View] = {}  # src_uri of a side-by-side page of this build -> its view
        self.parallel_files: dict[str, File] = {}  # the same -> its file, in navigation order
        self.nav_pages: tuple[Navigation | None, dict[str, Page]] = (None, {})  # a navigation, its pages by src_uri
        self.sidebars: sidebar.Sidebars | None = None  # the navigations the pages of one navigation carry
        self.held = rawhtml.Held()  # the generated tables kept out of Markdown (scripts/plugin/rawhtml.py)

    # --- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _i18n(config: MkDocsConfig) -> Any:
        return config.plugins.get("i18n")

    def _inner_build(self, config: MkDocsConfig) -> bool:
        """Whether this is mkdocs-static-i18n's build of another language within the whole build."""
        i18n = self._i18n(config)
        return bool(i18n is not None and getattr(i18n, "building", False))

    def _language(self, config: MkDocsConfig) -> str:
        i18n = self._i18n(config)
        return i18n.current_language if i18n is not None and i18n.current_language else DEFAULT_LANG

    @staticmethod
    def _root(config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    # --- events ----------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(ORDER["on_config"])
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _refuse_unsafe(self._root(config))
        if not config.edit_uri:  # "Edit this page" only when the repository's address is known
            config.edit_uri = repository.edit_uri(os.environ, self._root(config)) or None
        if self.config.build_cache:
            buildcache.segment_memo()
        project = self._root(config)
        try:
            self.documents = documents.load(project)
        except (YamlError, InputError) as err:
            raise PluginError(f"the documents cannot be read:\n{err}") from None
        self.owners = {page: d.slug for d in self.documents for page in d.pages}
        self.tooltips = Tooltips.load(project, nav_pages(project)) if self.config.tooltips else None
        if self.config.search == "pagefind" and not self._inner_build(config):
            # a language whose index will likely be made anew: a first build (none kept), or `serve`, where
            # the next rebuild's edit may be in either language; its Pagefind starts while the pages build
            cache = self._search_cache()
            for lang in LANGS:
                if self.command == "serve" or not search.kept_for(lang, cache):
                    search.warm_up(lang)
        return config

    def _search_cache(self) -> Path | None:
        return buildcache.cache_dir() / "pagefind" if self.config.build_cache else None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = self._language(config)
        if self.config.search == "pagefind":  # Material's dialog stays; its own index, which nothing reads, is not made
            found = page.meta.get("search")
            page.meta["search"] = {**(found if isinstance(found, dict) else {}), "exclude": True}
        if len(self.documents) > 1 and page.file.src_uri == f"{lang}/index.md":  # the home page lists them
            markdown += reader.documents_section(self.documents, lang)
        markdown = self.tooltips.markdown(markdown, page.file.src_uri) if self.tooltips else markdown
        return self.held.hold(page.file.src_uri, markdown)  # last: the tables as every step above left them

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._inner_build(config):
            return  # done for the whole build already
        if self.config.stale_notices:
            try:
                self.stale = translation_state.stale_ids(Path(config.docs_dir))
            except ValueError as err:  # InputError, FormatError: a file and line, never a traceback
                raise PluginError(f"the translation state cannot be read:\n{err}") from None
        if self.config.generated == "check":
            self._generated_files(self._root(config))

    def _generated_files(self, project: Path) -> None:
        """`serve`: regenerate the tables, charts and downloads from the data, writing only files that
        change, so that editing a data file updates the page; bad data is reported and nothing is
        written. `build`: fail if a generated file differs from what the data gives. Whether the data
        agrees with the text is for `python -m scripts data` and the tests to say, not for the build."""
        try:
            if self.command == "serve":
                self._regenerate(project)
                return
            digest = buildcache.inputs_digest(project) if self.config.build_cache else ""
            if digest and buildcache.passed("generated", digest):
                return  # the same files passed this check before
            findings = tables.check(project, text_checks=False)
            if digest and not findings:
                buildcache.remember_passed("generated", digest)
        except (DataError, tables.TablesError) as err:
            if self.command == "serve":
                report.error("tables: not regenerated, the data has problems:\n%s", err)
                return
            raise PluginError(f"the data has problems; nothing can be generated:\n{err}") from None
        if findings:
            raise PluginError(
                "generated files differ from what the data gives; run `make tables`:\n" + "\n".join(findings)
            )

    @staticmethod
    def _regenerate(project: Path) -> None:
        """`serve`: write the generated files that the data changes, unless nothing they are made from has
        changed since the last rebuild of this server (each rebuild has a new plugin: the digest is kept
        on the module)."""
        global _generated_from
        digest = buildcache.inputs_digest(project)
        if digest == _generated_from:
            return
        written = tables.generate(project, remember=True)
        for path in written:
            log.info("tables: regenerated %s", path.relative_to(project))
        _generated_from = buildcache.inputs_digest(project) if written else digest

    @event_priority(ORDER["on_files"])
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.side_by_side:
            return files
        lang = self._language(config)
        docs = Path(config.docs_dir)
        self.parallel, self.parallel_files = {}, {}
        for page in nav_pages(self._root(config)):
            zh, en = (
                parse_page(docs / other / page) if (docs / other / page).exists() else [] for other in ("zh", "en")
            )
            single = files.get_file_from_path(f"{lang}/{page}")
            if not side_by_side.has_view(zh) or single is None:
                continue
            # what mkdocs-static-i18n's language switcher reads on each of its pages (File does not declare them)
            alternates = {
                other: SimpleNamespace(
                    url=File(f"{root(other)}parallel/{page}", None, config.site_dir, config.use_directory_urls).url
                )
                for other in LANGS
            }
            # the page's tables, after the rows of the blocks they follow, their links made the view's
            own = zh if lang == "zh" else en
            inserts = [
                side_by_side.Insert(i.after, side_by_side.rebase(i.html, single.url, alternates[lang].url))
                for i in side_by_side.generated_sections((docs / lang / page).read_text(encoding="utf-8"), own)
            ]
            folder = posixpath.dirname(page)  # a page's links are relative to its folder: the view's to that
            links = posixpath.relpath(posixpath.join(lang, folder), posixpath.join(f"{root(lang)}parallel", folder))
            view = File.generated(
                config,
                f"{root(lang)}parallel/{page}",
                content=side_by_side.markdown(zh, en, lang, inserts, links=f"{links}/"),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            vars(view).update(
                alternates=alternates,
                locale=lang,
                locale_alternate_of=lang,
                localization=lang,
                norm_src_uri=f"parallel/{page}",
            )
            files.append(view)
            self.parallel[view.src_uri] = views.View(single.src_uri, views.headings(own))
            self.parallel_files[view.src_uri] = view
            self.views[single.src_uri] = {
                "url": view.url,
                "label": reader.LABELS[lang]["parallel"],
                "icon": "view-split-vertical",
            }
            self.views[view.src_uri] = {
                "url": single.url,
                "label": reader.LABELS[lang]["single"],
                "icon": "text-box-outline",
            }
        return files

    @event_priority(ORDER["on_env"])
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.config.build_cache and env.bytecode_cache is None:
            env.bytecode_cache = buildcache.template_cache(env)
        return env

    @event_priority(ORDER["on_page_content"])
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        try:
            html = self.held.put_back(page.file.src_uri, html)
        except ValueError as err:
            raise PluginError(str(err)) from None
        if self.tooltips:
            html = self.tooltips.html(html, page.file.src_uri)
        if language_of(page.url) != DEFAULT_LANG:
            src = page.file.src_uri.split("/", 1)[-1]
            stale = {block_id for stale_page, block_id in self.stale if stale_page == src}
            html = reader.add_untranslated(reader.add_notices(html, page.url, stale) if stale else html, page.url)
        if self.config.permalinks:
            html = reader.add_permalinks(html, reader.LABELS[self._language(config)]["permalink"])
        if page.file.src_uri in self.parallel:  # its headings are rows, not HTML headings: give it their contents
            page.toc = views.table_of_contents(self.parallel[page.file.src_uri].headings)
            html = views.english_notes(html)
        return html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        ours = cast(dict[str, Any], context)  # our own variables for overrides/main.html
        ours["reader_view"] = self.views.get(page.file.src_uri)
        # the language roots, relative to the page: Material's `base` and sitemaps (overrides/main.html)
        roots = {lang: get_relative_url(root(lang) or "./", page.url) for lang in LANGS}
        ours["reader_roots"] = roots
        ours["reader_root"] = roots[language_of(page.url)]
        # the search: where each language's index is and the worker that reads it (overrides/main.html)
        ours["reader_search"] = (
            {
                "roots": roots,
                "default": DEFAULT_LANG,
                "bundle": f"{search.BUNDLE}/",
                "worker": "assets/search-worker.js",
                "ranking": self.config.search_ranking,
                "weights": self.config.search_weights,
            }
            if self.config.search == "pagefind"
            else None
        )
        ours["reader_about"] = self._about(nav, config)
        context["nav"] = self._sidebar(nav, page)
        if page.file.src_uri in self.parallel:
            self._read_as_view(ours, page, context["nav"])
        return context

    def _page(self, nav: Navigation, src_uri: str) -> Page | None:
        """The page of `nav` made from `src_uri`, found in a dictionary made once per navigation (a scan of
        `nav.pages` for each page of the site grew with the square of the pages)."""
        if self.nav_pages[0] is not nav:
            self.nav_pages = (nav, {p.file.src_uri: p for p in nav.pages})
        return self.nav_pages[1].get(src_uri)

    def _sidebar(self, nav: Navigation, page: Page) -> Navigation:
        """The navigation `page` carries (scripts/plugin/sidebar.py): the pages of its document and those of
        no document; of its document's sections, its own alone."""
        view = self.parallel.get(page.file.src_uri)
        single = page if view is None else self._page(nav, view.single)
        if single is None:
            return nav
        if self.sidebars is None or self.sidebars.nav is not nav:
            owners = self.owners
            self.sidebars = sidebar.Sidebars(nav, lambda p: owners.get(p.file.src_uri.split("/", 1)[-1]))
        return self.sidebars.of(single)

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        cast(dict[str, Any], context)["reader_about"] = self._about(context["nav"], config)  # 404.html
        return context

    def _about(self, nav: Navigation, config: MkDocsConfig) -> dict[str, str] | None:
        """The page about this edition in this build's language (overrides/partials/copyright.html)."""
        about = self._page(nav, f"{self._language(config)}/{self.config.about}")
        return {"url": about.url, "title": about.title or ""} if about else None

    def _read_as_view(self, context: dict[str, Any], page: Page, nav: Navigation) -> None:
        """A side-by-side page: previous and next side-by-side pages, and the navigation of the views."""
        pages = {uri: file.page for uri, file in self.parallel_files.items() if file.page is not None}
        before, after = views.neighbours(list(pages), page.file.src_uri)
        page.previous_page = pages[before] if before else None
        page.next_page = pages[after] if after else None
        context["nav"] = views.navigation(nav, page, {self.parallel[uri].single: p for uri, p in pages.items()})

    def _aligned_downloads(self, config: MkDocsConfig) -> None:
        """The aligned text (TMX and bilingual CSV) among the site's downloads, made from the pages by every
        build and never kept in docs/ (scripts/translators/aligned.py)."""
        try:
            made = aligned.files(self._root(config))
        except DocumentError as err:
            raise PluginError(f"aligned text: {err}") from None
        for name, text in made.items():
            write_file(text.encode("utf-8"), str(Path(config.site_dir) / tables.DOWNLOADS / name))

    @event_priority(ORDER["on_post_build"])
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._inner_build(config):
            return  # the other languages are not built yet; the outer build ends the work
        self._aligned_downloads(config)
        if self.config.sitemap_per_language:
            self._split_sitemap(config)
        if self.config.search == "pagefind":
            pages = [p for p in nav_pages(self._root(config)) if p not in self.config.search_skip]
            try:
                search.build(Path(config.site_dir), pages, self._search_cache())
            except search.SearchError as err:
                raise PluginError(f"search: {err}") from None
        else:
            search.split_material_index(Path(config.site_dir))
        if self.config.build_cache:
            memo = buildcache.segment_memo()
            if memo is not None:
                memo.save()

    @staticmethod
    def _split_sitemap(config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        sitemap_path = site / "sitemap.xml"
        if sitemap_path.exists():
            site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            sitemap = sitemap_path.read_text(encoding="utf-8")
            for lang in LANGS:
                if root(lang):
                    write_file(
                        reader.language_sitemap(sitemap, site_path, lang).encode("utf-8"),
                        str(site / root(lang) / "sitemap.xml"),
                    )
