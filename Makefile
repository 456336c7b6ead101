# Two commands for everything:
#   make lab   set up .venv (first time only) and open the lessons in JupyterLab
#   make test  set up .venv with the test tools (first time only) and run the whole suite
# Re-running either is quick: pip runs again only when pyproject.toml has changed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP_FLAGS ?= --disable-pip-version-check --quiet
PORT ?= 8888
PYTEST_ARGS ?=
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test setup setup-test release release-check golden lint bench clean help

help:
	@echo "make lab      set up and open the lessons in JupyterLab"
	@echo "make test     set up and run the whole test suite"
	@echo "make release  regenerate exercises/ from solutions/"
	@echo "make golden   regenerate the release test's expected files (tests/files/grading/golden)"
	@echo "make bench    run the benchmarks in bench/"
	@echo "make clean    remove .venv and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) --upgrade pip

$(VENV)/.installed-lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install $(PIP_FLAGS) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install $(PIP_FLAGS) -e '.[test]'
	@touch $@ $(VENV)/.installed-lab

setup: $(VENV)/.installed-lab

setup-test: $(VENV)/.installed-test

# JupyterLab's own settings for this environment: no "get notified about Jupyter news?" pop-up
# and no update check (classrooms may be offline). JupyterLab reads overrides.json from here.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): | $(BIN)/python
	@mkdir -p $(dir $@)
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification":' \
		' {"fetchNews": "false", "checkForUpdates": false}}' > $@

setup setup-test: $(LAB_OVERRIDES)

lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks \
		--LabApp.news_url=None --ServerApp.port=$(PORT) $(ALLOW_ROOT)

test: setup-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

release: setup
	$(BIN)/python -m kit release

release-check: setup
	$(BIN)/python -m kit release --check

# The expected output of `kit release` for the fixture sources, compared byte for byte by
# tests/test_release.py. Run after an intended change to the release format, then review the diff.
GOLDEN_SOURCE := tests/files/grading/source
golden: setup
	$(BIN)/python -m kit release --source $(GOLDEN_SOURCE) --dest tests/files/grading/golden

lint: setup-test
	$(BIN)/ruff check kit tests bench

bench: setup-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
