# vimod developer commands. `make serve` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
# torch first and pinned: an unpinned torch would pull a multi-GB CUDA build.
TORCH  ?= torch==2.13.0
# every installed package pinned (see `make lock`): the same versions on every machine
CONSTRAINTS := constraints.txt
PYTEST_ARGS ?=

.PHONY: install lock serve test lint format bench bench-phobert openapi clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) "$(TORCH)"
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e ".[phobert,ray,dev]"
	touch $@

# Re-pin from the venv: upgrade a package there first (`.venv/bin/pip install -U NAME`), then
# `make lock` and commit constraints.txt. torch keeps $(TORCH): a pin with the build's local
# label (+cpu) would refuse the same release built for another platform.
lock: install
	{ echo "# Pins for pip install -c: regenerate with make lock (never edit by hand)."; \
	  $(BIN)/pip freeze --exclude vimod --exclude-editable | sed 's/^torch==.*/$(TORCH)/'; \
	} > $(CONSTRAINTS).tmp
	mv $(CONSTRAINTS).tmp $(CONSTRAINTS)
	touch $(VENV)/.installed  # the venv is what the new pins describe

serve: install  ## run the API on 127.0.0.1:8000 (SQLite + the default model, built on first run)
	$(BIN)/vimod serve

test: install  ## the whole suite (real-data and PostgreSQL tests skip when those are absent)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install  ## HTTP vs in-process throughput of the baseline
	$(BIN)/python bench/bench_http.py

bench-phobert: install
	$(BIN)/python bench/bench_phobert.py

openapi: install  ## regenerate docs/openapi.json after an API change
	$(BIN)/python scripts/export_openapi.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
