# ReviewDesk developer commands. `make run` and `make test` work on a fresh checkout:
# they create .venv and install the project into it first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench screenshots samples translations clean

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

# Refresh the English .ts from the sources (translate new entries in Qt Linguist), then compile the .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate desktop/ui/*.py -ts resources/i18n/reviewdesk_en.ts \
		-source-language zh_CN -target-language en -no-obsolete
	$(BIN)/pyside6-lrelease resources/i18n/reviewdesk_en.ts -qm resources/i18n/reviewdesk_en.qm
	$(BIN)/pyside6-lrelease resources/i18n/qt_supplement_zh_CN.ts -qm resources/i18n/qt_supplement_zh_CN.qm

samples: $(STAMP)
	$(BIN)/python resources/samples/build_samples.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
