# Two commands set everything up on a machine with only Python 3.11+:
#   make demo   — venv, install, migrate, demo data, serve on 127.0.0.1:8000 (SQLite)
#   make test   — venv, install, lint, the whole suite on SQLite and (when reachable) PostgreSQL
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test lint test-sqlite test-postgres bench clean reader

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.base: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e .
	$(BIN)/luoshi compilemessages
	$(build_reader)
	touch $@

# The reader's hot modules compiled with mypyc into $(VENV)/luoshi-reader when gcc and Python's headers
# are at hand (else one line says it runs as plain Python), and again whenever a source of the reader
# changes. The reader itself never runs a stale build: it compares the sources' hashes when imported.
READER_SRC := $(wildcard luoshi/reports/reader/*.py) luoshi/reports/build_reader.py
define build_reader
	@if $(BIN)/python -m luoshi.reports.build_reader --can-compile; then \
	  $(BIN)/pip install -q -c constraints.txt 'mypy>=1.10' setuptools && $(BIN)/python -m luoshi.reports.build_reader \
	  || echo "reader: runs uncompiled (pure Python): mypy could not be installed"; fi
	@# byte-code written once, as an installed package has it (with PYTHONDONTWRITEBYTECODE set, every
	@# `luoshi` process would otherwise compile the project's sources again)
	@$(BIN)/python -m compileall -q luoshi >/dev/null || true
	@touch $(VENV)/.reader
endef

$(VENV)/.reader: $(READER_SRC) | $(VENV)/.base
	$(build_reader)

$(VENV)/.test: $(VENV)/.base
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

# The catalogues are compiled again whenever a .po file changes (a pulled change, a merge).
MO := $(patsubst %.po,%.mo,$(wildcard luoshi/locale/*/LC_MESSAGES/django.po))
$(MO): %.mo: %.po $(VENV)/.base
	$(BIN)/luoshi compilemessages

# make demo PORT=8001 HOST=0.0.0.0 serves elsewhere than 127.0.0.1:8000
demo: $(VENV)/.base $(VENV)/.reader $(MO)
	$(BIN)/luoshi demo $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy luoshi/lib luoshi/reports/reader luoshi/reports/build_reader.py

test-sqlite: $(VENV)/.test $(VENV)/.reader $(MO)
	env -u DATABASE_URL $(BIN)/pytest

# PostgreSQL run: TEST_DATABASE_URL when set, else the local server when it answers.
test-postgres: $(VENV)/.test $(VENV)/.reader $(MO)
	@url="$${TEST_DATABASE_URL:-}"; \
	if [ -z "$$url" ] && $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1)" 2>/dev/null; then url="$(PG_URL)"; fi; \
	if [ -n "$$url" ]; then echo "== PostgreSQL: $$url"; DATABASE_URL="$$url" $(BIN)/pytest; \
	else echo "== PostgreSQL: no server (set TEST_DATABASE_URL to run the suite on it)"; fi

test: lint test-sqlite test-postgres

bench: $(VENV)/.test $(VENV)/.reader
	$(BIN)/python bench/bench_reader.py

# make reader: compile the reader again now (after a change to the build or a new mypy)
reader: $(VENV)/.base
	$(build_reader)

clean:
	rm -rf $(VENV) data
