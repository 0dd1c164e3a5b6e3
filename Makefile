# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
VENV := $(CURDIR)/.venv
MANAGE := $(VENV)/bin/python manage.py

.PHONY: install setup run test lint messages bench-help backup restore audit

$(CURDIR)/.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(UV)
	$(UV) sync --frozen
	$(MANAGE) compile_translations

setup: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_demo

run: setup
	@echo
	@echo "  The platform starts on http://127.0.0.1:8000/  (log in: http://127.0.0.1:8000/fr/accounts/login/)"
	@echo "  Web server, Celery worker and scheduler run together; Ctrl-C stops all three."
	@echo
	$(VENV)/bin/honcho --procfile Procfile start

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: install lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest --numprocesses 2 -m "not transactional"
	$(VENV)/bin/pytest -m transactional

# Extract new strings into the catalogues (needs GNU gettext, a developer's tool only).
messages:
	$(MANAGE) makemessages -l fr -l ar -l en --no-location --ignore=.venv --ignore=.tools --ignore=var

# Database and uploaded files into var/backups/carres-<time>.tar.gz (or BACKUP=path).
backup:
	$(MANAGE) backup $(if $(BACKUP),--output $(BACKUP))

# Into an EMPTY database (createdb first, or no SQLite file): make restore BACKUP=path
restore:
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/carres-....tar.gz" && exit 2)
	$(MANAGE) restore $(BACKUP)
# Known vulnerabilities in the locked dependencies (pip-audit); says so when it cannot check.
audit:
	PATH=$(dir $(UV)):$$PATH $(VENV)/bin/python .ci/audit_dependencies.py
