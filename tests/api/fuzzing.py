"""
Schema-driven fuzzing of /graphql/: valid queries built from ``schema.graphql`` by
hypothesis-graphql (with strategies for our scalars, hostile strings included), invalid
ones from its negative mode, and raw bodies a careless client might send. Shared by the
bounded test (tests/api/test_fuzz.py) and the long run (bench/fuzz_api.py).
"""

import datetime
import json
from pathlib import Path

from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes
from hypothesis_graphql import strategies as graphql_st

SCHEMA = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()

#: Text readers and attackers type: quotes, NUL, RTL marks, emoji, lone surrogates, SQL.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", "'", '"', "\\", "%", "_", "*", "' OR 1=1 --", "\u202e", "\ud800", "ال", "wohnen"]),
)

READER_TEXT = st.sampled_from(["de", "ar", "prs", "fa", "uk", "de-x-ls", "en", "wohnen", "arbeit", "Beratung", "Kita"])

SCALARS = {
    "DateTime": st.one_of(
        st.datetimes(
            min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31),
            timezones=st.one_of(st.none(), st.timezones()),
        ).map(lambda value: nodes.String(value.isoformat())),
        HOSTILE_TEXT.map(nodes.String),
    ),
    "Date": st.dates().map(lambda value: nodes.String(value.isoformat())),
    "Time": st.times().map(lambda value: nodes.String(value.isoformat())),
    "ID": st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(lambda n: nodes.String(str(n))), HOSTILE_TEXT.map(nodes.String)),
    # Real locale codes and slugs half the time, so valid queries reach the resolvers.
    "String": st.one_of(READER_TEXT, HOSTILE_TEXT).map(nodes.String),
}

valid_queries = graphql_st.queries(SCHEMA, custom_scalars=SCALARS, allow_x00=True)
invalid_queries = graphql_st.queries(SCHEMA, custom_scalars=SCALARS, mode=Mode.NEGATIVE)
raw_bodies = st.one_of(
    st.text(max_size=200),
    st.builds(json.dumps, st.one_of(st.none(), st.integers(), st.text(), st.lists(st.integers(), max_size=3))),
    st.builds(
        lambda query, variables: json.dumps({"query": query, "variables": variables}),
        st.text(max_size=100),
        st.one_of(st.none(), st.text(max_size=10), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3)),
    ),
)


def send(client, kind, payload):
    """POST one fuzz case; return (HTTP status, [error codes])."""
    if kind == "raw":
        response = client.post("/graphql/", payload, content_type="application/json")
    else:
        response = client.post("/graphql/", {"query": payload}, content_type="application/json")
    try:
        body = response.json()
    except ValueError:
        return response.status_code, ["<not JSON>"]
    errors = body.get("errors") or [] if isinstance(body, dict) else []
    return response.status_code, [(error.get("extensions") or {}).get("code") for error in errors]


def is_failure(status, codes):
    return status >= 500 or "INTERNAL_SERVER_ERROR" in codes or "<not JSON>" in codes or None in codes
