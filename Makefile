# Two commands on a fresh machine: `make serve` and `make test`. Everything else is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.locked
PROJECT_STAMP := $(VENV)/.project
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Every recipe line runs in a process group of its own, which an interrupted make (Ctrl-C, `kill`) stops
# whole, its Python and their children with it (scripts/make_shell.sh).
SHELL := $(CURDIR)/scripts/make_shell.sh

.PHONY: setup browser-setup translator-setup serve build test lint check clean tables bench lock

# The virtual environment is made anew whenever a lock file changes, so it holds exactly what they
# say: requirements/dev.txt is the whole tree (runtime and development), exact versions with hashes.
# The project itself is installed editable (again whenever pyproject.toml changes), which registers
# the MkDocs plugin `bilingual`.
$(STAMP): requirements/runtime.txt requirements/dev.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	@touch $(STAMP)

$(PROJECT_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(PROJECT_STAMP)

setup: $(PROJECT_STAMP)

# `make serve PORT=8001` serves on another port.
PORT ?= 8000
# mkdocs.yml is held to its allowlist (data/policy/allowlist.yml) before MkDocs reads it: its loader
# runs YAML's Python tags, and a hook runs as soon as it is loaded. `serve`, `build` and `test` need it.
.PHONY: policy
policy: setup
	$(BIN)/python -m scripts policy

serve: setup policy
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

build: setup policy
	$(BIN)/mkdocs build --strict --site-dir site

# What the browser tests (tests/test_browser.py) need besides the venv: Debian's chromium with a
# Chinese font (Playwright's own browser download does not work here) and axe-core from npm,
# pinned in package-lock.json. Each is installed only when missing.
browser-setup:
	@test -x /usr/bin/chromium && fc-list :lang=zh | grep -q . || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei; }
	@test -d node_modules/axe-core || npm ci --no-audit --no-fund

# What the translators' file tests (tests/test_po_*.py) need besides the venv: GNU gettext's msgfmt
# (Debian's gettext), which checks the PO export. Installed only when missing; pofilter is in the venv.
translator-setup:
	@command -v msgfmt >/dev/null || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y gettext; }

# Lint, format and types (settings in pyproject.toml), then every test.
lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

# The tests run on TEST_WORKERS processes (pytest-xdist; `auto`: one per CPU), grouped as tests/conftest.py
# says; `make test TEST_WORKERS=0` runs them in this one process.
TEST_WORKERS ?= auto
test: setup browser-setup translator-setup policy lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The benchmark (README, "Performance"): about an hour; writes bench/results.* and the README's table.
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

# Compile the lock files from pyproject.toml (runtime dependencies, and the `dev` extra on top of them).
# Run after changing a dependency there; commit pyproject.toml and both lock files together.
LOCK_FLAGS := --allow-unsafe --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras
lock: setup
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) --output-file=requirements/runtime.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) --constraint=requirements/runtime.txt --extra=dev --output-file=requirements/dev.txt pyproject.toml
