# Two commands: `make serve` and `make test`. Everything else is a step they run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install check generate build build-zensical serve test lint chromium schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[site,test]"
	rm -f $(VENV)/.installed-* && touch $@

SHIM := build/vendor/iframe-worker/shim/index.js

install: $(STAMP) $(SHIM)

# Site search when the built site is opened from disk needs iframe-worker's shim (npm registry).
$(SHIM):
	@mkdir -p build/vendor/iframe-worker
	@if command -v npm >/dev/null 2>&1; then \
	  cd build/vendor && npm pack --silent iframe-worker@1.0.4 >/dev/null && \
	  tar -xzf iframe-worker-1.0.4.tgz -C iframe-worker --strip-components=1 && rm iframe-worker-1.0.4.tgz; \
	else \
	  echo "npm not found: the site will build, but search will not work when it is opened from disk."; \
	fi

check: install
	$(BIN)/peerpath check

generate: install
	$(BIN)/peerpath generate

build: check
	$(BIN)/peerpath build

build-zensical: check
	$(BIN)/peerpath build --engine zensical

serve: check
	$(BIN)/peerpath serve --address 127.0.0.1:8000

schema: install
	$(BIN)/peerpath schema

# Browser tests drive the system Chromium (Playwright cannot download browsers here).
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "$$PEERPATH_CHROMIUM" ]; then \
	  true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (or set PEERPATH_CHROMIUM=/path/to/chrome)."; \
	  exit 1; \
	fi

lint: install
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests

test: install chromium lint
	$(BIN)/peerpath check
	$(BIN)/python -m pytest

clean:
	rm -rf build/docs build/site-* build/*.yml site schemas
