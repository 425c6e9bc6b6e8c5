# cnvh — two commands: `make demo` and `make test`.
# Python 3.12: from PATH, else a pyenv installation, so that a shell without pyenv's
# shims still finds it.
PYTHON ?= $(firstword $(shell command -v python3.12 2>/dev/null) \
	$(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) python3.12)
VENV := .venv
BIN := $(VENV)/bin
CNVH := $(BIN)/cnvh
DEMO_DIR := var/demo
HOST ?= 127.0.0.1:8000

.PHONY: setup demo test lint typecheck pytest pytest-sqlite pytest-postgres bench load clean messages

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

demo: setup
	$(CNVH) migrate --noinput
	$(CNVH) demo-data --output $(DEMO_DIR)
	CNVH_DEBUG=1 $(CNVH) load-demo $(DEMO_DIR)
	CNVH_DEBUG=1 $(CNVH) runserver $(HOST)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

# The suite runs on SQLite, then again on PostgreSQL when CNVH_TEST_DATABASE_URL names a
# server (a role that may create databases): `eval "$$(.ci/postgres)"` starts a private one.
pytest: pytest-sqlite pytest-postgres

# Each pass runs on JOBS processes (pytest-xdist), a test module's tests in one of them so
# that its module fixtures are built once; each process has its own test database. Modules
# are handed out in the order collected, the longest first (tests/conftest.py), not by
# their number of tests: a module of a few long tests would otherwise come last.
JOBS ?= 2
PYTEST := $(BIN)/pytest -n $(JOBS) --dist loadscope --no-loadscope-reorder

pytest-sqlite: setup
	env -u CNVH_DATABASE_URL $(PYTEST)

pytest-postgres: setup
	@if [ -n "$$CNVH_TEST_DATABASE_URL" ]; then \
	  echo "Again on PostgreSQL: $${CNVH_TEST_DATABASE_URL%%://*}://…@$${CNVH_TEST_DATABASE_URL##*@}"; \
	  CNVH_DATABASE_URL="$$CNVH_TEST_DATABASE_URL" $(PYTEST); \
	else \
	  echo "PostgreSQL: CNVH_TEST_DATABASE_URL is not set; the suite ran on SQLite only."; \
	fi

test: lint typecheck pytest

# `make bench ROWS=100000000` at 100M rows; BENCH_ARGS="--shuffled", "--postgres URL".
ROWS ?= 10000000
BENCH_ARGS ?=
bench: setup
	$(BIN)/python -m bench.engine --rows $(ROWS) $(BENCH_ARGS)
	$(BIN)/python -m bench.events_ics
	$(BIN)/python -m bench.register_import

# The load scenario on PostgreSQL with the city-scale data set (not part of `make test`):
# 50 users for 5 minutes; LOAD_ARGS="--time 1m --users 20", "--fresh", "--no-page-cache".
LOAD_ARGS ?=
load: setup
	$(BIN)/python -m bench.load.run $(LOAD_ARGS)

# One catalogue for the whole package (cnvh/locale), Vietnamese and English; a word that
# means two things carries a context (pgettext) instead of a second catalogue.
messages: setup
	cd src/cnvh && CNVH_VAR_DIR=../../var ../../$(CNVH) makemessages -l vi -l en --no-obsolete && \
	  CNVH_VAR_DIR=../../var ../../$(CNVH) compilemessages

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache .hypothesis
