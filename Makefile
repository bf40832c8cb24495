# Two commands do everything: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Where readers reach the site: every absolute URL (canonical, feeds, sitemap) and the Site.
SITE_URL ?= http://$(HOST):$(PORT)
DEV := SITE_URL=$(SITE_URL)
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= talkingpictures

.PHONY: run test install install-dev migrate demo lint format check bench bench-peer soak serve-prod clean goldens

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

# axe-core for the browser tests' accessibility checks, pinned by the committed lock file.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests' axe-core checks will be skipped"; fi

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev $(AXE)

migrate: install
	$(DEV) $(MANAGE) migrate --noinput

demo: migrate
	$(DEV) $(MANAGE) load_demo_content
	$(DEV) $(MANAGE) import_legacy home/fixtures/legacy-mirror --base-url http://www.talkingpictures.example/
	$(DEV) $(MANAGE) ensure_admin --username $(ADMIN_USER) --password $(ADMIN_PASSWORD)

# The task worker of the importer's queue (settings.TASKS "imports": the database, no Redis).
WORKER_ARGS := --backend imports --queue-name imports --interval 2

run: demo
	@echo ""
	@echo "  Talking Pictures is at   $(SITE_URL)/"
	@echo "  Admin:                   $(SITE_URL)/admin/"
	@echo "  Login:                   $(ADMIN_USER) / $(ADMIN_PASSWORD)"
	@echo "  Background jobs (re-imports from the review queue) run in a worker started with it."
	@echo ""
	$(DEV) $(MANAGE) db_worker $(WORKER_ARGS) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(DEV) $(MANAGE) runserver $(HOST):$(PORT)

# One pytest worker per core (pytest-xdist); PYTEST_ARGS="-n0 -x" for a serial run.
PYTEST_ARGS ?= -n auto
test: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The parser's golden files, rewritten as a step of its own (never by a test run): review
# the diff it prints before committing.
goldens: install-dev
	$(BIN)/python -m tests.legacy.goldens

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Production settings on this machine: set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL
# (see docs/deployment.md); add SECURE_SSL_REDIRECT=false SECURE_COOKIES=false for plain HTTP.
serve-prod: install
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) db_worker $(WORKER_ARGS) --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/gunicorn -c config/gunicorn.py

# HTTP benchmark with Debian's wrk against gunicorn + production settings. BENCH_ARGS=--help
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/http_bench.py $(BENCH_ARGS)

# This site beside Wagtail's demo, page for page: BAKERYDEMO=path/to/a/bakerydemo/checkout.
# Its virtualenv gets this project's Wagtail and Django. PEER_ARGS=--help
bench-peer: install
	@test -n "$(BAKERYDEMO)" || (echo "BAKERYDEMO=path to a checkout of wagtail/bakerydemo" && false)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/peer.py --bakerydemo $(BAKERYDEMO) $(PEER_ARGS)

# Soak: 16 clients x 60 s while a review is published every second, on SQLite and on
# PostgreSQL + Redis (needs redis-server and PostgreSQL on 127.0.0.1). SOAK_ARGS=--help
soak: install
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media collected-static .pytest_cache tests/browser/node_modules
