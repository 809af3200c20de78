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
RASA_ARGS := --config config.yml --domain bot/domain --data bot/data

.PHONY: setup run train test lint format validate pytest story-test eval clean

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

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

validate: setup
	$(RASA) data validate $(RASA_ARGS) --fail-on-warnings

pytest: train
	$(PY) -m pytest

story-test: train
	$(RASA) test core --model $$($(PY) -c 'from scripts.model import model_path; print(model_path())') \
		--stories bot/tests/stories --fail-on-prediction-errors --out results/stories

test: lint validate pytest story-test

eval: setup
	$(PY) -m scripts.evaluate

clean:
	rm -rf models results .rasa var/bench
