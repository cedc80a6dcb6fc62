# Two commands for a fresh clone: `make run` and `make test`. Both go through `make setup`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Used only by the test run and `make run` (debug on); production sets its own.
TEST_ENV := DJANGO_SECRET_KEY=test-only-not-secret DJANGO_DEBUG=0
HOST ?= 127.0.0.1
PORT ?= 8000

# `make test` spreads the tests over one pytest-xdist worker per core; a group
# marked xdist_group (tests/conftest.py) stays on one worker. `make test-sqlite`
# and `make test-postgres` alone run in one process unless given PARALLEL.
PARALLEL_ARGS := -n auto --dist loadgroup
PARALLEL ?=

.PHONY: setup run serve demo test test-fast test-sqlite test-postgres lint format messages admin browser bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# What `make run` imports; `make demo` adds the hand-written sample articles of the tests.
ARTICLES ?= seeds/

run: setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_DEBUG=1 $(BIN)/python manage.py loaddata editors -v0
	DJANGO_DEBUG=1 $(BIN)/python manage.py import_seeds $(ARTICLES)
	@echo ""
	@echo "The archive is at   http://$(HOST):$(PORT)/"
	@echo "  pages:            http://$(HOST):$(PORT)/articles/  /people/  /organisations/  /directives/"
	@echo "  admin:            http://$(HOST):$(PORT)/admin/"
	@echo "  API:              http://$(HOST):$(PORT)/api/   (docs: /api/docs/, schema: /api/schema/)"
	@echo "  admin login:      run 'make admin' in another terminal to create one"
	@echo "                    (editors: staff status and the group 'Biên tập viên', in the admin)"
	@echo ""
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn (config/gunicorn.conf.py) with debug off, static files
# collected for WhiteNoise. Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS;
# DATABASE_URL for PostgreSQL.
serve: setup
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn -c config/gunicorn.conf.py

# `make run` with pages more than two articles deep: seeds/ plus the invented
# sample articles the extraction tests use (tests/extraction/articles/).
demo:
	$(MAKE) --no-print-directory run ARTICLES="seeds/ tests/extraction/articles/"

admin: setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py createsuperuser

# Chromium for the browser tests: installed from Debian when missing and we may.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed: the browser tests will be skipped"; fi; }

test: setup browser
	$(MAKE) --no-print-directory test-sqlite PARALLEL="$(PARALLEL_ARGS)"
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres PARALLEL="$(PARALLEL_ARGS)"; \
	 else echo "DATABASE_URL is not set: skipping the PostgreSQL run"; fi

# The fast core on SQLite: no browser, no schemathesis, no whole-corpus checks.
test-fast: setup
	env -u DATABASE_URL $(TEST_ENV) $(BIN)/pytest $(PARALLEL_ARGS) -m "not slow" $(PYTEST_ARGS)

test-sqlite: setup
	env -u DATABASE_URL $(TEST_ENV) $(BIN)/pytest $(PARALLEL) $(PYTEST_ARGS)

test-postgres: setup
	$(TEST_ENV) $(BIN)/pytest $(PARALLEL) $(PYTEST_ARGS)

lint: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# After marking or changing user-facing strings: extract them into the catalogues
# of archive/locale/ (translate the new Vietnamese msgstrs there), then compile.
# Needs GNU gettext (Debian: apt-get install gettext); `make run` does not, as the
# compiled .mo files are committed, and tests/archive/test_translations.py checks
# that they match the .po files. English msgstrs repeat their msgids (msgen):
# an untranslated string would otherwise fall back to the Vietnamese catalogue.
MAKEMESSAGES := ../$(BIN)/python ../manage.py makemessages -e html,py,svg -i 'extraction/*' -i 'migrations/*'
messages: setup
	cd archive && $(TEST_ENV) $(MAKEMESSAGES) -l vi -l en
	msgen --no-wrap -o archive/locale/en/LC_MESSAGES/django.po archive/locale/en/LC_MESSAGES/django.po
	cd archive && $(TEST_ENV) ../$(BIN)/python ../manage.py compilemessages

# Each script prints its table; bench/RESULTS.md records runs with their machine.
bench: setup
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/extraction_quality.py --held-out
	$(BIN)/python bench/bench_extraction.py
	$(TEST_ENV) $(BIN)/python bench/bench_import.py
	$(TEST_ENV) $(BIN)/python bench/bench_api.py
	$(TEST_ENV) $(BIN)/python bench/bench_pages.py

clean:
	rm -rf $(VENV) var staticfiles test-artifacts .pytest_cache .ruff_cache .mypy_cache
