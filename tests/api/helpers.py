"""Helpers of the API tests: run a query through the real view, count SQL, translate."""

import json
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import locale


def gql(client, query, variables=None, method="post", headers=None):
    """Run ``query`` against /graphql/ and return the decoded JSON body."""
    headers = headers or {}
    if method == "get":
        params = {"query": query}
        if variables:
            params["variables"] = json.dumps(variables)
        response = client.get("/graphql/", params, headers=headers)
    else:
        response = client.post(
            "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json",
            headers=headers,
        )
    body = response.json()
    body["_response"] = response
    return body


def data(client, query, variables=None, **kwargs):
    """Like ``gql`` but fails on any error and returns ``data``."""
    body = gql(client, query, variables, **kwargs)
    assert not body.get("errors"), body.get("errors")
    return body["data"]


def error_codes(body):
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


@contextmanager
def count_queries():
    """Yield a context whose ``captured_queries`` lists the SQL run inside it."""
    with CaptureQueriesContext(connection) as context:
        yield context


def assert_same_query_count(small, large):
    """Compare two captured contexts and print both SQL lists when they differ."""
    if len(small.captured_queries) != len(large.captured_queries):
        def dump(context):
            return "\n".join(f"  {i}. {q['sql']}" for i, q in enumerate(context.captured_queries, 1))

        raise AssertionError(
            f"{len(small.captured_queries)} queries for the small list, "
            f"{len(large.captured_queries)} for the large one.\n"
            f"small:\n{dump(small)}\nlarge:\n{dump(large)}"
        )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, code, **changes):
    """A published translation of ``page`` in locale ``code`` (parents become aliases)."""
    translation = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def translate_snippet(obj, code, **changes):
    translation = obj.copy_for_translation(locale(code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return translation
