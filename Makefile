# ReviewDesk developer commands. `make run` and `make test` work on a fresh checkout:
# they create .venv and install the project into it first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench screenshots samples clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/reviewdesk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check desktop db tests benchmarks
	$(BIN)/ruff format --check desktop db tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/import_bench.py

screenshots: $(STAMP)
	$(BIN)/python docs/make_screenshots.py

samples: $(STAMP)
	$(BIN)/python resources/samples/build_samples.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
