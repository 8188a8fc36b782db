# Matchmaker — `make run` serves the site, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app wsgi
STAMP  := $(VENV)/.installed-dev
HOST   ?= 127.0.0.1
PORT   ?= 5000
PYTEST_ARGS ?=
PYBABEL := $(VENV)/bin/pybabel
I18N    := matchmaker/translations

.PHONY: run test test-pg lint format translations extract-messages bench bench-load dist clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Compile the catalogs (.po → .mo, git-ignored). Fuzzy entries are never compiled (an unreviewed
# guess is worse than English); a checkout without catalogs still runs, in English.
translations: $(STAMP)
	@if ls $(I18N)/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(PYBABEL) compile --statistics -d $(I18N); \
	else \
		echo "translations: no catalogs under $(I18N), the interface stays in English"; \
	fi

run: $(STAMP) translations
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	$(FLASK) run --host $(HOST) --port $(PORT)

# The quality gate (also the first step of .ci/run): lint, formatting, and strict types on the pure core.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict matchmaker/core

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# one pytest-xdist worker per core; on PostgreSQL each worker gets its own database (tests/databases.py)
test: $(STAMP) translations
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

test-pg: $(STAMP) translations
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(PY) -m pytest -n auto $(PYTEST_ARGS)

# Re-extract messages.pot from the code and templates and merge it into the az/ru/en catalogs.
# Only these inputs are scanned (never `.`: .venv, tests/ and bench/ stay out); dynamic message ids
# are listed in matchmaker/messages.py with N_(). Then translate the new empty msgstr entries in
# az and ru (tests/test_i18n.py lists them) and run `make translations`.
extract-messages: $(STAMP)
	$(PYBABEL) extract -F babel.cfg -k _l -k lazy_gettext -k N_ -k lazy_ngettext:1,2 \
		--add-comments=Translators: --sort-by-file --project=Matchmaker \
		-o $(I18N)/messages.pot matchmaker templates config.py
	$(PYBABEL) update -i $(I18N)/messages.pot -d $(I18N) --no-fuzzy-matching --ignore-obsolete

# The sdist and the wheel into dist/ (README, "Installing from a wheel"): the wheel carries templates,
# migrations, static files and catalogs compiled at build time (matchmaker/_build.py).
dist: $(STAMP)
	$(PY) -m build --outdir dist .

bench: $(STAMP)
	for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done
	$(PY) bench/load.py

# pages and API calls at 20,000 firms under gunicorn (4 workers) and wrk, on PostgreSQL
# (BENCH_DATABASE_URL, default database bench_load): docs/benchmarks.md, "Load"
bench-load: $(STAMP)
	$(PY) bench/load.py --write-doc

clean:
	rm -rf $(VENV) .pytest_cache build dist matchmaker.egg-info
