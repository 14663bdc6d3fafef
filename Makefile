# 县政台账: `make run` starts a demo on this machine, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ADDR ?= 127.0.0.1:8000
# pytest-xdist workers for make test: one per core by default; TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto

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

# The worker and beat run in the background, as two processes as in production, and stop with the web server.
# DEBUG is off, so runserver serves the static files only when told to (--insecure).
run: demo
	@mkdir -p var
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2 > var/worker.log 2>&1 & \
	worker=$$!; \
	$(VENV)/bin/celery -A config beat --loglevel=INFO --pidfile=var/beat.pid > var/beat.log 2>&1 & \
	beat=$$!; \
	trap 'kill $$worker $$beat 2>/dev/null' EXIT INT TERM; \
	echo "Celery worker: pid $$worker, log in var/worker.log; beat: pid $$beat, log in var/beat.log"; \
	echo "县政台账: http://$(ADDR)/"; \
	$(PY) manage.py runserver --insecure $(ADDR)

test: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

# Needs GNU gettext; the compiled .mo files are committed so nobody else does.
messages: install-dev
	$(PY) manage.py makemessages --locale zh_Hans --locale en --ignore '.venv/*' --ignore 'var/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var staticfiles
