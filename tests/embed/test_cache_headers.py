"""
What caches may keep of the API and the feeds: a deleted key is refused at once (its cached
lookup goes with it), keyed answers vary by Origin, and no answer of /graphql/ or /feeds/
varies by Accept-Language (their language comes from the query), while other pages still do.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from embed.middleware import ApiAccessMiddleware
from embed.models import ApiKey
from tests.factories import TopicFactory

GRAPHQL = "/graphql/?query=%7B__typename%7D"
ORIGIN = "https://verein.example.org"


def vary(response):
    return [value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()]


# A deleted key ---------------------------------------------------------------------


def test_a_deleted_key_is_refused_at_once(client, issue_key):
    key, raw = issue_key()
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200  # its lookup is now cached
    key.delete()
    response = client.get(GRAPHQL, HTTP_X_API_KEY=raw)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_API_KEY"
    # Not by the query parameter either.
    assert client.get(f"{GRAPHQL}&key={raw}").status_code == 401


def test_keys_deleted_in_bulk_are_refused_at_once(client, issue_key):
    keys = [issue_key(name) for name in ("A", "B")]
    for _key, raw in keys:
        assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200
    ApiKey.objects.filter(pk__in=[key.pk for key, _raw in keys]).delete()
    for _key, raw in keys:
        assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 401


def test_a_key_deleted_in_the_admin_is_refused_at_once(client, issue_key):
    key, raw = issue_key()
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    response = client.post(f"/admin/snippets/embed/apikey/delete/{key.pk}/")
    assert response.status_code == 302
    assert not ApiKey.objects.filter(pk=key.pk).exists()
    client.logout()
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 401


def test_the_cached_lookup_is_dropped_again_when_the_deletion_commits(
    client, issue_key, django_capture_on_commit_callbacks
):
    """A request between the delete and the commit may cache the old row: the commit clears it."""
    key, raw = issue_key()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        key.delete()
        # Another request, still seeing the row (its transaction has not committed), caches it.
        cache.set(ApiKey.cache_key(key.prefix), "stale", 60)
    assert callbacks
    for callback in callbacks:
        callback()
    assert cache.get(ApiKey.cache_key(key.prefix)) is None


# Vary: Origin ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    [None, "http://testserver", ORIGIN],
    ids=["no-origin", "same-origin", "allowed-origin"],
)
def test_every_keyed_answer_varies_by_origin(client, issue_key, origin):
    """With or without a CORS grant, the same URL answers differently per Origin."""
    _key, raw = issue_key(origins=ORIGIN)
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    by_parameter = client.get(f"{GRAPHQL}&key={raw}", **headers)
    by_header = client.get(GRAPHQL, HTTP_X_API_KEY=raw, **headers)
    for response in (by_parameter, by_header):
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=60"
        assert vary(response).count("origin") == 1
        assert ("Access-Control-Allow-Origin" in response) == (origin == ORIGIN)


def test_a_refused_origin_varies_by_origin_too(client, issue_key):
    _key, raw = issue_key(origins=ORIGIN)
    response = client.get(f"{GRAPHQL}&key={raw}", HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 403
    assert "origin" in vary(response)


def test_a_rate_limited_keyed_answer_varies_by_origin(client, issue_key):
    _key, raw = issue_key(origins=ORIGIN, limit=1)
    client.get(GRAPHQL, HTTP_X_API_KEY=raw, HTTP_ORIGIN=ORIGIN)
    response = client.get(GRAPHQL, HTTP_X_API_KEY=raw, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 429
    assert vary(response) == ["origin"]
    assert response["Access-Control-Allow-Origin"] == ORIGIN


def test_keyed_feeds_vary_by_origin(client, issue_key, site_tree):
    TopicFactory(slug="wohnen")
    _key, raw = issue_key(origins=ORIGIN)
    response = client.get(f"/feeds/events/topic/wohnen.ics?key={raw}", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert vary(response) == ["origin"]


def test_anonymous_answers_do_not_depend_on_the_origin(client, db):
    """No key, no CORS grant whatever the Origin: one cached copy serves every origin."""
    for headers in ({}, {"HTTP_ORIGIN": ORIGIN}):
        response = client.get(GRAPHQL, **headers)
        assert response.status_code == 200
        assert "origin" not in vary(response)


# Vary: Accept-Language --------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "en-GB,en;q=0.8", "de"])
def test_graphql_answers_do_not_vary_by_accept_language(client, db, language):
    get = client.get(GRAPHQL, HTTP_ACCEPT_LANGUAGE=language)
    post = client.post(
        "/graphql/", {"query": "{ __typename }"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
    )
    error = client.get("/graphql/?query=%7Bnothing%7D", HTTP_ACCEPT_LANGUAGE=language)
    for response in (get, post, error):
        assert "accept-language" not in vary(response)
        assert "Content-Language" not in response
    assert get["Cache-Control"] == "public, max-age=60"


def test_keyed_graphql_answers_keep_vary_origin_only(client, issue_key):
    _key, raw = issue_key(origins=ORIGIN)
    response = client.get(f"{GRAPHQL}&key={raw}", HTTP_ORIGIN=ORIGIN, HTTP_ACCEPT_LANGUAGE="ar")
    assert vary(response) == ["origin"]


def test_feeds_do_not_vary_by_accept_language(client, site_tree):
    TopicFactory(slug="wohnen")
    for url in (
        "/feeds/events/topic/wohnen.ics?locale=ar",  # 200
        "/feeds/events/topic/none.ics",  # 404
        "/feeds/events/topic/wohnen.ics?locale=xx",  # 400
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code in {200, 400, 404}
        assert "accept-language" not in vary(response), url
        assert "Content-Language" not in response, url
    feed = client.get("/feeds/events/topic/wohnen.ics", HTTP_ACCEPT_LANGUAGE="ar")
    assert feed.status_code == 200 and feed["Cache-Control"] == "public, max-age=900"


def test_other_vary_values_are_kept():
    """Only Accept-Language goes: Cookie, Origin or anything a view adds stays, in order."""
    request = RequestFactory().get("/graphql/")
    request.LANGUAGE_CODE = "ar"
    response = HttpResponse()
    response["Vary"] = "Cookie, Accept-Language, Origin"
    response["Content-Language"] = "ar"
    ApiAccessMiddleware.drop_language_negotiation(request, response)
    assert response["Vary"] == "Cookie, Origin"
    assert "Content-Language" not in response

    only = HttpResponse()
    only["Vary"] = "accept-language"
    ApiAccessMiddleware.drop_language_negotiation(request, only)
    assert "Vary" not in only

    chosen = HttpResponse()
    chosen["Content-Language"] = "fa"  # a view that names its content's language keeps it
    ApiAccessMiddleware.drop_language_negotiation(request, chosen)
    assert chosen["Content-Language"] == "fa"


def test_admin_and_kiosk_pages_still_vary_by_accept_language(client, db):
    """The admin's and the kiosk shell's language do come from the browser."""
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "accept-language" in vary(login) and "cookie" in vary(login)
    assert login["Content-Language"] == "en"
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert "accept-language" in vary(dashboard)
    # Not an API path: untouched (a 404 of the kiosk app goes through LocaleMiddleware as well).
    assert "accept-language" in vary(client.get("/kiosk/nowhere/", HTTP_ACCEPT_LANGUAGE="ar"))
