"""Documentation tooling for the bilingual interview site. Run `python -m scripts --help`."""
