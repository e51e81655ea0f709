"""
``manage.py backup`` and ``manage.py restore`` (cms/backup.py), on PostgreSQL.

The round trip: content is built and committed, the API's answers recorded, a backup
written, and the archive restored into a second, fresh database on the same server by a
separate process (``DATABASE_URL`` pointing at it), which must give the same answers and
get the same media files back. Then the refusals: a damaged archive, one made by newer
code, a database that is not empty, no ``pg_dump``, an unreadable file; all clear
messages, none a traceback.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail_factories
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.api.helpers import data, translate, translate_snippet
from tests.committed_state import restored_afterwards
from tests.conftest import build_site_tree
from tests.factories import (
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
    spoken,
)

ROOT = Path(__file__).resolve().parent.parent
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backup and restore are for PostgreSQL (pg_dump/pg_restore): run with DATABASE_URL=postgres://…",
)

GUIDES = """
query ($locale: String) {
  guides(locale: $locale) {
    totalCount
    edges { node { id title locale urlPath topics { name slug locale }
                   image { title rendition(size: SMALL) { url width height } } } }
  }
}
"""
SERVICES = """
query ($locale: String) {
  services(locale: $locale) {
    totalCount
    edges { node { id title locale languages { code } places { name street } provider { title } } }
  }
}
"""
EVENTS = """
query ($locale: String) {
  events(locale: $locale) { edges { node { start end event { id title topics { name } } } } }
}
"""
SEARCH = """
query ($query: String!, $locale: String) {
  search(query: $query, locale: $locale) { edges { node { __typename title } } }
}
"""
TOPICS = "query ($locale: String) { topics(locale: $locale) { name slug locale } }"
QUERIES = {
    "guides de": (GUIDES, {"locale": "de"}),
    "guides ar": (GUIDES, {"locale": "ar"}),
    "services de": (SERVICES, {"locale": "de"}),
    "services ar": (SERVICES, {"locale": "ar"}),
    "events de": (EVENTS, {"locale": "de"}),
    "search de": (SEARCH, {"query": "Krankenversicherung", "locale": "de"}),
    "topics ar": (TOPICS, {"locale": "ar"}),
}
# Asked only of the restored copy: a rendition that does not exist yet is made from the
# original image file, which must have come back with the media files.
NEW_RENDITION = '{ guides(locale: "de") { edges { node { title image { rendition(size: LARGE) { width } } } } } }'

# Runs in a fresh interpreter with DATABASE_URL pointing at the restored database.
RESTORE_AND_ASK = """
import io, json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings

archive, media_root, force = sys.argv[1], sys.argv[2], sys.argv[3] == "force"
queries = json.load(sys.stdin)
log = io.StringIO()
with override_settings(MEDIA_ROOT=media_root):
    call_command("restore", archive, force=force, stdout=log)
    client = Client()
    answers = {
        name: client.post("/graphql/", {"query": query, "variables": variables}, content_type="application/json").json()
        for name, (query, variables) in queries.items()
    }
print(json.dumps({"log": log.getvalue(), "answers": answers}))
"""


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    """The round trip commits its content; the database is as before once the module ends."""
    with restored_afterwards(django_db_blocker):
        yield


@pytest.fixture
def fresh_database(django_db_blocker):
    """An empty database on the test database's server, dropped at the end: the restore target."""
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"[:63]
    quoted = connection.ops.quote_name(name)
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield name
    finally:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def database_url(name):
    settings_dict = connection.settings_dict
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(str(settings_dict.get("PASSWORD") or ""), safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict.get("HOST") or "127.0.0.1", safe="")
    return f"postgres://{credentials}{host}:{settings_dict.get('PORT') or 5432}/{name}"


def in_database(name, *args, stdin=None):
    """Run Python with the test settings against database ``name``, in a new process."""
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_REPLICA_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=database_url(name))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=300
    )


def restore_and_ask(name, archive, media_root, force=False):
    result = in_database(
        name, "-c", RESTORE_AND_ASK, str(archive), str(media_root), "force" if force else "-",
        stdin=json.dumps({**QUERIES, "new rendition": (NEW_RENDITION, {})}),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_content():
    """Guides, a service, an event and a topic in German and Arabic, an image with a rendition."""
    tree = build_site_tree()
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    translate_snippet(housing, "ar", name="السكن")
    image = wagtail_factories.ImageFactory(title="Stadthaus")
    guide = GuidePageFactory(parent=tree.guides, title="Eine Wohnung finden", topics=[housing], image=image)
    translate(guide, "ar", title="البحث عن سكن")
    GuidePageFactory(parent=tree.guides, title="Krankenversicherung erklärt")
    partner = PartnerPageFactory(parent=tree.partners, title="Welcome Center")
    service = ServicePageFactory(
        parent=partner, title="Erstberatung", places=[PlaceFactory(name="Stadthaus")], languages=spoken("ar", "de")
    )
    translate(service, "ar", title="الاستشارة الأولى")
    EventPageFactory(parent=tree.events, title="Sprachcafé", topics=[housing])


def ask(client):
    return {name: {"data": data(client, query, variables)} for name, (query, variables) in QUERIES.items()}


def files_below(folder):
    folder = Path(folder)
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def latest_on_disk(app):
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return max(name for label, name in loader.disk_migrations if label == app)


@on_postgres
@pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="pg_dump/pg_restore are not installed (apt-get install postgresql-client)",
)
@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_answers_the_api_as_the_original(client, committed, fresh_database, tmp_path, settings):
    build_content()
    before = ask(client)
    assert {edge["node"]["title"] for edge in before["guides ar"]["data"]["guides"]["edges"]} == {
        "البحث عن سكن",
        "Krankenversicherung erklärt",
    }
    assert before["guides de"]["data"]["guides"]["edges"][0]["node"]["image"]["rendition"]["url"].startswith("/media/")
    assert before["search de"]["data"]["search"]["edges"] == [
        {"node": {"__typename": "Guide", "title": "Krankenversicherung erklärt"}}
    ]

    archive = tmp_path / "welcome.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Dumped database" in out.getvalue() and f"Backup complete: {archive}" in out.getvalue()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    media = files_below(settings.MEDIA_ROOT)
    assert sorted(names) == sorted(["manifest.json", "database.dump", *(f"media/{name}" for name in media)])
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert manifest["files"]["database.dump"]["size"] > 0 and len(manifest["files"]["database.dump"]["sha256"]) == 64
    assert manifest["database"]["server_version"].startswith(str(connection.pg_version // 10000))
    assert manifest["latest_migrations"]["pages"] == latest_on_disk("pages")
    assert manifest["latest_migrations"]["wagtailcore"] == latest_on_disk("wagtailcore")
    assert {"welcome-platform", "django", "wagtail"} <= set(manifest["versions"])

    restored_media = tmp_path / "restored-media"
    after = restore_and_ask(fresh_database, archive, restored_media)
    assert "all" in after["log"] and "match their SHA-256 checksums" in after["log"]
    assert f"Put {len(media)} media files back" in after["log"]
    new_rendition = after["answers"].pop("new rendition")
    assert after["answers"] == before
    assert not new_rendition.get("errors"), new_rendition
    assert new_rendition["data"]["guides"]["edges"][0]["node"]["image"]["rendition"]["width"] > 0
    # Every file came back byte for byte; the only new one is the rendition just made.
    restored_files = files_below(restored_media)
    assert {name: restored_files.get(name) for name in media} == media
    assert len(set(restored_files) - set(media)) == 1

    # The restored database is not empty now: the command refuses, with a message, no traceback.
    refused = in_database(fresh_database, "manage.py", "restore", str(archive))
    assert refused.returncode == 1
    assert "is not empty" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    # --force empties it first, and the answers are the same again.
    forced = restore_and_ask(fresh_database, archive, tmp_path / "forced-media", force=True)
    assert "Emptied database" in forced["log"]
    forced["answers"].pop("new rendition")
    assert forced["answers"] == before


# Refusals -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the freshly migrated test database, written once for the module."""
    path = tmp_path_factory.mktemp("backup") / "plain.tar"
    with django_db_blocker.unblock():
        call_command("backup", str(path), stdout=io.StringIO())
    return path


def rewrite(source, target, change):
    """Copy an archive member by member; ``change(name, data)`` returns the new data."""
    with tarfile.open(source) as original, tarfile.open(target, "w") as copy:
        for member in original:
            content = change(member.name, original.extractfile(member).read())
            member.size = len(content)
            copy.addfile(member, io.BytesIO(content))
    return target


@on_postgres
def test_a_damaged_archive_is_refused_before_anything_changes(archive, tmp_path):
    def flip_one_byte(name, content):
        if name != "database.dump":
            return content
        middle = len(content) // 2
        return content[:middle] + bytes([content[middle] ^ 0xFF]) + content[middle + 1 :]

    damaged = rewrite(archive, tmp_path / "damaged.tar", flip_one_byte)
    with pytest.raises(CommandError, match=r"does not match its manifest \(checksum or size mismatch in database.dump\)"):
        call_command("restore", str(damaged), stdout=io.StringIO())


@on_postgres
def test_an_archive_of_newer_code_is_refused(archive, tmp_path):
    def from_the_future(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        manifest["applied_migrations"]["pages"].append("9999_from_the_future")
        return json.dumps(manifest).encode()

    newer = rewrite(archive, tmp_path / "newer.tar", from_the_future)
    with pytest.raises(CommandError, match=r"made by newer code.*pages\.9999_from_the_future"):
        call_command("restore", str(newer), stdout=io.StringIO())


@on_postgres
def test_a_database_that_is_not_empty_is_refused_without_force(archive, db):
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"is not empty .*--force"):
        call_command("restore", str(archive), stdout=out)
    assert "match their SHA-256 checksums" in out.getvalue()
    assert "Restored" not in out.getvalue()


@on_postgres
def test_unreadable_and_truncated_archives_are_refused(archive, tmp_path):
    text = tmp_path / "notes.tar.gz"
    text.write_text("not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore", str(text))
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="damaged or truncated|has no manifest.json"):
        call_command("restore", str(truncated))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.tar"))


@on_postgres
def test_without_pg_dump_on_the_path_the_backup_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump was not found on PATH"):
        call_command("backup", str(tmp_path / "welcome.tar"))
    assert list(tmp_path.iterdir()) == []


@on_postgres
def test_a_backup_never_overwrites_an_archive(archive):
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite message is shown only on SQLite")
def test_on_sqlite_backup_says_it_is_for_postgresql(tmp_path):
    with pytest.raises(CommandError, match="for PostgreSQL.*SQLite database is one file"):
        call_command("backup", str(tmp_path / "welcome.tar"))
    with pytest.raises(CommandError, match="for PostgreSQL"):
        call_command("restore", str(tmp_path / "welcome.tar"))
