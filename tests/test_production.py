"""
The documented production command serves what every consumer needs: gunicorn with the
production settings (PostgreSQL and Redis, as CI has them) answers 200 for the kiosk's
script, the admin's CSS, GraphiQL's assets, the widget, an image rendition and
``/health/``, with far-future caching for hashed static files, and never serves
documents from /media/.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3y-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.IS_POSTGRES or not os.environ.get("REDIS_URL"),
        reason="production runs on PostgreSQL and Redis; CI (.ci/run) provides both",
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def production(tmp_path_factory, django_db_setup):
    """The release steps and the web process of the Procfile, on a free port."""
    base = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(base / "static"),
        "MEDIA_ROOT": str(base / "media"),
        "GRAPHIQL": "true",
        "PORT": str(free_port()),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
    }
    env.pop("DEBUG", None)

    def run(*command):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    run(sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0")
    rendition = run(sys.executable, "-c", IMAGE_SCRIPT).stdout.strip().splitlines()[-1]
    log = open(base / "gunicorn.log", "w")  # noqa: SIM115 (closed with the server)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "cms/gunicorn.py"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{env['PORT']}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/health/", timeout=2)
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        manifest = json.loads((base / "static" / "staticfiles.json").read_text())["paths"]
        yield url, manifest, rendition
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        run(sys.executable, "-c", CLEAN_UP_SCRIPT)


IMAGE_SCRIPT = """
import django, io
django.setup()
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images import get_image_model
buffer = io.BytesIO()
Picture.new("RGB", (64, 48), "teal").save(buffer, "PNG")
image = get_image_model().objects.create(title="production-test", file=ImageFile(buffer, name="production-test.png"))
print(image.get_rendition("max-480x480").url)
"""
CLEAN_UP_SCRIPT = """
import django
django.setup()
from wagtail.images import get_image_model
for image in get_image_model().objects.filter(title="production-test"):
    image.delete()
"""


def get(url, path, **headers):
    request = urllib.request.Request(f"{url}{path}", headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(
    "asset", ["kiosk/main.js", "kiosk/kiosk.css", "wagtailadmin/css/core.css", "graphql_api/graphiql/start.js"]
)
def test_static_files_are_served_hashed_compressed_and_cached_for_a_year(production, asset):
    url, manifest, _rendition = production
    status, headers, body = get(url, f"{settings.STATIC_URL}{manifest[asset]}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and body
    assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]
    assert headers.get("Content-Encoding") == "gzip"


def test_the_kiosk_modules_import_each_other_by_hashed_names(production):
    url, manifest, _rendition = production
    _status, _headers, body = get(url, f"{settings.STATIC_URL}{manifest['kiosk/main.js']}")
    assert f'"./{Path(manifest["kiosk/views.js"]).name}"' in body.decode()


def test_health_widget_and_image_renditions_answer(production):
    url, _manifest, rendition = production
    assert get(url, "/health/")[0] == 200
    status, headers, body = get(url, "/embed/widget.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"__WELCOME" not in body
    status, headers, body = get(url, rendition)
    assert status == 200 and headers["Content-Type"].startswith("image/") and body[:4] == b"\x89PNG"
    assert "public" in headers["Cache-Control"]


def test_documents_are_never_served_from_media_and_https_is_enforced(production):
    url, _manifest, _rendition = production
    assert get(url, "/media/documents/secret.pdf")[0] == 404
    request = urllib.request.Request(f"{url}/graphql/?query=%7Blocales%7Bcode%7D%7D")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=10)
    assert redirect.value.code == 301 and redirect.value.headers["Location"].startswith("https://")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def maintenance_connection():
    import psycopg

    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], password=db.get("PASSWORD") or None,
        dbname="postgres", autocommit=True,
    )


def test_a_database_outage_answers_503_with_retry_after_and_recovers_by_itself(production):
    """
    The server's database connections are cut and new ones refused (as in a restart):
    the API and the feeds answer a coded 503 with Retry-After, other pages a plain 503;
    when the database accepts connections again, answers come back without a restart.
    Answers the response cache holds are still given meanwhile.
    """
    url, _manifest, _rendition = production
    name = connection.settings_dict["NAME"]
    assert get(url, GUIDES_QUERY)[0] == 200
    with maintenance_connection() as admin:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        try:
            # Every connection of the server, not this test's own.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                [name, own_backend_pid()],
            )
            status, headers, body = get(url, GUIDES_QUERY)
            assert status == 200 and headers["X-Cache"] == "HIT"  # kept from before the outage
            status, headers, body = get(url, UNCACHED_QUERY)
            assert status == 503 and headers["Retry-After"] == "5"
            assert json.loads(body)["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
            status, headers, body = get(url, "/feeds/events/topic/wohnen.ics")
            assert status == 503 and json.loads(body)["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
            status, headers, body = get(url, "/admin/login/")
            assert status == 503 and headers["Content-Type"].startswith("text/plain") and b"Traceback" not in body
        finally:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    started = time.monotonic()
    while get(url, UNCACHED_QUERY)[0] != 200:
        assert time.monotonic() - started < 5, "no recovery within 5 s"
        time.sleep(0.1)


GUIDES_QUERY = "/graphql/?query=%7Bguides%7BtotalCount%7D%7D"  # reads the database
UNCACHED_QUERY = "/graphql/?query=%7Bpartners%7BtotalCount%7D%7D"  # not asked before the outage


def own_backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_the_access_log_leaves_out_query_strings(production, tmp_path_factory):
    """A reader's location ("near me") or search words never reach the server's logs."""
    url, _manifest, _rendition = production
    get(url, "/de/services/?near=51.3397,12.3731&km=2")
    logs = list(tmp_path_factory.getbasetemp().glob("production*/gunicorn.log"))
    for _ in range(50):
        text = "".join(log.read_text() for log in logs)
        if "/de/services/" in text:
            break
        time.sleep(0.1)
    assert '"GET /de/services/ HTTP/1.1"' in text
    assert "51.3397" not in text and "near=" not in text
