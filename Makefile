# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
VENV := $(CURDIR)/.venv
MANAGE := $(VENV)/bin/python manage.py

.PHONY: install run test test-suite test-redis stop lint messages backup restore audit

$(CURDIR)/.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(UV)
	$(UV) sync --frozen
	$(MANAGE) compile_translations

# Database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo data, then web,
# worker and scheduler; Ctrl-C stops them all, the database included (config/launcher.py).
run: install
	@$(VENV)/bin/python -m config.launcher

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The embedded database starts with the first test that needs it and is stopped at the end,
# unless it was already running (make run serving beside).
test: install lint
	$(VENV)/bin/python -m config.embedded_database run -- $(MAKE) --no-print-directory test-suite

test-suite:
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest --numprocesses 2 -m "not transactional"
	$(VENV)/bin/pytest -m transactional

# The cache and broker tests again, against a real Redis (CI: the machine's).
test-redis: install
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/1} \
	$(VENV)/bin/python -m config.embedded_database run -- $(VENV)/bin/pytest -m redis

# Stop the embedded database if something left it running (manage.py starts it on demand).
stop:
	$(VENV)/bin/python -m config.embedded_database stop

# Extract new strings into the catalogues (needs GNU gettext, a developer's tool only).
messages:
	$(MANAGE) makemessages -l fr -l ar -l en --no-location --ignore=.venv --ignore=.tools --ignore=var

# Database and uploaded files into var/backups/carres-<time>.tar.gz (or BACKUP=path).
backup:
	$(MANAGE) backup $(if $(BACKUP),--output $(BACKUP))

# Into an EMPTY database (createdb first): make restore BACKUP=path
restore:
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/carres-....tar.gz" && exit 2)
	$(MANAGE) restore $(BACKUP)
# Known vulnerabilities in the locked dependencies (pip-audit); says so when it cannot check.
audit:
	PATH=$(dir $(UV)):$$PATH $(VENV)/bin/python .ci/audit_dependencies.py
