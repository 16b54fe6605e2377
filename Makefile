# Two commands do all the set-up on a fresh Debian machine:
#   make run   — install what is missing (Debian packages, .venv) and start the app on :8501
#   make test  — the same installation, then the whole test suite
# (`make serve` starts the HTTP API with Redis and two workers: snapdebrief/service/, #19.)
#
# Python packages come from the locks in requirements/ (exact versions, made by `make lock` with
# uv from pyproject.toml): runtime.txt for `make run`, dev.txt (runtime + test tools) for the
# rest. `make run` installs no test tools and no browser.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP := $(VENV)/.runtime-stamp
DEV_STAMP := $(VENV)/.dev-stamp
PORT   ?= 8501
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check

.PHONY: setup setup-run system system-run system-serve run serve test pytest guard samples samples-pdf samples-firstlook-pdf samples-few eval bench fuzz lock lock-upgrade clean

# Everything `make test` and the slow targets need: Debian packages with Chromium, dev lock.
setup: system $(DEV_STAMP)

# Only what the app needs: Debian packages without a browser, runtime lock.
setup-run: system-run $(RUN_STAMP)

system:
	@bash scripts/install-system.sh --with-browser --with-redis

system-run:
	@bash scripts/install-system.sh

system-serve:
	@bash scripts/install-system.sh --with-redis

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): requirements/runtime.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements/runtime.txt
	$(PIP) --no-deps -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): requirements/dev.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements/dev.txt
	$(PIP) --no-deps -e .
	@touch $(RUN_STAMP) $(DEV_STAMP)

run: setup-run
	$(BIN)/streamlit run app.py --server.port $(PORT)

# The HTTP API on one machine (#19): Redis in memory only (no dump, no append-only file, bound to
# 127.0.0.1), two workers and `snapdebrief serve` on API_PORT; Ctrl-C stops all four. More
# machines: run `snapdebrief worker` there with SNAPDEBRIEF_BROKER pointing at this Redis.
REDIS_PORT ?= 6380
API_PORT   ?= 8000
WORKERS    ?= 2
serve: system-serve $(RUN_STAMP)
	@BIN=$(BIN) REDIS_PORT=$(REDIS_PORT) API_PORT=$(API_PORT) WORKERS=$(WORKERS) bash scripts/serve.sh

# Re-make the locks from pyproject.toml, keeping every pin that still fits; `make lock-upgrade`
# moves every package to its newest allowed version. uv is only needed here, not to install.
UV_COMPILE = UV_CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/uv pip compile pyproject.toml --python-version 3.11 -q
lock: | $(BIN)/python
	@test -x $(BIN)/uv || $(PIP) uv
	$(UV_COMPILE) $(UV_FLAGS) -o requirements/runtime.txt
	$(UV_COMPILE) $(UV_FLAGS) --extra dev -c requirements/runtime.txt -o requirements/dev.txt

lock-upgrade:
	$(MAKE) lock UV_FLAGS=--upgrade

test: setup pytest guard

pytest: setup samples-few
	$(BIN)/python -m pytest -q

# CI guard: the answers on the text and born-digital PDF forms may not get worse. Floors sit just
# under today's figures (docs/benchmarks.md); raise them as the figures rise.
GUARD_FLOORS ?= kind=0.98,sender=0.96,letter_date=0.98,stage=0.96,deadline_date=0.98,objection_deadline=0.95,amount_due=0.97,iban=0.98,payment_reference=0.98,appointment=0.95
HOLDOUT_FLOORS ?= kind=0.95,sender=0.95,letter_date=0.95,stage=0.9,deadline_date=0.95,objection_deadline=0.95,amount_due=0.95,iban=0.95,payment_reference=0.95
# Ceilings on values given and WRONG (issue #15: a wrong deadline or amount is worse than none).
WRONG_CEILINGS ?= letter_date=0.01,deadline_date=0.02,amount_due=0.01
# The first-look batches (samples/firstlook/, issue #15) guard the text and PDF forms as one set
# once they were scored blind, their misses were read and every floor holds on them (01–36 now); a
# newer batch stays a measurement (its first look and in-sample figures in docs/benchmarks.md) until
# then. Batches 37–40 were added on 2026-12-07 and taken out again the same day: a fresh clone's
# guard found PDF payment_reference at 94.6 % over 01–40 (the generated PDFs of '|'-bar
# two-column letters split label and number), below the 95 % floor.
FIRSTLOOK := $(addprefix samples/firstlook/batch-,01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36)
FIRSTLOOK_FLOORS ?= kind=0.98,letter_date=0.98,deadline_date=0.95,objection_deadline=0.97,amount_due=0.97,iban=0.95,payment_reference=0.95,appointment=0.95
# Batches 37–100 (scored blind, misses read: in-sample since 2026-12-07) are a second set with
# floors at what they give on 2026-12-07, txt and PDF (the lower of the two, rounded down):
# txt / pdf kind 96.9 / 96.8, letter date 99.2 / 99.1, deadline 96.9 / 95.3, objection
# 97.3 / 96.7, amount 98.1 / 97.7, IBAN 98.8 / 98.3, reference 95.7 / 94.4, appointment
# 96.1 / 92.9 (docs/benchmarks.md). Raise a floor when a change lifts it; never lower one.
FIRSTLOOK_MORE := $(addprefix samples/firstlook/batch-,$(shell seq 37 100))
FIRSTLOOK_MORE_FLOORS ?= kind=0.96,letter_date=0.98,deadline_date=0.95,objection_deadline=0.96,amount_due=0.97,iban=0.98,payment_reference=0.94,appointment=0.92
guard: setup samples-pdf samples-firstlook-pdf
	$(BIN)/snapdebrief eval samples --forms txt,pdf --min $(GUARD_FLOORS) --max-wrong $(WRONG_CEILINGS)
	$(BIN)/snapdebrief eval samples/holdout --forms txt --min $(HOLDOUT_FLOORS) --max-wrong $(WRONG_CEILINGS)
	$(BIN)/snapdebrief eval $(FIRSTLOOK) --forms txt,pdf --min $(FIRSTLOOK_FLOORS) --max-wrong $(WRONG_CEILINGS)
	$(BIN)/snapdebrief eval $(FIRSTLOOK_MORE) --forms txt,pdf --min $(FIRSTLOOK_MORE_FLOORS) --max-wrong $(WRONG_CEILINGS)

samples-firstlook-pdf: setup
	@for b in $(FIRSTLOOK) $(FIRSTLOOK_MORE); do $(BIN)/python samples/generate.py --letters $$b --out $$b/generated --forms pdf --jobs 2 || exit 1; done

samples-pdf: setup
	$(BIN)/python samples/generate.py --forms pdf --jobs 2

# The three hard phone photos tests/read/test_photo_ocr.py reads (bent+tilted+sideways,
# shadow+upside down, dim+chat-compressed): ~10 s, so make test never skips them.
FEW_HARD := afspraak-uitnodiging-02-uwv-verzekeringsarts cjib-boete-01-wahv-beschikking-m belasting-aanmaning-01-ib-2024
samples-few: setup
	$(BIN)/python samples/generate.py --forms hard --jobs 2 $(addprefix --only ,$(FEW_HARD))

# Generated sample forms (PDF, scan, photos) from samples/letters; not committed.
samples: setup
	$(BIN)/python samples/generate.py --jobs 2

# The slow forms: OCR of scans, phone photos, hard and rough photos, with bare tesseract beside.
eval: samples
	$(BIN)/python samples/generate.py --forms rough --jobs 2
	$(BIN)/snapdebrief eval samples --forms txt,pdf,scan,photo,hard,rough --bare --json benchmarks/out/eval.json

bench: samples
	$(BIN)/python benchmarks/run.py

# The long fuzz of the whole text path; not in `make test`.
fuzz: setup
	$(BIN)/python tests/fuzz/fuzz_text_path.py --examples 2000

clean:
	rm -rf $(VENV) samples/generated .pytest_cache
