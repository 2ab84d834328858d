# One command serves the course, one runs the tests; both set up what is missing first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: zensical zensical-setup publish serve serve-instructor test check build build-instructor setup clean worksheets offline bench links linkcheck bench-sizes mutation
.DEFAULT_GOAL := serve

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

# The npm packages: test tools, and the search shim the offline copy ships (package-lock.json pins them).
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: $(READY) node_modules/.package-lock.json

serve: setup  ## Serve the course at http://127.0.0.1:8000 (rebuilds on save)
	$(PY) -m mkdocs serve

serve-instructor: setup  ## Serve the instructor edition at http://127.0.0.1:8001
	$(PY) -m mkdocs serve -f mkdocs.instructor.yml -a 127.0.0.1:8001

check: setup  ## Check every lesson and quiz bank; lists every problem as file:line
	$(PY) -m macros.check

# A build writes into <folder>.partial/ and becomes <folder>/ only when it succeeds: after a failed build there
# is no <folder>/ at all, neither a half-written one nor an older one that no longer matches the sources.
define build_into
	rm -rf $(1) $(1).partial
	$(PY) -m mkdocs build --strict -f $(2) -d $(1).partial || { rm -rf $(1).partial; exit 1; }
	mv $(1).partial $(1)
endef

build: setup  ## Build the learner edition into site/ (a failed build leaves no site/)
	$(call build_into,site,mkdocs.yml)

build-instructor: setup  ## Build the instructor edition into site-instructor/ (a failed build leaves none)
	$(call build_into,site-instructor,mkdocs.instructor.yml)

worksheets: build build-instructor  ## Print the worksheets to worksheets-learner.pdf and worksheets-instructor.pdf (Chromium)
	$(PY) -m macros.pdf site site-instructor

# In CI (CI=true) the Zensical build is tested as well (tests/test_zensical.py), so its environment comes first.
test: setup $(if $(filter true,$(CI)),zensical-setup)  ## Run every test
	$(PY) -m pytest

offline: setup  ## Build only the offline copy: site/downloads/networking-course-offline.zip (`make build` makes it too)
	$(PY) -m macros.offline

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

bench: setup bench/node_modules/.package-lock.json  ## Measure build times, scaling, quiz overhead, page weight, Lighthouse; writes bench/report.md
	$(PY) bench/run.py

bench-sizes: setup  ## Gzipped size of each bundle of the course's own files against its budget
	$(PY) bench/sizes.py

links: setup  ## List every external link with its pages and its state in links.yml; fails on a link missing there or an entry no page uses
	$(PY) bench/links.py

linkcheck: setup  ## Ask every external link whether it still answers and record the answers in links.yml (needs a network)
	$(PY) bench/links.py --check

$(VENV)/.mutation-ready: requirements-mutation.txt $(READY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

mutation/node_modules/.package-lock.json: mutation/package-lock.json
	npm ci --prefix mutation --no-audit --no-fund --loglevel=error

# Slow (hours on two cores) and not part of CI; niced, as it takes both cores. mutmut's settings are in setup.cfg,
# Stryker's in mutation/ (run once a module, with the tests that load it).
# The fuzz tests run one example each here: they look for crashes, which the exact tests catch in a mutant too.
mutation: setup $(VENV)/.mutation-ready mutation/node_modules/.package-lock.json  ## Mutation testing of the core (mutmut) and the browser modules (Stryker); writes bench/mutation.md
	rm -rf mutants
	FUZZ_EXAMPLES=1 nice -n 10 $(VENV)/bin/mutmut run --max-children 2
	for module in $(notdir $(basename $(wildcard docs/assets/lib/*.js))); do \
	  MODULE=$$module nice -n 10 mutation/node_modules/.bin/stryker run mutation/stryker.config.mjs || exit 1; done
	$(PY) mutation/report.py

clean:
	rm -rf site site.partial site-* public worksheets-*.pdf .pytest_cache mutants zensical.yml zensical.offline.yml zensical/overrides .cache

publish: setup  ## Both editions in public/ for any static host: COURSE_URL=https://you.github.io/course/ make publish
	$(PY) -m macros.publish public

# The learner edition built with Zensical, Material's successor, from the same sources (README: "Maintenance: the
# engine"). Zensical and what the macros need live in zensical/.venv, pinned by zensical/requirements.txt.
ZENSICAL_VENV ?= zensical/.venv
ZPY := $(ZENSICAL_VENV)/bin/python
ZENSICAL_SITE ?= site-zensical

$(ZENSICAL_VENV)/.ready: zensical/requirements.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZPY) -m pip install --quiet --disable-pip-version-check -r zensical/requirements.txt
	touch $(ZENSICAL_VENV)/.ready

zensical-setup: $(ZENSICAL_VENV)/.ready  ## Create zensical/.venv with the pinned Zensical

zensical: zensical-setup  ## Build the learner edition with Zensical into site-zensical/ (a failed build leaves none)
	rm -rf $(ZENSICAL_SITE) $(ZENSICAL_SITE).partial
	@# Writes zensical.yml from mkdocs.yml, then runs `zensical build --clean -f zensical.yml` with PYTHONPATH=.
	$(ZPY) -m macros.buildconfig --site-dir $(ZENSICAL_SITE).partial --build || { rm -rf $(ZENSICAL_SITE).partial; exit 1; }
	$(ZPY) -m macros.postbuild $(ZENSICAL_SITE).partial --engine zensical || { rm -rf $(ZENSICAL_SITE).partial; exit 1; }
	mv $(ZENSICAL_SITE).partial $(ZENSICAL_SITE)
