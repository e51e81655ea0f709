"""
The optional read replica (cms/routers.py, ``DATABASE_REPLICA_URL``).

The router's decisions with the replica scope open and closed, which requests open it,
and, through the test client, where the SQL of real requests goes: the public API's and
a feed's reads to ``replica``, the admin's and a draft preview's to ``default``. The
``replica`` alias here is a second connection to the test database: a replica without lag.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext, override_settings

from cms.routers import REPLICA_DB_ALIAS, ReplicaRouter, reads_from_replica, replica_reads
from graphql_api.preview.tokens import make_preview_token
from pages.models import GuidePage
from tests.committed_state import restored_afterwards
from tests.conftest import build_site_tree
from tests.factories import EventPageFactory, GuidePageFactory, TopicFactory

ROOT = Path(__file__).resolve().parent.parent
router = ReplicaRouter()


@pytest.fixture(scope="module")
def replica_alias(django_db_setup):
    """
    A ``replica`` alias for the module: a second connection to the test database (made
    after it, so it copies the test database's name). Set up before any test's database
    access, as pytest-django checks a test's ``databases`` against ``settings.DATABASES``
    when the test starts.
    """
    added = REPLICA_DB_ALIAS not in connections.settings  # DATABASE_REPLICA_URL may have set one
    if added:
        connections.settings[REPLICA_DB_ALIAS] = {**connections.settings[DEFAULT_DB_ALIAS]}
    assert REPLICA_DB_ALIAS in settings.DATABASES  # where the router looks
    yield REPLICA_DB_ALIAS
    connections[REPLICA_DB_ALIAS].close()
    if added:
        del connections[REPLICA_DB_ALIAS]
        del connections.settings[REPLICA_DB_ALIAS]


@pytest.fixture
def replica(replica_alias):
    """The replica connection, with the router and the middleware switched on."""
    with override_settings(
        DATABASE_ROUTERS=["cms.routers.ReplicaRouter"],
        MIDDLEWARE=[*settings.MIDDLEWARE, "cms.routers.ReplicaReadsMiddleware"],
    ):
        yield connections[replica_alias]


@pytest.fixture
def no_replica(monkeypatch):
    monkeypatch.delitem(settings.DATABASES, REPLICA_DB_ALIAS, raising=False)


# The router's rule ------------------------------------------------------------------------


def test_outside_a_replica_scope_everything_uses_default(replica):
    assert router.db_for_read(GuidePage) == DEFAULT_DB_ALIAS
    assert router.db_for_write(GuidePage) == DEFAULT_DB_ALIAS


def test_in_a_scope_reads_use_the_replica_until_the_request_writes(replica):
    with replica_reads():
        assert router.db_for_read(GuidePage) == REPLICA_DB_ALIAS
        assert router.db_for_read(GuidePage) == REPLICA_DB_ALIAS
        assert router.db_for_write(GuidePage) == DEFAULT_DB_ALIAS
        # After a write the request reads what it wrote: from default.
        assert router.db_for_read(GuidePage) == DEFAULT_DB_ALIAS
    with replica_reads():  # the next request starts afresh
        assert router.db_for_read(GuidePage) == REPLICA_DB_ALIAS
    assert router.db_for_read(GuidePage) == DEFAULT_DB_ALIAS


def test_a_scope_belongs_to_its_own_thread(replica):
    seen = []
    with replica_reads():
        worker = threading.Thread(target=lambda: seen.append(router.db_for_read(GuidePage)))
        worker.start()
        worker.join()
        assert router.db_for_read(GuidePage) == REPLICA_DB_ALIAS
    assert seen == [DEFAULT_DB_ALIAS]


@pytest.mark.django_db(databases=[DEFAULT_DB_ALIAS, REPLICA_DB_ALIAS])
def test_reads_inside_a_transaction_use_default(replica):
    # pytest-django's ``db`` runs the test inside a transaction on default.
    assert connections[DEFAULT_DB_ALIAS].in_atomic_block
    with replica_reads():
        assert router.db_for_read(GuidePage) == DEFAULT_DB_ALIAS


def test_without_a_replica_the_scope_changes_nothing(no_replica):
    with replica_reads():
        assert router.db_for_read(GuidePage) == DEFAULT_DB_ALIAS


def test_only_default_is_migrated():
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "pages") is True
    assert router.allow_migrate(REPLICA_DB_ALIAS, "pages") is False


# Which requests read from the replica ------------------------------------------------------

GUIDES = '{ guides(locale: "de") { edges { node { title } } } }'


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("get", "/graphql/", {"query": GUIDES}, True),
        ("post", "/graphql/", {"query": GUIDES}, True),
        ("get", "/feeds/events/topic/wohnen.ics", {}, True),
        ("head", "/feeds/events/partner/welcome.ics", {}, True),
        # A draft preview reads what an editor saved a moment ago: default.
        ("get", "/graphql/", {"query": '{ preview(token: "x") { title } }'}, False),
        ("post", "/graphql/", {"query": '{ preview(token: "x") { title } }'}, False),
        ("options", "/graphql/", {}, False),
        ("post", "/feeds/events/topic/wohnen.ics", {}, False),
        ("get", "/admin/", {}, False),
        ("get", "/admin/pages/", {}, False),
        ("get", "/kiosk/stadthaus/", {}, False),
        ("get", "/embed/widget.js", {}, False),
        ("get", "/health/", {}, False),
    ],
)
def test_which_requests_read_from_the_replica(replica, rf, method, path, body, expected):
    if method == "post":
        request = rf.post(path, json.dumps(body), content_type="application/json")
    else:
        request = getattr(rf, method)(path, body)
    assert reads_from_replica(request) is expected


def test_without_a_replica_no_request_reads_from_it(no_replica, rf):
    assert reads_from_replica(rf.get("/graphql/", {"query": GUIDES})) is False


# Where the SQL of real requests goes ---------------------------------------------------------


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    """The replica connection sees only committed rows; the database is as before once the module ends."""
    with restored_afterwards(django_db_blocker):
        yield


def sql(context):
    return "\n".join(query["sql"] for query in context.captured_queries)


@pytest.fixture
def captured(replica):
    """Run a request and return the SQL it sent to each database."""

    def run(send):
        with (
            CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_default,
            CaptureQueriesContext(replica) as on_replica,
        ):
            response = send()
        return response, on_default, on_replica

    return run


@pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA_DB_ALIAS])
def test_the_public_api_and_feeds_read_from_the_replica_and_the_admin_from_default(
    committed, replica_alias, client, admin_user, captured
):
    tree = build_site_tree()
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    guide = GuidePageFactory(parent=tree.guides, title="Eine Wohnung finden", topics=[housing])
    EventPageFactory(parent=tree.events, title="Sprachcafé", topics=[housing])

    # The visibility scope is read from default, once per change of the tree: a replica
    # behind the change must not fix an old scope under the new token. Then nothing more.
    _, on_default, _ = captured(lambda: client.get("/graphql/", {"query": GUIDES}))
    assert any("numchild" in query["sql"] for query in on_default.captured_queries), sql(on_default)
    response, on_default, on_replica = captured(lambda: client.get("/graphql/", {"query": GUIDES}))
    assert response.json() == {"data": {"guides": {"edges": [{"node": {"title": "Eine Wohnung finden"}}]}}}
    assert on_replica.captured_queries, "the API read nothing from the replica"
    assert not on_default.captured_queries, f"the API read from default:\n{sql(on_default)}"

    response, on_default, on_replica = captured(
        lambda: client.post("/graphql/", {"query": GUIDES}, content_type="application/json")
    )
    assert response.json()["data"]["guides"]["edges"] == [{"node": {"title": "Eine Wohnung finden"}}]
    assert on_replica.captured_queries and not on_default.captured_queries, sql(on_default)

    response, on_default, on_replica = captured(lambda: client.get("/feeds/events/topic/wohnen.ics"))
    assert response.status_code == 200 and b"Sprachcaf" in response.content
    assert on_replica.captured_queries and not on_default.captured_queries, sql(on_default)

    # A draft preview is read from default, whatever the replica has.
    token = make_preview_token(guide, guide.latest_revision)
    preview = '{ preview(token: "%s") { title } }' % token
    response, on_default, on_replica = captured(
        lambda: client.post("/graphql/", {"query": preview}, content_type="application/json")
    )
    assert response.json() == {"data": {"preview": {"title": "Eine Wohnung finden"}}}
    assert on_default.captured_queries and not on_replica.captured_queries, sql(on_replica)

    # The admin reads and writes default only.
    client.force_login(admin_user)
    response, on_default, on_replica = captured(lambda: client.get("/admin/"))
    assert response.status_code == 200
    assert on_default.captured_queries and not on_replica.captured_queries, sql(on_replica)
    response, on_default, on_replica = captured(lambda: client.get(f"/admin/pages/{tree.guides.pk}/"))
    assert response.status_code == 200 and "Eine Wohnung finden" in response.content.decode()
    assert on_default.captured_queries and not on_replica.captured_queries, sql(on_replica)


# Settings --------------------------------------------------------------------------------------

PRINT_DATABASES = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({'databases': s.DATABASES, 'routers': s.DATABASE_ROUTERS, 'middleware': s.MIDDLEWARE}, default=str))"
)


def read_settings(**env):
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DATABASE_REPLICA_URL"}}
    clean.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_DATABASES], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_database_replica_url_adds_the_replica_its_router_and_middleware():
    values = read_settings(
        DATABASE_URL="postgres://welcome@db.internal:5432/welcome",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/welcome",
    )
    replica = values["databases"]["replica"]
    assert (replica["HOST"], replica["USER"], replica["NAME"]) == ("replica.internal", "reader", "welcome")
    assert replica["TEST"] == {"MIRROR": "default"}
    assert values["databases"]["default"]["HOST"] == "db.internal"
    assert values["routers"] == ["cms.routers.ReplicaRouter"]
    assert values["middleware"][-1] == "cms.routers.ReplicaReadsMiddleware"


def test_without_database_replica_url_nothing_changes():
    values = read_settings(DATABASE_URL="postgres://welcome@db.internal:5432/welcome")
    assert list(values["databases"]) == ["default"]
    assert values["routers"] == []
    assert "cms.routers.ReplicaReadsMiddleware" not in values["middleware"]
