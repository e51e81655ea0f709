"""Settings come from the environment; production refuses to start without a real secret key."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRINT_SETTINGS = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
    " 'cache': s.CACHES['default']['BACKEND'], 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS,"
    " 'tz': s.TIME_ZONE, 'media': str(s.MEDIA_ROOT)}))"
)


def load(module, **env):
    """
    The settings ``module`` makes of ``env``, read in a fresh interpreter without loading
    the apps: a tenth of a second instead of over one. That production starts in full
    (``django.setup()``) is proven by ``test_production_passes_the_deployment_checks``.
    """
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "MEDIA_ROOT"}}
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60,
    )


def test_quick_start_defaults_to_sqlite_and_local_memory():
    result = load("cms.settings.dev")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["cache"] == "cms.cache.LocalMemoryCache"
    assert values["tz"] == "Europe/Berlin"


STRONG_KEY = "k3y-" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"


def test_production_reads_database_cache_hosts_and_media_from_the_environment(tmp_path):
    result = load(
        "cms.settings.production",
        SECRET_KEY=STRONG_KEY,
        DATABASE_URL="postgres://welcome@db.internal:5432/welcome",
        REDIS_URL="redis://cache.internal:6379/0",
        ALLOWED_HOSTS="cms.example.org,api.example.org",
        MEDIA_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "welcome"
    assert values["cache"].endswith("RedisCache")
    assert values["hosts"] == ["cms.example.org", "api.example.org"]
    assert values["media"] == str(tmp_path)
    assert values["debug"] is False


@pytest.mark.parametrize(
    "environment, message",
    [
        ({"DEBUG": "true", "ALLOWED_HOSTS": "cms.example.org"}, "DEBUG must be off"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must name"),
        ({}, "ALLOWED_HOSTS must name"),
    ],
)
def test_production_refuses_debug_and_missing_hosts(environment, message):
    result = load("cms.settings.production", SECRET_KEY=STRONG_KEY, **environment)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    "secret", [None, "", "change-me", "dev-only-insecure-key-do-not-use-in-production", "short", "x" * 60]
)
def test_production_refuses_a_missing_or_default_secret_key(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    result = load("cms.settings.production", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_production_passes_the_deployment_checks():
    clean = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"}}
    clean.update(DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="welcome.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
