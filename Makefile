# The two set-up commands of README.md. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate schema bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## make run: the CMS with demo content on SQLite at http://127.0.0.1:$(PORT)
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_admin
	# Links that leave a page (kiosk QR codes, feeds, rich text) point at this server.
	KIOSK_PUBLIC_SITE_URL=$${KIOSK_PUBLIC_SITE_URL:-http://127.0.0.1:$(PORT)} $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: the whole suite (SQLite, or PostgreSQL when DATABASE_URL points at it)
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

## make schema: rewrite schema.graphql from the code (review the diff: it is the API contract)
schema: $(STAMP)
	$(PY) manage.py export_schema graphql_api.schema:schema --path schema.graphql

clean:
	rm -rf $(VENV) db.sqlite3 media static
