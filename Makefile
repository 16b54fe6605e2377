# Two commands do all the set-up on a fresh Debian machine:
#   make run   — install what is missing (Debian packages, .venv) and start the app on :8501
#   make test  — the same installation, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: setup system run test test-fast samples eval bench fuzz clean

setup: system $(STAMP)

system:
	@bash scripts/install-system.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: setup
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: setup
	$(BIN)/python -m pytest -q

# Generated sample forms (PDF, scan, photos) from samples/letters; not committed.
samples: setup
	$(BIN)/python samples/generate.py --jobs 2

clean:
	rm -rf $(VENV) samples/generated .pytest_cache
