# Omzien. On a fresh machine: `make run` or `make test`; each installs what is missing first.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Browser tests drive Debian's chromium; Playwright must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
RASA_ARGS := --config config.yml --domain bot/domain --data bot/data

.PHONY: bench-search setup run run-scaled train test lint format validate pytest story-test eval clean widget widget-check browser-deps

setup: $(STAMP)

# Pinned from requirements/*.in; rasa and rasa-sdk declare Python <3.11 and go in without deps.
$(STAMP): requirements/lock.txt requirements/rasa.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps --ignore-requires-python -r requirements/rasa.txt
	touch $@

train: setup
	$(PY) -m scripts.model

run: setup
	$(PY) -m scripts.run

# The scaled set-up on this machine's PostgreSQL (127.0.0.1:5432) and Redis (:6379): two Rasa
# replicas, one action server, a gateway with two workers (README, "Deploying at scale").
run-scaled: setup
	OMZIEN_PROFILE=scaled $(PY) -m scripts.run

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

validate: setup
	$(RASA) data validate $(RASA_ARGS) --fail-on-warnings

pytest: train browser-deps
	$(PY) -m pytest

story-test: train
	$(RASA) test core --model $$($(PY) -c 'from scripts.model import model_path; print(model_path())') \
		--stories bot/tests/stories --fail-on-prediction-errors --out results/stories

test: lint widget-check validate pytest story-test

eval: setup
	$(PY) -m scripts.evaluate

clean:
	rm -rf models results .rasa var/bench

# Web-chat widget: widget/src is bundled and minified into telephony/static/widget.js, which is
# committed, so `make run` needs no Node. `make widget` rebuilds it and prints its gzipped size
# (fails over 25 KB); `make test` fails when the committed file does not match widget/src.
WIDGET_NPM := widget/node_modules/.package-lock.json
CHROMIUM := /usr/bin/chromium

$(WIDGET_NPM): widget/package.json widget/package-lock.json
	cd widget && npm ci --no-audit --no-fund
	touch $@

widget: $(WIDGET_NPM)
	cd widget && node build.mjs

widget-check: $(WIDGET_NPM)
	cd widget && node build.mjs --check

# The browser tests (tests/browser, part of pytest) need Debian's chromium and axe-core from npm.
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser-deps: $(CHROMIUM) $(WIDGET_NPM)

# Activity search over 50,000 generated services, on SQLite and the machine's PostgreSQL.
bench-search: setup
	$(PY) -m bench.search

# Load benchmark of the whole assistant (issue 6): starts it on ports 8400/5405/5455, drives
# web, WhatsApp and voice conversations at 1, 10, 50 and 100 concurrent, prints a table and
# writes var/bench/load.json. Flags: make bench ARGS="--levels 1,10 --seconds 20" (or --scaled).
.PHONY: bench
bench: train
	$(PY) -m bench.load $(ARGS)

# Fault tests (issue 7): start Rasa, the action server, the gateway and a private PostgreSQL
# (ports 5305/5355/8300/5499), kill, stop or pause each part and check every channel; prints
# the table fault x channel -> what the person got, and writes var/chaos/report.json.
.PHONY: chaos
chaos: train
	$(PY) -m pytest tests/chaos -m chaos
