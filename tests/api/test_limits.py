"""
Abuse limits: deep, alias-heavy, huge, costly and oversized queries are refused with a
clear code before a single SQL query runs.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.helpers import error_codes, gql


def refused(client, query, variables=None):
    """Run a query that must be refused; return its error codes, asserting no SQL ran."""
    with CaptureQueriesContext(connection) as captured:
        body = gql(client, query, variables)
    assert captured.captured_queries == [], [q["sql"] for q in captured.captured_queries]
    assert body.get("data") is None
    return error_codes(body)


def test_too_deep_query_is_refused(client, db):
    nested = "event { organiser { services { provider { services { provider { services { provider { title } } } } } } } }"
    query = f"{{ events {{ edges {{ node {{ {nested} }} }} }} }}"
    assert refused(client, query) == ["QUERY_TOO_DEEP"]


def test_a_thousand_aliases_are_refused_even_inside_fragments(client, db):
    aliases = " ".join(f"a{i}: __typename" for i in range(1000))
    assert refused(client, f"{{ {aliases} }}") == ["TOO_MANY_ALIASES"]
    in_fragment = " ".join(f"b{i}: code" for i in range(40))
    query = f"query {{ locales {{ ...F }} }} fragment F on Locale {{ {in_fragment} }}"
    assert refused(client, query) == ["TOO_MANY_ALIASES"]


def test_a_huge_document_is_refused(client, db):
    fields = " ".join(["code"] * 5000)
    assert refused(client, f"{{ locales {{ {fields} }} }}") == ["QUERY_TOO_LARGE"]


def test_ten_thousand_items_are_refused_literal_or_variable(client, db):
    assert refused(client, "{ guides(first: 10000) { edges { node { title } } } }") == ["PAGE_SIZE_EXCEEDED"]
    query = "query ($n: Int) { services(first: $n) { edges { node { title } } } }"
    assert refused(client, query, {"n": 10000}) == ["PAGE_SIZE_EXCEEDED"]
    query = "{ events(first: 10000) { totalCount } }"
    assert refused(client, query) == ["PAGE_SIZE_EXCEEDED"]


def test_costly_query_is_refused(client, db):
    node = "title slug urlPath locale summary availableLocales topics { name slug locale }"
    lists = " ".join(f"l{i}: guides(first: 100) {{ edges {{ node {{ {node} }} }} }}" for i in range(10))
    assert refused(client, f"{{ {lists} }}") == ["QUERY_TOO_COSTLY"]


def test_unknown_fields_get_no_suggestions(client, db):
    body = gql(client, "{ guidez { totalCount } }")
    assert error_codes(body) == ["GRAPHQL_VALIDATION_FAILED"]
    assert "Did you mean" not in body["errors"][0]["message"]


def test_invalid_size_is_a_validation_error_not_a_file(client, db):
    body = gql(client, '{ guides { edges { node { image { rendition(size: "width-5000") { url } } } } } }')
    assert error_codes(body) == ["GRAPHQL_VALIDATION_FAILED"]
