"""A document as translators' files see it: one unit per heading or paragraph of its pages, keyed by the
block's ID, with its Chinese, its current English (text and translator's notes), its translation state and
the glossary terms its Chinese uses.

A document (documents/SLUG/document.yml, scripts/core/documents.py) is named by its published source when
that is `source/NAME.zh.txt` (the interview: `interview`, the name its files have always carried), else by
its slug (a document made by `python -m scripts new`); its pages are those of its document.yml that
translators write (not the glossary and changes pages, which generators make whole), and its translation
state is its own. Every file a translator gets names its document, and an import refuses a file for
another one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.core import documents as registry
from scripts.core import generated
from scripts.core.paths import ROOT, rel
from scripts.text import glossary
from scripts.text.blocks import Block, load_language, plain_text
from scripts.text.translation_state import describe_change, fingerprint, load_state, old_block, text_blocks

SOURCE_SUFFIX = ".zh.txt"
SOURCE_LANG, TARGET_LANG = "zh-CN", "en-US"  # as the files name them (the site's folders are zh and en)


class DocumentError(ValueError):
    """A document that does not exist, or a file for another document; str() says which."""


def named(root: Path) -> dict[str, registry.Document]:
    """{translators' name: document}: the source's NAME for `source/NAME.zh.txt`, else the slug."""
    out = {}
    sources = (root / "source").resolve()
    for d in registry.load(root):
        published = d.source.parent.resolve() == sources and d.source.name.endswith(SOURCE_SUFFIX)
        out[d.source.name.removesuffix(SOURCE_SUFFIX) if published else d.slug] = d
    return out


def documents(root: Path = ROOT) -> list[str]:
    """The documents of the project, by the names translators' files carry."""
    return sorted(named(root))


def main_document(root: Path = ROOT) -> str:
    """The name of the document at the language root (the site's aligned downloads are of it)."""
    return next((name for name, d in named(root).items() if d.folder == ""), None) or default_document(root)


def find(document: str, root: Path = ROOT) -> registry.Document:
    """The document of that name; DocumentError when there is none."""
    found = named(root)
    if document not in found:
        raise DocumentError(f"no document '{document}' (the documents: {', '.join(sorted(found)) or 'none'})")
    return found[document]


def state_path(document: str, root: Path = ROOT) -> Path:
    """The translation state of the document (`python -m scripts review` keeps it)."""
    return find(document, root).state


def default_document(root: Path = ROOT) -> str:
    names = documents(root)
    if len(names) != 1:
        raise DocumentError(f"name the document: one of {', '.join(names) or 'none'}")
    return names[0]


def check_document(name: str, root: Path = ROOT) -> str:
    find(name, root)
    return name


def pages(document: str, root: Path = ROOT) -> list[str]:
    """The pages of a document that translators write, in navigation order (those of the document.yml whose
    source it is: scripts/core/documents.py), less those a generator makes whole (the glossary, the changes)."""
    return pages_of(find(document, root), root)


def pages_of(own: registry.Document, root: Path = ROOT) -> list[str]:
    """The pages of `own` that translators write (pages)."""
    return [p for p in registry.pages(own, root) if not generated_whole(root / "docs" / "zh" / p)]


def generated_whole(path: Path) -> bool:
    """Whether a generator makes the page whole: its one line outside its generated sections is its title,
    which the generator writes too (`python -m scripts glossary --write`, `changes --write`)."""
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8").split("\n")
    inside = {i for s in generated.sections(lines) for i in range(s.start, (s.end or len(lines)) + 1)}
    outside = [line for i, line in enumerate(lines) if i not in inside and line.strip()]
    return bool(inside) and len(outside) == 1 and outside[0].startswith("#")


@dataclass(frozen=True)
class Unit:
    """One heading or paragraph: what a PO entry or an XLIFF unit carries."""

    id: str
    page: str
    zh: Block
    en: Block | None
    status: str  # "translated" | "stale" | "missing", as scripts/text/translation_state.py says
    previous: Block | None = None  # for a stale block: the Chinese it was translated from, if git has it
    change: str = ""  # for a stale block: how the Chinese changed since
    terms: tuple[glossary.Term, ...] = ()

    @property
    def source(self) -> str:
        """The Chinese, inline Markdown kept."""
        return self.zh.markdown

    @property
    def target(self) -> str:
        """The current English with its translator's notes ("" when missing)."""
        return english(self.en) if self.en else ""

    def comments(self) -> list[str]:
        """What a translator should know: the kind of block, the rules it keeps, the glossary terms."""
        out = []
        if self.zh.kind == "heading":
            out.append(f"A heading (level {self.zh.level}): one line.")
        if self.zh.is_label:
            out.append("A label of this edition, not text of the source.")
        if self.zh.markdown.startswith("**") and "{ .speaker }" in self.zh.markdown:
            out.append("Keep the speaker label at the start, in bold and followed by { .speaker }.")
        if self.status == "stale":
            out.append(f"The Chinese changed since this was translated: {self.change}.")
        for t in self.terms:
            line = f"Glossary: {t.zh} → {t.en}"
            if t.variants:
                line += f" (or {', '.join(t.variants)})"
            if t.wrong:
                line += f"; never {', '.join(t.wrong)}"
            out.append(line + (f". {t.note}" if t.note else ""))
        return out

    def locations(self) -> list[tuple[str, int]]:
        """The block's file and line in each language."""
        out = [(rel(self.zh.path), self.zh.line)]
        return out + ([(rel(self.en.path), self.en.line)] if self.en else [])


def english(block: Block) -> str:
    """A block's English as the files carry it: its text, then each translator's note after a blank line,
    written as in the page (`[^tn-label]: …`)."""
    return block.markdown + "".join(f"\n\n[^{n.label}]: {n.markdown}" for n in block.notes)


def units(document: str, root: Path = ROOT, details: bool = True, own: registry.Document | None = None) -> list[Unit]:
    """Every heading and paragraph of the document's Chinese pages, in order. With `details` (what an export
    gives), each unit carries the glossary terms its Chinese uses, and a stale one the Chinese it was
    translated from, looked up in git (as `python -m scripts status` does). `own`: the document, when the
    caller has it (found by name otherwise: a reading of every document's settings)."""
    docs = root / "docs"
    own = own or find(document, root)
    names = pages_of(own, root)
    zh_pages, en_pages = load_language("zh", docs, names), load_language("en", docs, names)
    state = load_state(own.state)
    terms = glossary.load(root / "data" / "glossary.yml") if details else []
    out = []
    for page in names:
        en = {b.id: b for b in text_blocks(en_pages.get(page, [])) if not b.is_untranslated}
        for z in text_blocks(zh_pages.get(page, [])):
            e = en.get(z.id)
            used = tuple(sorted(glossary.terms_in(z.text, terms), key=lambda t: z.text.find(t.zh)))
            if e is None:
                out.append(Unit(z.id, page, z, None, "missing", terms=used))
            elif state.get(z.id) == fingerprint(z.text):
                out.append(Unit(z.id, page, z, e, "translated", terms=used))
            else:
                old = old_block(root, page, z.id, state[z.id]) if details and z.id in state else None
                change = (
                    describe_change(old.text if old else None, z.text)
                    if z.id in state
                    else "never recorded as reviewed"
                )
                out.append(Unit(z.id, page, z, e, "stale", old, change, used))
    return out


def same_text(a: str, b: str) -> bool:
    """Whether two Chinese texts are the same text (as the translation state compares them)."""
    return fingerprint(plain_text(a)) == fingerprint(plain_text(b))
