# `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job on the embedded default: the sample corpus into ./marsad.db, its incidents as a
# table, then the dashboard and REST API on http://127.0.0.1:8000 (Ctrl-C stops it).
run: $(STAMP)
	$(BIN)/marsad ingest examples/corpus.jsonl --db marsad.db
	$(BIN)/marsad events --db marsad.db --format table --limit 25
	$(BIN)/marsad serve --db marsad.db --host 127.0.0.1 --port $${PORT:-8000}

# The tests need a real PostgreSQL and Chromium: installed if missing, PostgreSQL started.
test: $(STAMP)
	scripts/setup-system.sh
	$(BIN)/ruff check src tests benchmarks
	MARSAD_TEST_PG_URL="$${MARSAD_TEST_PG_URL:-$$(scripts/start-postgres.sh)}" $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
