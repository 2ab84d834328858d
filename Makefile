# One command serves the course, one runs the tests; both set up what is missing first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build build-instructor setup clean
.DEFAULT_GOAL := serve

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

setup: $(READY)

serve: setup  ## Serve the course at http://127.0.0.1:8000 (rebuilds on save)
	$(PY) -m mkdocs serve

check: setup  ## Check every lesson and quiz bank; lists every problem as file:line
	$(PY) -m macros.check

build: setup  ## Build the learner edition into site/
	$(PY) -m mkdocs build --strict --quiet

test: setup  ## Run every test
	$(PY) -m pytest

clean:
	rm -rf site site-* .pytest_cache
