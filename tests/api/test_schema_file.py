"""The committed schema.graphql is the API contract: it must match the code."""

from pathlib import Path

from strawberry.printer import print_schema

from graphql_api.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_file_matches_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == print_schema(schema), (
        "schema.graphql is out of date: run `make schema` and review the diff (it is the API contract)."
    )


CONTRACT_ROOT_FIELDS = {
    "locales", "topics", "page", "guides", "services", "partners", "events", "search",
    "guide", "service", "partner", "event", "place",
}


def test_contract_root_fields_exist():
    """PRODUCT.md names the root fields; renaming one breaks every front end."""
    query_type = schema._schema.query_type
    assert CONTRACT_ROOT_FIELDS <= set(query_type.fields)
