"""Translators' own files: the edition as gettext PO (and a POT template) and as XLIFF 2, keyed by
paragraph ID, read back into the English pages; and the aligned text as TMX and CSV downloads.

* document.py: a document as translators' files see it, one unit per heading or paragraph;
* po.py, xliff.py: the two file formats (polib; translate-toolkit's XLIFF 2 storage);
* markup.py: what the English of a unit may carry (an allowlist), and how its notes travel with it;
* pages.py: one block's English written into its page, touching only that block's lines;
* writeback.py: an import, checked whole and then written, pages and translation state, or refused;
* quality.py: msgfmt --check and pofilter (with data/pofilter.yml) on a PO file;
* aligned.py: the TMX 1.4b and bilingual CSV downloads;
* cli.py: `python -m scripts po export|import|check` and `xliff export|import`.
"""
