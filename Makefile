# Two commands on a fresh machine: `make serve` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements.txt
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup browser-setup serve build test check clean tables bench

# (Re)create the virtual environment when it is missing or requirements.txt changed.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@cp requirements.txt $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

# What the browser tests (tests/test_browser.py) need besides the venv: Debian's chromium with a
# Chinese font (Playwright's own browser download does not work here) and axe-core from npm,
# pinned in package-lock.json. Each is installed only when missing.
browser-setup:
	@test -x /usr/bin/chromium && fc-list :lang=zh | grep -q . || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei; }
	@test -d node_modules/axe-core || npm ci --no-audit --no-fund

test: setup browser-setup
	$(BIN)/python -m pytest

# The benchmark (README, "Performance"): about half an hour; writes bench/results.* and the README's table.
# Lighthouse is pinned in bench/package-lock.json (not the root package.json, which holds axe-core).
bench: setup browser-setup
	@test -f bench/node_modules/lighthouse/package.json || npm ci --prefix bench --ignore-scripts --no-audit --no-fund
	$(BIN)/python -m scripts bench

# Regenerate the tables, charts and downloads from data/figures/ (see README, "Data").
tables: setup
	$(BIN)/python -m scripts tables

clean:
	rm -rf site .pytest_cache test-output
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules
