"""
Bad input never becomes an internal error: every refusal is a GraphQL error with a code,
HTTP 400 where the transport itself is wrong, and nothing a client sends is logged as a
server error.
"""

import json
import logging

import pytest

from tests.api.helpers import error_codes, gql

BAD_ARGUMENTS = {
    "malformed after cursor": ('{ guides(after: "zzz") { totalCount } }', "BAD_USER_INPUT"),
    "cursor of another kind": ('{ guides(after: "YXJyYXljb25uZWN0aW9uOmFiYw==") { totalCount } }', "BAD_USER_INPUT"),
    "malformed before cursor": ('{ partners(before: "%%%") { totalCount } }', "BAD_USER_INPUT"),
    "events cursor": ('{ events(after: "zzz") { totalCount } }', "BAD_USER_INPUT"),
    "search cursor": ('{ search(query: "Wohnung", after: "zzz") { totalCount } }', "BAD_USER_INPUT"),
    "events from year 9999": ('{ events(from: "9999-12-31T00:00:00+00:00") { totalCount } }', "BAD_USER_INPUT"),
    "events to year 9999": ('{ events(to: "9999-12-31T00:00:00+00:00") { totalCount } }', "BAD_USER_INPUT"),
    "events from year 1": ('{ events(from: "0001-01-01T00:00:00+00:00") { totalCount } }', "BAD_USER_INPUT"),
    "openAt year 9999": ('{ services(openAt: "9999-12-31T23:59:59+00:00") { totalCount } }', "BAD_USER_INPUT"),
    "empty locale": ("{ guides(locale: \"\") { totalCount } }", "UNKNOWN_LOCALE"),
    "empty locale of labels": ('{ interfaceLabels(locale: "") { key } }', "UNKNOWN_LOCALE"),
    "NUL in search": ('{ search(query: "a\\u0000b") { totalCount } }', "BAD_USER_INPUT"),
    "NUL in a list's search": ('{ guides(search: "a\\u0000b") { totalCount } }', "BAD_USER_INPUT"),
    "only spaces": ('{ search(query: "   ") { totalCount } }', "BAD_USER_INPUT"),
    "only punctuation in a list's search": ('{ services(search: "\\"()*") { totalCount } }', "BAD_USER_INPUT"),
    "thousands of words": ('{ guides(search: "%s") { totalCount } }' % ("wort " * 3000), "BAD_USER_INPUT"),
    "infinite latitude": ("{ services(near: {lat: 1e400, lon: 0, km: 1}) { totalCount } }", "BAD_USER_INPUT"),
    "occurrences over too many days": (
        '{ events { edges { node { event { occurrences(days: 10000) { start } } } } } }', None
    ),
}


@pytest.mark.parametrize("query, code", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_bad_arguments_get_a_coded_error(client, site_tree, caplog, query, code):
    with caplog.at_level(logging.WARNING, logger="graphql_api"):
        body = gql(client, query)
    assert body["_response"].status_code == 200
    if code is not None:
        assert error_codes(body) == [code], body.get("errors")
    assert "INTERNAL_SERVER_ERROR" not in error_codes(body)
    assert [record for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_days_beyond_a_year_are_refused_not_clamped(client, site_tree):
    from tests.factories import EventPageFactory, PlaceFactory

    EventPageFactory(parent=site_tree.events, place=PlaceFactory())
    body = gql(client, '{ events { edges { node { event { occurrences(days: 400) { start } } } } } }')
    assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    "query",
    [
        '{ guide(id: "99999999999999999999999") { title } }',
        '{ page(id: "-5") { title } }',
        '{ place(id: "18446744073709551616") { name } }',
    ],
)
def test_ids_beyond_64_bits_find_nothing(client, site_tree, query):
    body = gql(client, query)
    assert "errors" not in body
    assert list(body["data"].values()) == [None]


def test_an_id_beyond_64_bits_filters_to_nothing(client, site_tree):
    body = gql(client, '{ services(partner: "99999999999999999999999") { totalCount } }')
    assert body["data"] == {"services": {"totalCount": 0}}


def test_search_syntax_is_searched_as_words(client, site_tree):
    body = gql(client, """{ search(query: "\\"Wohnung' OR (Kita*") { totalCount } }""")
    assert "errors" not in body and body["data"]["search"]["totalCount"] == 0


def test_a_date_time_without_an_offset_is_leipzig_time(client, site_tree):
    from tests.factories import EventPageFactory, PlaceFactory
    import datetime
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    EventPageFactory(
        parent=site_tree.events, place=PlaceFactory(),
        start=datetime.datetime(2026, 7, 1, 18, tzinfo=berlin), end=datetime.datetime(2026, 7, 1, 20, tzinfo=berlin),
    )
    # Read as UTC, 19:30–23:00 would start after the event's end (20:00 Leipzig, 18:00 UTC).
    late = gql(client, '{ events(from: "2026-07-01T19:30:00", to: "2026-07-01T23:00:00") { edges { node { start } } } }')
    assert late["data"]["events"]["edges"] == [{"node": {"start": "2026-07-01T18:00:00+02:00"}}]
    # Read as UTC, 16:00–17:00 would be 18:00–19:00 in Leipzig and hold the event.
    early = gql(client, '{ events(from: "2026-07-01T16:00:00", to: "2026-07-01T17:00:00") { totalCount } }')
    assert early["data"]["events"]["totalCount"] == 0


TRANSPORT = {
    "a bare JSON string": dict(data='"hello"', content_type="application/json"),
    "a JSON number": dict(data="42", content_type="application/json"),
    "broken JSON": dict(data="{", content_type="application/json"),
    "a batch": dict(data='[{"query": "{ locales { code } }"}]', content_type="application/json"),
    "form-encoded": dict(data="query=%7B+locales+%7B+code+%7D+%7D", content_type="application/x-www-form-urlencoded"),
    "plain text": dict(data="{ locales { code } }", content_type="text/plain"),
    "no query": dict(data=json.dumps({"variables": {}}), content_type="application/json"),
    "variables not an object": dict(data=json.dumps({"query": "{ locales { code } }", "variables": "x"}), content_type="application/json"),
    "unknown operation name": dict(
        data=json.dumps({"query": "query A { locales { code } }", "operationName": "B"}), content_type="application/json"
    ),
}


@pytest.mark.parametrize("request_kwargs", TRANSPORT.values(), ids=TRANSPORT.keys())
def test_requests_the_transport_cannot_take_get_a_coded_400(client, db, request_kwargs):
    response = client.post("/graphql/", **request_kwargs)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["data"] is None
    assert error_codes(body) == ["BAD_REQUEST"]
    assert body["errors"][0]["message"]


def test_a_mutation_over_get_and_an_empty_get_get_a_coded_400(client, db):
    for params in ({"query": "mutation { x }"}, {}, {"query": "{ locales { code } }", "variables": "x"}):
        response = client.get("/graphql/", params, headers={"Accept": "application/json"})
        assert response.status_code == 400
        assert error_codes(response.json()) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    "query, variables",
    [
        ('{ guide(slug: "a\\u0000b") { title } }', None),
        ('query ($s: String) { page(urlPath: $s) { title } }', {"s": "/a\x00/"}),
        ('query ($t: String) { guides(topic: $t) { totalCount } }', {"t": "\x00"}),
        ('query ($l: String) { events(locale: $l) { totalCount } }', {"l": "de\x00"}),
    ],
)
def test_text_no_database_can_store_is_refused_before_any_sql(client, site_tree, query, variables):
    from tests.api.helpers import count_queries

    with count_queries() as queries:
        body = gql(client, query, variables)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert [q for q in queries.captured_queries if "wagtailcore_page" in q["sql"]] == []
