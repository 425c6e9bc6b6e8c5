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

.PHONY: setup demo test lint typecheck pytest bench clean messages

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

demo: setup
	$(CNVH) migrate --noinput
	$(CNVH) demo-data --output $(DEMO_DIR)
	$(CNVH) load-demo $(DEMO_DIR)
	CNVH_DEBUG=1 $(CNVH) runserver $(HOST)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest

test: lint typecheck pytest

bench: setup
	$(BIN)/python -m bench.engine

# Each app with its own catalogue (cnvh/plan/locale) keeps its messages out of the shared one.
messages: setup
	cd src/cnvh && CNVH_VAR_DIR=../../var ../../$(CNVH) makemessages -l vi -l en --no-obsolete \
	  --ignore 'plan/*' && CNVH_VAR_DIR=../../var ../../$(CNVH) compilemessages
	cd src/cnvh/plan && CNVH_VAR_DIR=../../../var ../../../$(CNVH) makemessages -l vi -l en \
	  --no-obsolete && CNVH_VAR_DIR=../../../var ../../../$(CNVH) compilemessages

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache .hypothesis
