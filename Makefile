# Notecast: one entry point for setting up, building, testing and demoing.
#
#   make demo    JupyterLab with Notecast on http://127.0.0.1:$(PORT), serving tutorials/
#   make test    everything CI checks: layers, unit tests, tutorials, the docs site, the dist check, browser and a11y tests
#   make docs    the documentation site in build/docs/ (make docs-serve serves it on 127.0.0.1)
#   make dist    the wheel and sdist in dist/, checked in a fresh venv with JupyterLab and Notebook 7
#
# Works from a fresh clone on Debian 12 with Node.js 20 / npm 11 and Python 3.11: `setup`
# installs what is missing (npm packages, a Python venv, Debian's Chromium), and only that,
# so a second run is quick. Downloads come only from the npm registry, PyPI and Debian.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

# ---- Knobs (override on the command line: `make demo PORT=9999`) ----------------------------

PYTHON ?= python3
VENV ?= .venv
# JupyterLab with jupyter-collaboration, for the tests of what needs it (requirements-rtc.txt).
RTC_VENV ?= .venv-rtc
# Debian's Chromium; Playwright's own browser builds cannot be downloaded here.
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8888
# A fresh token per `make demo` unless you pin one (`:=`, so the URL printed is the one served).
ifndef TOKEN
TOKEN := $(shell od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
endif
# What `make demo` serves, and the tutorial it opens in the player (a path below DEMO_ROOT).
DEMO_ROOT ?= tutorials
DEMO_TUTORIAL ?= 01-python-basics.md
# What `make lite` puts in the JupyterLite site's file browser, and where `make lite-serve` serves it.
LITE_CONTENTS ?= tutorials
LITE_PORT ?= 8000
# The documentation site: where `make docs` writes it, and where `make docs-serve` serves it.
DOCS_OUT ?= build/docs
DOCS_PORT ?= 8010
SPHINX_BUILD ?= $(VENV)/bin/sphinx-build

# Every test file first loads test/setup/console.ts: the one known Yjs warning is dropped, any other
# console warning or error fails its file.
NODE_TEST ?= node --test --test-reporter=spec --import ./lib/test/setup/console.js
UNIT_TESTS ?= lib/test/unit/
TUTORIALS ?= tutorials/*.md
# The model answers to the tutorials' exercises, run at their pauses by `notecast test`.
TUTORIAL_ANSWERS ?= test/fixtures/tutorial-answers.json
# Shell globs over compiled tests; each file starts its own JupyterLab, so they run one at a time.
E2E_TESTS ?= lib/test/e2e/*.test.js
# The web player's browser tests: a static page, no Jupyter (build/web from `make web`).
WEB_TESTS ?= lib/test/web/*.test.js
A11Y_TESTS ?= lib/test/a11y/*.test.js
# How many browser test files (each with its own servers, folders and Chromium, on free ports) run
# at once in `make test`. They spend most of their time waiting (a tutorial plays in real time, a
# kernel starts): on 2 cores, 4 files at once use about 1.5 of them.
BROWSER_CONCURRENCY ?= 4
# Unit test files at once (node's default is one fewer than the cores: one, here).
UNIT_CONCURRENCY ?= 2

# ---- Derived ----------------------------------------------------------------------------------

VENV_DIR := $(abspath $(VENV))
# npm scripts (`build:labextension`) need the venv's `jupyter-builder` on PATH.
export PATH := $(VENV_DIR)/bin:$(PATH)
# Read by test/e2e/browser.ts.
export NOTECAST_CHROMIUM := $(CHROMIUM)
export NOTECAST_JUPYTER := $(VENV_DIR)/bin/jupyter
export NOTECAST_RTC_JUPYTER := $(abspath $(RTC_VENV))/bin/jupyter
# Root has no sudo on the machines we target; everyone else needs it for apt-get.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

NPM_STAMP := node_modules/.notecast-npm-ci
VENV_STAMP := $(VENV)/.notecast-requirements
RTC_VENV_STAMP := $(RTC_VENV)/.notecast-requirements
# JupyterLab reads default settings here; news off so no toast covers the player in the demo.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
LABEXT_NAME := jupyterlab-notecast
LABEXT_OUT := jupyterlab_notecast/labextension
DIST_DIR := dist

.PHONY: help setup rtc-venv python-constraints chromium build build-lib build-labextension install-labextension \
	dist test test-browser lint check-layers test-unit check-tutorials test-tutorials test-e2e test-web web a11y bench demo lite lite-serve docs docs-serve test-docs translations clean distclean FORCE

help:
	@echo "make setup       install npm packages, the Python venvs ($(VENV), and $(RTC_VENV) with collaboration) and Chromium if missing"
	@echo "make build       compile TypeScript, build the labextension, pip-install it into $(VENV), build the web player"
	@echo "make web         the web player <notecast-player> into build/web/ (ES modules, stylesheet, catalogs)"
	@echo "make dist        build the wheel and sdist into $(DIST_DIR)/ and check them in a fresh venv (JupyterLab, Notebook 7)"
	@echo "make test        lint check-layers test-unit check-tutorials test-tutorials test-docs dist test-browser (test-e2e, test-web and a11y, two files at a time)"
	@echo "make test-tutorials  run every tutorial in a real kernel and compare each :::run's expected output"
	@echo "make lint        ESLint, Prettier (check only) and Stylelint; \`npm run format\` fixes what it can"
	@echo "make demo        JupyterLab with Notecast on http://$(HOST):$(PORT)/lab serving $(DEMO_ROOT)/"
	@echo "make lite        a static JupyterLite site in $(LITE_DIR)/: Notecast, $(LITE_CONTENTS)/, a self-hosted Pyodide kernel"
	@echo "make lite-serve  serve $(LITE_DIR)/ on http://$(HOST):$(LITE_PORT)/lab/index.html?notecast=$(DEMO_TUTORIAL)"
	@echo "make docs        the documentation site (Sphinx, offline) into $(DOCS_OUT)/, warnings as errors"
	@echo "make docs-serve  serve $(DOCS_OUT)/ on http://$(HOST):$(DOCS_PORT)/"
	@echo "make bench       run the benchmarks"
	@echo "make translations  extract the strings of src/ and schema/, update each language's .po, compile"
	@echo "make clean       remove build output (distclean also removes node_modules and $(VENV))"
	@echo "make python-constraints   re-pin constraints-dev.txt / constraints-rtc.txt after editing requirements-*.txt"

# ---- setup ------------------------------------------------------------------------------------

setup: $(NPM_STAMP) $(VENV_STAMP) $(RTC_VENV_STAMP) $(LAB_OVERRIDES) chromium

# `npm ci` only when node_modules is missing or older than the lockfile.
$(NPM_STAMP): package-lock.json package.json
	@echo "==> npm ci"
	npm ci --no-audit --no-fund
	@touch $@

# $(call make-venv,DIR,REQUIREMENTS,CONSTRAINTS): a venv in DIR with REQUIREMENTS at the versions
# CONSTRAINTS pins (Debian's own python3 has no venv module until python3-venv is installed).
# The venv sits inside a "type": "module" package, which makes Node read JupyterLab's own
# CommonJS helpers (node-version-check.js, ...) as ES modules and fail; a package.json stops that.
define make-venv
	@echo "==> Python venv $(1) from $(2)"
	@if [ ! -x $(1)/bin/python ] && ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
		echo "==> apt-get install python3-venv"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv; \
	fi
	@[ -x $(1)/bin/python ] || $(PYTHON) -m venv $(1)
	@echo '{"type": "commonjs"}' > $(1)/package.json
	$(1)/bin/python -m pip install --quiet --disable-pip-version-check -r $(2) -c $(3)
	@touch $@
endef

$(VENV_STAMP): requirements-dev.txt constraints-dev.txt
	$(call make-venv,$(VENV),requirements-dev.txt,constraints-dev.txt)

# JupyterLab with jupyter-collaboration, in a venv of its own: installed beside everything else,
# collaboration would change the notebook model every other test plays into.
$(RTC_VENV_STAMP): requirements-rtc.txt constraints-rtc.txt
	$(call make-venv,$(RTC_VENV),requirements-rtc.txt,constraints-rtc.txt)

rtc-venv: $(RTC_VENV_STAMP)

# After changing requirements-dev.txt or requirements-rtc.txt: resolve each afresh in a scratch
# venv and pin the result.
python-constraints:
	@for set in dev rtc; do \
		echo "==> resolving requirements-$$set.txt into constraints-$$set.txt"; \
		scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
		$(PYTHON) -m venv "$$scratch" && \
		"$$scratch/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-$$set.txt && \
		{ echo "# Every Python package of the $$set venv at an exact version, so CI installs what was tested."; \
		  echo "# Generated by \`make python-constraints\` from requirements-$$set.txt; do not edit by hand."; \
		  "$$scratch/bin/python" -m pip freeze; } > "$$scratch/constraints.txt" && \
		mv "$$scratch/constraints.txt" constraints-$$set.txt && rm -rf "$$scratch" || exit 1; \
	done

$(LAB_OVERRIDES): $(VENV_STAMP)
	@mkdir -p $(dir $@)
	@echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $@

# Installs Debian's chromium only when none is there, so this also works where one is present.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; else \
		echo "==> apt-get install chromium"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

# ---- build ------------------------------------------------------------------------------------

build: build-lib web build-labextension install-labextension

# tsc -b is incremental, so it always runs and decides itself what is stale.
build-lib: $(NPM_STAMP)
	@echo "==> tsc -b"
	npm run --silent build:lib

# The web player: esbuild bundles src/web into build/web/ (scripts/build-web.mjs; README "Web player").
web: build-lib
	@echo "==> web player into build/web/"
	npm run --silent build:web

build-labextension: build-lib $(VENV_STAMP)
	@echo "==> jupyter-builder build (labextension into $(LABEXT_OUT))"
	npm run --silent build:labextension

# The real install path, as users get it: the wheel puts the built extension in
# <venv>/share/jupyter/labextensions/$(LABEXT_NAME), where JupyterLab finds it. No build
# isolation: the build backend comes pinned from requirements-dev.txt, and pyproject's
# jupyter-builder hook skips npm because the extension is already built. The same wheel goes
# into $(RTC_VENV) too, for the classroom's tests with jupyter-collaboration.
WHEEL_DIR := build/wheel
install-labextension: build-labextension web $(RTC_VENV_STAMP)
	@echo "==> pip install the extension's wheel into $(VENV) and $(RTC_VENV)"
	rm -rf $(WHEEL_DIR)
	$(VENV)/bin/python -m pip wheel --quiet --disable-pip-version-check --no-build-isolation --no-deps -w $(WHEEL_DIR) .
	@for venv in $(VENV) $(RTC_VENV); do \
		$$venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall $(WHEEL_DIR)/*.whl || exit 1; \
		cmp -s $(LABEXT_OUT)/package.json $$venv/share/jupyter/labextensions/$(LABEXT_NAME)/package.json || \
			{ echo "pip did not install the new build into $$venv/share/jupyter/labextensions/$(LABEXT_NAME)" >&2; exit 1; }; \
	done

# ---- dist -------------------------------------------------------------------------------------

# What a release uploads: the wheel, and the sdist, which carries the built labextension so that
# building from it needs no Node.js. hatchling (pinned in the venv) builds both from the
# labextension just built, then scripts/check-dist.py installs the wheel the way users do, in a
# fresh venv it removes afterwards (about 40 s with pip's cache warm), again with the newest
# JupyterLab 4 and Notebook 7 on PyPI (the player opened there in Chromium), and builds the sdist.
dist: build-labextension web chromium
	@echo "==> wheel and sdist into $(DIST_DIR)/"
	rm -rf $(DIST_DIR)
	$(VENV)/bin/hatchling build -t wheel -t sdist -d $(DIST_DIR)
	$(VENV)/bin/python scripts/check-dist.py --dist $(DIST_DIR) --labextension $(LABEXT_OUT) \
		--constraints constraints-dev.txt --base-python $(PYTHON) --chromium $(CHROMIUM)

# ---- test -------------------------------------------------------------------------------------

test: setup build lint check-layers test-unit check-tutorials test-tutorials test-docs dist test-browser

# Check only: a finding fails the build. `npm run format` rewrites the files.
lint: $(NPM_STAMP)
	@echo "==> lint (eslint, prettier --check, stylelint)"
	npm run --silent lint

check-layers: build-lib
	@echo "==> layer check"
	npm run --silent check:layers

test-unit: build-lib $(VENV_STAMP)
	@echo "==> unit tests"
	$(NODE_TEST) --test-concurrency=$(UNIT_CONCURRENCY) $(UNIT_TESTS)
	@echo "==> unit tests of the Python package (test/python)"
	$(VENV)/bin/python -m unittest discover --start-directory test/python

check-tutorials: build-lib
	@echo "==> notecast check $(TUTORIALS)"
	node bin/notecast.js check $(TUTORIALS)

# Every tutorial played headless with its cells run in a real ipykernel (a Jupyter server of the
# venv's, started and stopped by the command), each :::run's expected output compared.
test-tutorials: build-lib $(VENV_STAMP)
	@echo "==> notecast test $(TUTORIALS)"
	node bin/notecast.js test --jupyter $(NOTECAST_JUPYTER) --answers $(TUTORIAL_ANSWERS) $(TUTORIALS)

test-e2e: setup build lite
	@echo "==> browser end-to-end tests"
	$(NODE_TEST) --test-concurrency=1 $(E2E_TESTS)

# The accessibility, end-to-end and web player files together, BROWSER_CONCURRENCY at a time:
# what `make test` runs (the accessibility files first: the longest, the documentation site's scan,
# is among them, and a long file started last would keep the run waiting alone).
test-browser: setup build lite docs
	@echo "==> browser end-to-end, web player and accessibility tests, $(BROWSER_CONCURRENCY) files at a time"
	$(NODE_TEST) --test-concurrency=$(BROWSER_CONCURRENCY) $(A11Y_TESTS) $(E2E_TESTS) $(WEB_TESTS)

# The web player in Chromium on a static page (no Jupyter server): a browser and a server per file.
test-web: setup build
	@echo "==> web player browser tests"
	$(NODE_TEST) --test-concurrency=1 $(WEB_TESTS)

# Accessibility tests live in test/a11y/ (docs/explanation/accessibility.md); until the first one is written there is
# nothing to run, and this says so rather than passing silently.
a11y: setup build docs
	@shopt -s nullglob; files=($(A11Y_TESTS)); \
	if [ $${#files[@]} -eq 0 ]; then \
		echo "==> a11y: no tests match $(A11Y_TESTS) yet, nothing run"; \
	else \
		echo "==> accessibility tests"; \
		$(NODE_TEST) --test-concurrency=1 "$${files[@]}"; \
	fi

# The JupyterLab part of the benchmarks measures the installed extension in Chromium.
bench: setup build
	@echo "==> benchmarks"
	npm run --silent bench

# ---- JupyterLite -------------------------------------------------------------------------------

# A static site (README "JupyterLite"): jupyterlite-core builds it from lite/jupyter_lite_config.json
# with the labextensions installed in $(VENV) (Notecast's, from `make build`, and the Pyodide
# kernel's); lite/jupyter-lite.json configures the kernel. Pyodide itself is assembled by
# scripts/lite-pyodide.py from npm's `pyodide` and PyPI wheels pinned in lite/pyodide-wheels.txt,
# so the site loads nothing from a CDN. jupyterlite keeps its task database in the working
# directory, hence the build runs in build/.
LITE_DIR := build/lite
LITE_PYODIDE := build/lite-pyodide/pyodide
LITE_INDEX := $(LITE_DIR)/jupyter-lite.json
# The labextensions the site takes from the venv, by content: `make build` rewrites their files
# each time, and the site is rebuilt only when what they hold changed.
LITE_EXTENSIONS_SUM := build/lite-extensions.sha256

lite: setup build $(LITE_INDEX)

$(LITE_PYODIDE)/pyodide/pyodide-lock.json: scripts/lite-pyodide.py lite/pyodide-wheels.txt node_modules/pyodide/package.json | $(VENV_STAMP)
	@echo "==> self-hosted Pyodide: npm's runtime + PyPI wheels of lite/pyodide-wheels.txt"
	$(VENV)/bin/python scripts/lite-pyodide.py --npm node_modules/pyodide --wheels lite/pyodide-wheels.txt \
		--download build/lite-wheels --out $(LITE_PYODIDE)

$(LITE_EXTENSIONS_SUM): FORCE | build
	@mkdir -p $(dir $@)
	@cd $(VENV)/share/jupyter/labextensions && find . -type f | LC_ALL=C sort | xargs -d '\n' sha256sum > $(abspath $@).new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

# Built afresh (a few seconds), so a tutorial removed from $(LITE_CONTENTS) is gone from the site;
# jupyterlite's task database goes too, or it would skip patching the new jupyter-lite.json.
$(LITE_INDEX): $(LITE_EXTENSIONS_SUM) $(LITE_PYODIDE)/pyodide/pyodide-lock.json $(wildcard lite/*.json) \
		$(shell find $(LITE_CONTENTS) -type f 2>/dev/null) | build
	@echo "==> JupyterLite site in $(LITE_DIR) with $(LITE_CONTENTS)/"
	rm -rf $(LITE_DIR) build/lite-cache build/.jupyterlite.doit.db
	cd build && $(VENV_DIR)/bin/jupyter lite build --lite-dir $(abspath lite) --contents $(abspath $(LITE_CONTENTS))
	@test -f $@ || { echo "jupyter lite build wrote no $@" >&2; exit 1; }
	@touch $@

# Static files and nothing else: any static host serves the site the same way.
lite-serve: lite
	@echo "==> $(LITE_DIR) on http://$(HOST):$(LITE_PORT)/lab/index.html?notecast=$(DEMO_TUTORIAL)"
	$(VENV)/bin/python scripts/lite-serve.py $(LITE_DIR) --host $(HOST) --port $(LITE_PORT)

FORCE:

# ---- documentation ----------------------------------------------------------------------------

# Sphinx runs on a copy of docs/ in $(DOCS_SRC), into which the parts generated from the code are
# written first: the architecture page's module table from scripts/layers.mjs (the rules the layer
# check enforces) and the API reference by TypeDoc from the TSDoc comments. None of it is committed.
# tutorials/ is copied beside it: the tutorial pages embed those tutorials with the notecast directive.
# -W --keep-going: every warning (a broken link or heading anchor, a page missing from the
# navigation) fails the build, after all of them are listed. Nothing is fetched while building.
DOCS_SRC := build/docs-src/docs
docs: build-lib web $(VENV_STAMP)
	@echo "==> documentation site into $(DOCS_OUT)/"
	@test -x $(SPHINX_BUILD) || { echo "$(SPHINX_BUILD) is missing: run make setup (or pass SPHINX_BUILD=...)" >&2; exit 1; }
	rm -rf $(dir $(DOCS_SRC)) $(DOCS_OUT) build/docs-doctrees && mkdir -p $(DOCS_SRC) && cp -r docs/. $(DOCS_SRC)/ && cp CHANGELOG.md $(DOCS_SRC)/.. && cp -r tutorials $(DOCS_SRC)/..
	node scripts/docs-layers.mjs $(DOCS_SRC)/_generated/layers.md
	node_modules/.bin/typedoc --logLevel Warn --options docs/typedoc.json --out $(DOCS_SRC)/api
	cp docs/_templates/api-index.md $(DOCS_SRC)/api/index.md
	$(SPHINX_BUILD) -W --keep-going -q -b html -d build/docs-doctrees $(DOCS_SRC) $(DOCS_OUT)

# Static files: any static host serves the site the same way.
docs-serve: docs
	@echo "==> $(DOCS_OUT) on http://$(HOST):$(DOCS_PORT)/"
	$(VENV)/bin/python -m http.server --bind $(HOST) --directory $(DOCS_OUT) $(DOCS_PORT)

# The site builds without a warning, and its code blocks and cited files are checked by
# test/unit/docs/ (part of test-unit); the pages' axe scan runs with the browser tests.
test-docs: docs

# ---- translations -----------------------------------------------------------------------------

# The translation domain (`translator.load('notecast')`, the schema's `jupyter.lab.internationalization`,
# the `jupyterlab.locale` entry point) and the languages we ship a catalog for (README, "Translation").
I18N_DOMAIN := notecast
LANGUAGES ?= fr_FR
# jupyterlab-translate scans the TypeScript with npm's gettext-extract (fetched on first use by npm exec).
GETTEXT_EXTRACT := gettext-extract@2.0.1

# extract -> update each language's .po (new strings added, translations kept) -> compile to the
# .json JupyterLab loads (and .mo). jupyterlab-translate writes to `<repo>/<domain>/locale`, so a
# link named after the domain points it at the Python package's locale folder while it runs.
translations: $(VENV_STAMP) $(NPM_STAMP)
	@echo "==> translations: extract, update $(LANGUAGES), compile"
	@trap 'rm -f $(I18N_DOMAIN)' EXIT; ln -sfn jupyterlab_notecast $(I18N_DOMAIN); \
	npm exec --yes --package=$(GETTEXT_EXTRACT) -- \
		$(VENV)/bin/jupyterlab-translate update . $(I18N_DOMAIN) $(foreach l,$(LANGUAGES),-l $(l)) && \
	$(VENV)/bin/jupyterlab-translate compile . $(I18N_DOMAIN) $(foreach l,$(LANGUAGES),-l $(l))

# ---- demo -------------------------------------------------------------------------------------

# `?notecast=<path>` makes the extension open that tutorial in the player once Lab has started
# (ready to play: nothing plays until Play). Open the URL printed below. Lab serves a copy of
# $(DEMO_ROOT)/ in $(DEMO_DIR), so the notebooks the player writes next to the tutorials (and
# Jupyter's checkpoints) stay out of the repository; newer tutorials replace older copies.
DEMO_DIR := $(VENV_DIR)/notecast-demo
demo: setup build
	@mkdir -p $(DEMO_DIR) && cp -u $(DEMO_ROOT)/*.md $(DEMO_DIR)/
	@echo "==> JupyterLab serving a copy of $(DEMO_ROOT)/ ($(DEMO_DIR)) with $(DEMO_TUTORIAL) in the tutorial player"
	@echo "    open http://$(HOST):$(PORT)/lab?notecast=$(DEMO_TUTORIAL)&token=$(TOKEN)  (Ctrl+C twice stops it)"
	$(VENV)/bin/jupyter lab --no-browser \
		--ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) --ServerApp.port_retries=0 \
		--ServerApp.root_dir=$(DEMO_DIR) --ServerApp.allow_root=True \
		--IdentityProvider.token=$(TOKEN) --LabApp.news_url=None

# ---- clean ------------------------------------------------------------------------------------

clean:
	rm -rf build lib $(LABEXT_OUT) jupyterlab_notecast/_version.py $(DIST_DIR) test-results *.egg-info

distclean: clean
	rm -rf node_modules $(VENV) $(RTC_VENV)
