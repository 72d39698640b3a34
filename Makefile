# rVibe Player developer commands. `make test` works from a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PIP    := $(BIN)/python -m pip
BENCH_TRACKS ?= 20000

.PHONY: all venv test lint fmt bench run clean package translations

all: test

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -c constraints.txt -e '.[server,dev,package]'
	@touch $(STAMP)

venv: $(STAMP)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The interface's translations: the template and every resources/i18n/*.ts in step with the
# code's tr() strings, then the .qm files the player loads (built, not committed).
translations: venv
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py compile

fmt: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python bench/scan.py --tracks $(BENCH_TRACKS)
	$(BIN)/python bench/search.py
	$(BIN)/python bench/playback.py

run: venv
	$(BIN)/rvibe-player

# The Linux app folder, .tar.gz and .deb in dist/ (packaging/README.md: needs libVLC, dpkg-dev,
# binutils, patchelf). Windows and macOS build with packaging/windows and packaging/macos.
package: venv
	PYTHON=$(BIN)/python packaging/linux-build.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist *.egg-info

# Store load benchmark (PostgreSQL from RVIBE_TEST_DATABASE_URL; a database is created and dropped).
.PHONY: bench-store
bench-store: venv
	$(BIN)/python bench/store_load.py

# Installer benchmark: Linux app size beside the full-PySide6 build, frozen start beside the venv.
.PHONY: bench-package
bench-package: venv
	$(BIN)/python bench/package.py

# Store client benchmark: delivery to the panel's model and cold start (embedded store, SQLite).
.PHONY: bench-sync
bench-sync: venv
	$(BIN)/python bench/sync.py

# The library's integrity check at start-up on 100k tracks, beside opening without it.
.PHONY: bench-integrity
bench-integrity: venv
	$(BIN)/python bench/integrity.py

# Store long-poll flood (bounded): 2,000 polls over 20 accounts + 2,000 from one account.
.PHONY: bench-polls
bench-polls: venv
	$(BIN)/python bench/store_polls.py

# Curator's desk at 10,000 listeners (SQLite and PostgreSQL from RVIBE_TEST_DATABASE_URL; seeded
# stores cached in ~/.cache/rvibe-bench and a template database): inbox, context, live, crate.
.PHONY: bench-staff
bench-staff: venv
	$(BIN)/python bench/staff.py
