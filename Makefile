# The front door. Each target installs what it needs itself:
#   make serve   build and preview the site at http://127.0.0.1:8000, rebuilt on every save
#   make test    every test, browser tests included
#   make build   the publishable site in site/ (replaced only when the whole build succeeds)
#   make check   check the content only, with readability figures (fast; for editors and pre-commit)
#   make bench   page weight, Lighthouse, build time and scaling against the budgets (slow; not in make test)
#   make canary  how far the site is from building with Zensical (a table; never fails, not in make test)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check test test-fast chromium leaflet-tools node clean bench canary

$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

check: $(BIN)/.installed
	$(BIN)/python -m walkthrough check

build: $(BIN)/.installed chromium
	$(BIN)/python -m walkthrough build

serve: $(BIN)/.installed
	$(BIN)/python -m walkthrough compile
	$(BIN)/properdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# A Chromium for the browser tests: the system's if there is one, else Debian's package (as root),
# else Playwright's own download (which needs access to Playwright's servers).
chromium: $(BIN)/.installed
	@$(BIN)/python tests/browser/find_chromium.py >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)); \
	  else $(BIN)/playwright install chromium; fi; }
	@$(BIN)/python tests/browser/find_chromium.py

# Lighthouse for make bench, pinned in bench/package-lock.json (Node 18.16 or later: Debian's nodejs will do).
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get install -y -qq nodejs npm >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nodejs npm)); }
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(BIN)/.installed chromium bench/node_modules/.installed
	CHROME_PATH=$$($(BIN)/python tests/browser/find_chromium.py) $(BIN)/python bench/bench.py

# Zensical in its own .venv-canary/, a build in a scratch folder, and a short browser check (bench/canary.py).
canary: $(BIN)/.installed chromium
	$(BIN)/python bench/canary.py

# pdftoppm and zbarimg, for the leaflet tests that read each printed QR code back (tests/leaflet/).
leaflet-tools:
	@command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq poppler-utils zbar-tools >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq poppler-utils zbar-tools)); \
	  else echo "The leaflet tests need pdftoppm and zbarimg: install poppler-utils and zbar-tools" >&2; exit 1; fi; }

# Node, for the tests that run the search-answers ranking (tests/unit/test_search_answers.py).
node:
	@command -v node >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq nodejs >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq nodejs)); \
	  else echo "The search tests need Node: install nodejs" >&2; exit 1; fi; }

test: $(BIN)/.installed chromium leaflet-tools node
	$(BIN)/python -m pytest

test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not browser"

clean:
	rm -rf site .site-building-* .site-old-* .leaflet-cache .cache .canary .zensical-build.yml docs/stages docs/rights docs/support-services docs/glossary docs/content-reference docs/whats-changed docs/search-answers
