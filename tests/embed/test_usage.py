"""Usage per key and day: counted in the cache, written in bulk, shown in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from embed.models import ApiKeyUsage
from embed.usage import add_to_database, flush_all

GRAPHQL = "/graphql/?query=%7B__typename%7D"


def test_requests_are_counted_per_key_and_day_in_batches(client, issue_key, settings):
    settings.EMBED_USAGE_FLUSH_EVERY = 3
    key, raw = issue_key()
    other, other_raw = issue_key("Other")
    for _ in range(7):
        client.get(GRAPHQL, HTTP_X_API_KEY=raw)
    client.get(GRAPHQL, HTTP_X_API_KEY=other_raw)
    today = timezone.localdate()
    # Two flushes of three; one request still waits in the cache.
    assert ApiKeyUsage.objects.get(key=key, date=today).count == 6
    assert not ApiKeyUsage.objects.filter(key=other).exists()
    assert flush_all() == 2
    assert ApiKeyUsage.objects.get(key=key, date=today).count == 7
    assert ApiKeyUsage.objects.get(key=other, date=today).count == 1


def test_a_flush_is_one_update_statement(issue_key):
    key, _raw = issue_key()
    today = timezone.localdate()
    add_to_database(key.pk, today, 5)
    with CaptureQueriesContext(connection) as queries:
        add_to_database(key.pk, today, 5)
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert "UPDATE" in queries[0]["sql"].upper()
    assert ApiKeyUsage.objects.get(key=key).count == 10


def test_anonymous_requests_are_not_counted_as_key_usage(client, issue_key, settings):
    settings.EMBED_USAGE_FLUSH_EVERY = 1
    issue_key()
    client.get(GRAPHQL)
    assert ApiKeyUsage.objects.count() == 0


@pytest.mark.django_db
def test_admin_list_shows_usage_in_a_fixed_number_of_queries(client, issue_key):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    today = timezone.localdate()
    for number in range(3):
        key, _raw = issue_key(f"Key {number}")
        add_to_database(key.pk, today, 10 + number)

    def listing():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/admin/snippets/embed/apikey/")
        return response, len(queries)

    response, three = listing()
    assert response.status_code == 200
    html = response.content.decode()
    assert ">12<" in html.replace(" ", "").replace("\n", "")
    for number in range(3, 8):
        key, _raw = issue_key(f"Key {number}")
        add_to_database(key.pk, today, 1)
    _response, eight = listing()
    assert eight == three


def test_inspect_view_lists_usage_per_day(client, issue_key):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    key, _raw = issue_key()
    add_to_database(key.pk, timezone.localdate(), 42)
    response = client.get(f"/admin/snippets/embed/apikey/inspect/{key.pk}/")
    assert response.status_code == 200
    assert "42" in response.content.decode()


def test_flush_command_writes_pending_counters(client, issue_key, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.EMBED_USAGE_FLUSH_EVERY = 1000
    key, raw = issue_key()
    for _ in range(4):
        client.get(GRAPHQL, HTTP_X_API_KEY=raw)
    assert not ApiKeyUsage.objects.exists()
    out = StringIO()
    call_command("flush_api_usage", stdout=out)
    assert "4 requests written" in out.getvalue()
    assert ApiKeyUsage.objects.get(key=key).count == 4
