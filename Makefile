# voicecart — two commands on a fresh machine:
#   make run    set everything up and serve the product at http://127.0.0.1:8000
#   make test   set everything up and run every check and test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test setup lint typecheck pytest web webtest bench-commerce bench-relay bench-voice clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "voicecart needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) web

# The web client (React + Vite) is built into voicecart/web_dist when it exists.
web:
	@if [ -f web/package.json ]; then bash scripts/build-web.sh; fi

# Web client checks (tsc + Vitest); also installs Debian chromium for the browser e2e tests.
webtest: web
	bash scripts/test-web.sh

run: setup
	$(BIN)/voicecart db upgrade
	$(BIN)/voicecart db seed
	$(BIN)/voicecart serve

lint: $(STAMP)
	$(BIN)/ruff check voicecart tests bench
	$(BIN)/ruff format --check voicecart tests bench

typecheck: $(STAMP)
	$(BIN)/mypy voicecart

pytest: $(STAMP)
	@set +e; $(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests were collected"; exit 0; fi; exit $$rc

test: setup lint typecheck webtest pytest

bench-commerce: $(STAMP)
	$(BIN)/python bench/commerce.py

bench-relay: $(STAMP)
	$(BIN)/python bench/relay.py --sessions 100,300,500 --duration 10 --markdown

bench-voice: $(STAMP)
	$(BIN)/python bench/voice.py --markdown

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
