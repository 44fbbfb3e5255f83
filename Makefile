# The Difference website. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# The Nu Html Checker (vnu.jar, run with Java 17+), from the npm package of that name, pinned.
VNU_VERSION := 26.9.27
TOOLS := .tools
VNU_JAR := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar

VARNISHD ?= /usr/sbin/varnishd

.PHONY: help install install-dev tools run serve migrate demo admin stack stack-manage test test-fast test-browser test-faults test-stack lint format check deploy-check bench bench-cpu bench-instructions bench-stack clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime packages (exact versions)

install-dev: $(VENV)/.installed-dev ## Install runtime plus test and lint tools

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content (safe to run again)
	$(MANAGE) load_demo_content

admin: migrate ## Make sure an admin account exists and say how to log in
	$(MANAGE) ensure_admin

run: demo admin ## Install, migrate, load demo content and serve at http://127.0.0.1:8000 (admin at /admin/)
	@echo "Serving the site at http://$(HOST):$(PORT)/ and the admin at http://$(HOST):$(PORT)/admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve without reinstalling or migrating
	$(MANAGE) runserver $(HOST):$(PORT)

$(VARNISHD):
	@echo "Installing Debian's Varnish for the stack (needs root)..."
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish

stack: install-dev $(VARNISHD) ## Production shape on one machine: cache, object storage, 2 app servers, worker (http://127.0.0.1:8000)
	$(PY) -m deploy.stack

stack-manage: install-dev ## A management command on the stack's database and storage: make stack-manage CMD="..."
	$(PY) -m deploy.stack manage "$(CMD)"

$(CHROMIUM):
	@echo "Installing Debian's Chromium for the browser tests (needs root)..."
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(VNU_JAR):
	@command -v java >/dev/null || { echo "The HTML checks need Java 17 or later (apt-get install default-jre-headless)"; exit 1; }
	npm install --prefix $(TOOLS) --no-save --ignore-scripts --no-audit --no-fund vnu-jar@$(VNU_VERSION)

tools: $(VNU_JAR) ## Install the test tools that are not Python packages (the Nu Html Checker)

# pytest exits 5 when it collected no tests: that is a failure here, never a pass.
PYTEST = $(BIN)/pytest $(1) || { status=$$?; [ $$status -eq 5 ] && echo "pytest ran no tests"; exit $$status; }

test: install-dev $(CHROMIUM) $(VNU_JAR) $(VARNISHD) ## Run the whole suite: unit, integration, faults, stack, browser and accessibility
	$(call PYTEST,)

test-fast: install-dev ## Run everything but the browser tests, the fault suite, the production-server and the stack tests
	$(call PYTEST,-m "not browser and not faults and not production_server and not stack")

test-faults: install-dev ## Only the fault suite: gunicorn (production settings) while Redis, PostgreSQL, SMTP and the worker fail
	$(call PYTEST,-m faults -s)

test-browser: install-dev $(CHROMIUM) $(VNU_JAR) ## Run only the browser and accessibility tests
	$(call PYTEST,-m browser)

test-stack: install-dev $(VARNISHD) ## Run only the tests against the production shape (make stack, on free ports)
	$(call PYTEST,-m stack)

lint: install-dev ## Check formatting, lint Python (ruff), templates (djhtml) and the import layers (lint-imports)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-cache

format: install-dev ## Format Python and templates in place
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates

check: install ## Django system checks and the missing-migrations check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

deploy-check: install ## `check --deploy` under production settings (with throwaway secrets and mail host)
	DJANGO_SETTINGS_MODULE=website.settings.production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=www.example.org EMAIL_HOST=smtp.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

bench: install-dev ## Benchmarks: CPU per request in units, requests per second, latency and SQL queries per page type
	$(PY) -m bench.run

bench-cpu: install-dev ## CPU per request in units of fixed template work, warm and cache-cleared (a few minutes; SIZE=demo|large|both)
	$(PY) -m bench.cpu --size $(or $(SIZE),both) $(BENCH_CPU_ARGS)

bench-instructions: install-dev ## Instructions per request under Valgrind, warm and cache-cleared: exact, for before/after (SIZE=demo|large|both)
	$(PY) -m bench.instructions --size $(or $(SIZE),demo) $(BENCH_INSTRUCTIONS_ARGS)

bench-stack: install-dev $(VARNISHD) ## Benchmark through the front cache: cached page, static file, uncached page, publish to fresh
	$(PY) -m bench.stack

clean: ## Remove the virtualenv, local database, media and caches
	rm -rf $(VENV) $(TOOLS) db.sqlite3 media test-media staticfiles .stack .pytest_cache .ruff_cache
