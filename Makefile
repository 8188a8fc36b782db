# Matchmaker — `make run` serves the site, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app wsgi
STAMP  := $(VENV)/.installed-dev
HOST   ?= 127.0.0.1
PORT   ?= 5000
PYTEST_ARGS ?=

.PHONY: run test test-pg translations extract-messages bench lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(VENV)/bin/pybabel compile --use-fuzzy -d matchmaker/translations -f

run: $(STAMP) translations
	$(FLASK) db upgrade
	$(FLASK) seed-demo
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(STAMP) translations
	$(PY) -m pytest $(PYTEST_ARGS)

test-pg: $(STAMP) translations
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(PY) -m pytest $(PYTEST_ARGS)

extract-messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o matchmaker/translations/messages.pot .
	$(VENV)/bin/pybabel update -i matchmaker/translations/messages.pot -d matchmaker/translations --no-fuzzy-matching

bench: $(STAMP)
	for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache
