# 县政台账: `make run` starts a demo on this machine, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ADDR ?= 127.0.0.1:8000

.PHONY: run test install install-dev migrate demo worker messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

# The site and the worker need requirements.txt; the tests and lint add requirements-dev.txt.
$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# The worker (with beat) runs in the background and stops with the web server.
run: demo
	@mkdir -p var
	$(VENV)/bin/celery -A config worker --beat --loglevel=INFO --concurrency=2 > var/worker.log 2>&1 & \
	worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Celery worker and beat: pid $$worker, log in var/worker.log"; \
	echo "县政台账: http://$(ADDR)/"; \
	$(PY) manage.py runserver $(ADDR)

test: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# Needs GNU gettext; the compiled .mo files are committed so nobody else does.
messages: install-dev
	$(PY) manage.py makemessages --locale zh_Hans --locale en --ignore '.venv/*' --ignore 'var/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var staticfiles
