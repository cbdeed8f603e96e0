# CRM Vision — the README's two commands, plus helpers.
SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/crmvision

.PHONY: run test lint format migrations-check bench venv deps dev-deps chromium vnu wrk secret clean

# A Python >= 3.12: pyenv's if present, else whatever python3.12/3.13 is on PATH.
PYTHON_BIN := $(shell \
	for c in "$$(pyenv root 2>/dev/null)/versions/$(PYTHON_VERSION)"*/bin/python3 \
	         python$(PYTHON_VERSION) python3.13 python3.12 python3; do \
	  if [ -x "$$c" ] || command -v "$$c" >/dev/null 2>&1; then \
	    if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "$$c"; break; fi; \
	  fi; done)

$(VENV)/bin/python:
	@test -n "$(PYTHON_BIN)" || { echo "Python >= 3.12 is required (see .python-version)"; exit 1; }
	$(PYTHON_BIN) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

venv: $(VENV)/bin/python

$(VENV)/.deps: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.dev-deps: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[dev]'
	touch $(VENV)/.deps $@

deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps

# A stable secret key for local use: invite links are signed with it.
.secret_key:
	@$(PYTHON_BIN) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

secret: .secret_key

run: deps .secret_key
	@export DEBUG=1 SECRET_KEY="$$(cat .secret_key)" SITE_URL="http://$(HOST):$(PORT)"; \
	$(PY) manage.py migrate --no-input -v0 && \
	$(PY) manage.py seed_demo && \
	echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)" && \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests, when it is missing.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# The W3C Nu HTML Checker for tests/test_html_valid.py: Debian's Java runtime
# (and npm) when missing, then vnu.jar from npm's vnu-jar, pinned, in .tools/
# (git-ignored). --ignore-scripts: its postinstall would fetch a second Java.
VNU_VERSION := 26.9.27
VNU_DIR := .tools
vnu:
	@missing=; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian's$$missing for the HTML check"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@if ! grep -qs '"version": "$(VNU_VERSION)"' $(VNU_DIR)/node_modules/vnu-jar/package.json; then \
	  echo "Installing vnu-jar $(VNU_VERSION) into $(VNU_DIR)/"; \
	  npm install --prefix $(VNU_DIR) --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
	    vnu-jar@$(VNU_VERSION); \
	fi

lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

format: dev-deps
	$(VENV)/bin/ruff format .

migrations-check: dev-deps
	SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run

# ruff and the import layers, then the suite on SQLite, then on PostgreSQL when
# it answers (required when CI=true).
test: dev-deps chromium vnu
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run -v0
	$(VENV)/bin/pytest -n 2 --dist loadfile
	@bash .ci/postgres.sh && \
	if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then \
	  echo "--- PostgreSQL ---"; \
	  DATABASE_URL="$(PG_URL)" $(VENV)/bin/pytest -n 2 --dist loadfile; \
	else \
	  echo "PostgreSQL is not answering on 127.0.0.1:5432; skipped the PostgreSQL run."; \
	fi

# Debian's wrk, the load generator of `make bench`, when it is missing.
wrk:
	@if ! command -v wrk >/dev/null 2>&1; then \
	  echo "Installing Debian's wrk for the benchmark"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; \
	fi

# Speed figures as ratios to a minimal Django view (printed, never asserted): see bench/run.py.
bench: dev-deps wrk
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
