# On Record: `make run` to try it, `make test` to check it. Python 3.11+ is all a machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A stamp per dependency set, so the venv is rebuilt only when pyproject.toml changes.
STAMP := $(VENV)/.installed

.PHONY: run serve test lint format bench fuzz loadtest backup restore check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production serving: collect the static files, migrate, then gunicorn. Settings come from the
# environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, ...: README, "Serving it").
BIND ?= 127.0.0.1:8000
WORKERS ?= 2
THREADS ?= 4
serve: export CONN_MAX_AGE ?= 60
serve: $(STAMP)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/gunicorn config.wsgi --bind $(BIND) --workers $(WORKERS) --threads $(THREADS) \
		--timeout 30 --graceful-timeout 20 --access-logfile - --error-logfile -

# Tests run with DEBUG off, as production does. Playwright's sync API needs the async flag.
test: $(STAMP)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python -m pytest $(PYTEST_ARGS)

# Benchmarks print figures and write bench/results.md; never part of `make test`. Needs the
# local PostgreSQL (a throwaway database is created and dropped). BENCH_ARGS=--help for options.
bench: $(STAMP)
	$(BIN)/python bench/site_benchmark.py $(BENCH_ARGS)

# Hostile input for longer than `make test` gives it: schemathesis against the API schema and
# hypothesis against every public route and admin form; the report goes to bench/results.md.
fuzz: $(STAMP)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python bench/fuzz.py $(FUZZ_ARGS)

# Readers, editors and reviewers at once against gunicorn on loopback (locust, headless), the
# database's connections ended mid-run, then every acknowledged write counted in the database.
# Needs the local PostgreSQL (a throwaway database). LOADTEST_ARGS=--help for options.
LOAD_STAMP := $(VENV)/.installed-load
$(LOAD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,load]"
	touch $(LOAD_STAMP)
loadtest: $(LOAD_STAMP)
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

# A dated backup of the database and the media files (README, "Backups"), and its restore.
BACKUP_DIR ?= backups
backup: $(STAMP)
	$(BIN)/python manage.py backup --directory $(BACKUP_DIR)
restore: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/onrecord-....tar.gz [RESTORE_ARGS=--replace]"; exit 2; }
	$(BIN)/python manage.py restore $(FILE) $(RESTORE_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache artifacts
