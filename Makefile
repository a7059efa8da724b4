# Fælles — the commands people type. `make demo` and `make test` set up everything.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-sqlite test-postgres lint format install python npm chromium static serve bench bench-load screenshots clean

demo: install static
	$(BIN)/faelles demo
	@echo "Fælles kører på http://$(HOST):$(PORT)/  (stop med Ctrl+C)"
	@# Mail (sign-up confirmations, notifications) goes out from the task worker.
	@# FAELLES_DEBUG=0: the product as a visitor meets it (its own 404 and 500 pages,
	@# static files through WhiteNoise), not Django's yellow debug pages.
	FAELLES_DEBUG=0 $(BIN)/faelles db_worker & worker=$$!; trap 'kill $$worker' EXIT; \
	  FAELLES_DEBUG=0 $(BIN)/faelles runserver $(HOST):$(PORT)

install: python npm

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium for the browser tests (never a browser downloaded by Playwright),
# and gettext so the test that the English catalogue is current runs.
chromium:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

static: install
	$(BIN)/faelles collectstatic --noinput --verbosity 0

lint: python
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: python
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The whole suite twice, side by side: SQLite and a throw-away PostgreSQL cluster.
# Each pass prints its output when it ends; either failing fails `make test`.
# Each browser test runs once in `make test` (phone in the SQLite pass, desktop in the
# PostgreSQL pass), a few long tests in the pass their `one_pass` marker names (see
# conftest.py), the engine tests only in the SQLite pass.
test: install chromium lint
	FAELLES_BROWSER_ONCE=1 $(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: install
	$(BIN)/pytest $(PYTEST_ARGS)

# Pure-engine tests (marker "engine") touch no database, so the PostgreSQL pass skips them.
test-postgres: install
	scripts/with-postgres $(BIN)/pytest -m "not engine" $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	scripts/with-postgres $(BIN)/python bench/run_all.py

# Load and faults (docs/benchmarks.md): locust for 10 minutes against gunicorn and a
# throw-away PostgreSQL at `large` scale, every count checked afterwards; then the
# same with PostgreSQL restarted halfway. Not part of `make bench` (about 45 minutes
# with the seeding).
bench-load: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	scripts/with-postgres bash -c '$(BIN)/python bench/bench_load.py && $(BIN)/python bench/bench_load.py --restart'

# Every main page at 390 px and 1280 px, as PNG files under var/screenshots/, for review.
screenshots: install chromium
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules var
