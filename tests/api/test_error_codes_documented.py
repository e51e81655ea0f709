"""docs/api.md's error table names every code the API and its middleware can return."""

import re
from pathlib import Path

from graphql_api.errors import ErrorCode
from public_content.errors import Problem

ROOT = Path(__file__).resolve().parents[2]


def codes_in_code():
    codes = {str(code) for code in ErrorCode} | {str(code) for code in Problem}
    middleware = (ROOT / "embed" / "middleware.py").read_text()
    codes |= set(re.findall(r'"([A-Z][A-Z_]+)",\s*\d{3}', middleware))
    return codes


def test_every_code_is_in_the_error_table():
    documented = set(re.findall(r"`([A-Z][A-Z_]+)`", (ROOT / "docs" / "api.md").read_text()))
    codes = codes_in_code()
    assert {"RATE_LIMITED", "ORIGIN_NOT_ALLOWED", "INVALID_API_KEY", "API_KEY_REVOKED"} <= codes
    assert codes - documented == set()
