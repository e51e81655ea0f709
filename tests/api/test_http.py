"""The /graphql/ endpoint: GET and POST, caching headers, masked errors, switches."""

import logging
from unittest import mock

from graphql_api.schema import build_schema
from tests.api.helpers import error_codes, gql

LOCALES = "{ locales { code } }"


def test_get_queries_are_publicly_cacheable_and_post_is_not(client, db):
    body = gql(client, LOCALES, method="get")
    assert body["data"]["locales"][0] == {"code": "de"}
    assert body["_response"]["Cache-Control"] == "public, max-age=60"
    assert gql(client, LOCALES)["_response"]["Cache-Control"] == "no-store"


def test_errors_are_not_cached(client, db):
    body = gql(client, '{ topics(locale: "xx") { name } }', method="get")
    assert error_codes(body) == ["UNKNOWN_LOCALE"]
    assert body["_response"]["Cache-Control"] == "no-store"


def test_unexpected_errors_are_masked_for_clients_and_logged_in_full(client, db, caplog):
    with mock.patch("graphql_api.locales.schema.LocaleType", side_effect=RuntimeError("secret SQL detail")):
        with caplog.at_level(logging.ERROR, logger="graphql_api"):
            body = gql(client, LOCALES)
    assert body["errors"][0]["message"] == "Internal server error."
    assert error_codes(body) == ["INTERNAL_SERVER_ERROR"]
    assert "secret" not in str(body["errors"])
    assert any("secret SQL detail" in (record.exc_text or "") or record.exc_info for record in caplog.records)


def test_batched_requests_are_refused(client, db):
    response = client.post("/graphql/", [{"query": LOCALES}, {"query": LOCALES}], content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["data"] is None
    assert error_codes(body) == ["BAD_REQUEST"]


def test_introspection_can_be_switched_off():
    query = "{ __schema { queryType { name } } }"
    assert build_schema(introspection=True).execute_sync(query).errors is None
    result = build_schema(introspection=False).execute_sync(query)
    assert result.errors and result.data is None
