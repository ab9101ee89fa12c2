# Two commands: `make serve` and `make test`. Everything else is a step they run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: lock bench screenshots install check generate build build-zensical serve test lint system-deps schema clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exact versions from the lock, so a fresh machine gets what CI tested.
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c $(LOCK) pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e ".[site,test]"
	rm -f $(VENV)/.installed-* && touch $@

# Upgrade on purpose: the newest versions pyproject.toml allows, in a throwaway venv, written to the lock.
# Then run `make test` and commit requirements.lock with what changed.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e ".[site,test]"
	head -2 $(LOCK) > $(LOCK).new
	.venv-lock/bin/python -m pip freeze --all --exclude-editable | grep -v -E '^(setuptools|wheel)==' >> $(LOCK).new
	mv $(LOCK).new $(LOCK) && rm -rf .venv-lock

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

# `make serve ENGINE=zensical` serves with Zensical; PeerPath's own watcher regenerates on every save.
ENGINE ?= mkdocs
serve: check
	$(BIN)/peerpath serve --engine $(ENGINE) --address 127.0.0.1:8000

schema: install
	$(BIN)/peerpath schema

# Every string PeerPath shows, gathered from the Python, the templates and the browser scripts
# (tools/peerpath/i18n/babel.cfg) into build/peerpath.pot, then each language's catalog brought in step:
# new strings arrive with an empty msgstr to translate, unused ones are dropped. README: "Translating".
messages: install
	$(BIN)/python -m peerpath.i18n.catalog

# What the tests need from the system: Chromium for browser tests (Playwright cannot download
# browsers here), Node.js for the third-party export readers in tests/js, DejaVu fonts for PDFs.
# Installed with apt when missing and the user is root; otherwise we say what to install.
APT_NEEDS = $(strip \
  $(if $(shell command -v chromium || command -v chromium-browser || echo "$$PEERPATH_CHROMIUM"),,chromium) \
  $(if $(shell command -v node),,nodejs) \
  $(if $(shell command -v npm),,npm) \
  $(if $(wildcard /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)$(PEERPATH_FONT_DIR),,fonts-dejavu-core))

system-deps:
	@if [ -n "$(APT_NEEDS)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian packages: $(APT_NEEDS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_NEEDS) >/dev/null; \
	  else \
	    echo "Please install these Debian packages first: sudo apt-get install $(APT_NEEDS)"; exit 1; \
	  fi; \
	fi

JS_TOOLS := tests/js/node_modules/.package-lock.json

$(JS_TOOLS): tests/js/package-lock.json | system-deps
	npm ci --prefix tests/js --no-audit --no-fund --silent

lint: install
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench

test: system-deps install $(JS_TOOLS) lint
	$(BIN)/peerpath check
	$(BIN)/python -m pytest

BENCH_TOOLS := bench/node_modules/.package-lock.json

$(BENCH_TOOLS): bench/package-lock.json | system-deps
	npm ci --prefix bench --no-audit --no-fund --silent

# Speed, weight and quality measured side by side; writes bench/RESULTS.md. Never part of `make test`.
bench: system-deps install $(BENCH_TOOLS)
	$(BIN)/python bench/run.py

# Every page type on a phone and a desktop, light and dark, and printed: PNGs in build/screenshots/.
screenshots: build $(JS_TOOLS)
	$(BIN)/python tests/screenshots.py

clean:
	rm -rf build/docs build/docs-* build/site-* build/*.yml site schemas
