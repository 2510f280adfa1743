# CareerPath: the routine tasks. `make run` on a fresh clone sets everything up.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# The first Python >= 3.12 found: python3.13 / python3.12 on PATH, then pyenv's versions.
define find_python
for candidate in python3.13 python3.12 python3 \
    $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help run serve test audit lint format bench mutate checks clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@python=$$( $(find_python) ) || { \
	  echo "CareerPath needs Python 3.12 or newer, and none was found."; \
	  echo "Install one (e.g. 'pyenv install 3.13' or your system's python3.13 package) and run make again."; \
	  exit 1; }; \
	echo "Using $$python ($$($$python --version))"; \
	[ -x $(PY) ] || "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## make the virtualenv and install dependencies

run: $(STAMP) ## set up (virtualenv, migrations, content) and serve http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Pages are published after a change by a worker of its own, not in the editor's save.
serve: export CAREERPATH_TASKS ?= database
serve: $(STAMP) ## production server: gunicorn with whitenoise, and the publishing worker (needs DJANGO_SECRET_KEY)
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=0 $(PY) manage.py load_content
	DJANGO_DEBUG=0 $(PY) manage.py publish_pages
	@DJANGO_DEBUG=0 $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DJANGO_DEBUG=0 $(VENV)/bin/gunicorn -c gunicorn.conf.py careerpath.wsgi:application

test: $(STAMP) ## the whole test suite (PostgreSQL when DATABASE_URL points at one)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

audit: $(STAMP) ## load the content and list facts that need an editor (AUDIT_ARGS=--strict to fail)
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_content -v0
	$(PY) manage.py content_audit $(AUDIT_ARGS)

lint: $(STAMP) ## ruff lint and format check, and the import contract (the layers of the code)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

checks: $(STAMP) ## migrations in step with the models; production settings pass check --deploy
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  DJANGO_ALLOWED_HOSTS=careerpath.example $(PY) manage.py check --deploy --fail-level WARNING

mutate: $(STAMP) ## mutation testing of the rule modules (mutmut); prints the survivors
	rm -rf mutants
	DATABASE_URL=sqlite:///:memory: $(VENV)/bin/mutmut run --max-children 2 || true
	$(VENV)/bin/mutmut results
	@$(VENV)/bin/mutmut export-cicd-stats >/dev/null
	@$(PY) -c 'import json, sys; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
	  tested = s["total"] - s["skipped"]; killed = s["killed"] + s["timeout"]; \
	  print(f"{killed} of {tested} mutants killed ({100 * killed / tested:.1f}%), 90% needed"); \
	  sys.exit(killed < 0.9 * tested)'

format: $(STAMP) ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP) ## load benchmark of every page type against gunicorn on PostgreSQL
	$(PY) bench/run.py

clean: ## remove the virtualenv, the SQLite file and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
