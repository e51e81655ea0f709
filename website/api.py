"""
The website reads the public API in-process.

Each page runs one of the GraphQL documents in ``website/queries/`` against the API's own
schema, with the context a request to ``/graphql/`` would get. So the website shows
exactly what the API answers (visibility, locale fallback, machine-translation flags) and
never what it would hide, and the documents are the ones a front end of its own would
send. Nothing goes over HTTP: no second request.

Answers go through the API's response cache (``graphql_api.response_cache``) under the
key a GET of the same document and variables would have, tagged by what they read and
purged on publication like every other answer: a page whose answers are cached costs
its templates only. Views pass times rounded to the minute, so the answers stay reusable.
"""

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import BadRequest
from django.http import HttpResponse

from graphql_api import response_cache
from graphql_api.context import Context
from graphql_api.errors import ErrorCode, classify
from public_content import dependencies

DOCUMENTS = Path(__file__).resolve().parent / "queries"
#: What a reader may have sent wrong (a search text, a filter): answered with 400, not 500.
READER_ERRORS = {str(ErrorCode.BAD_USER_INPUT), str(ErrorCode.UNKNOWN_LOCALE), str(ErrorCode.PAGE_SIZE_EXCEEDED)}


@cache
def document(name: str) -> str:
    """The text of ``website/queries/<name>.graphql``."""
    return (DOCUMENTS / f"{name}.graphql").read_text(encoding="utf-8")


class ReaderError(BadRequest):
    """The API refused what the reader asked for; ``message`` is safe to show."""


def run(request, name: str, **variables) -> dict:
    """
    The ``data`` of document ``name`` with ``variables``, as the API would answer it.
    ``ReaderError`` when the API refuses the reader's input; any other error is raised
    (the server's 500 page, and the full error in the log).
    """
    key = None
    if response_cache.enabled():
        from graphql_api.views import RELEASE

        key = response_cache.request_key(request.get_host(), document(name), variables, None, release=RELEASE)
        entry = response_cache.get(key)
        if entry is not None:
            return json.loads(entry.body)["data"]
        generation = response_cache.generation()
    with dependencies.recording() as read:
        data, context = execute(request, name, variables)
    if key is not None and not context.served_preview:
        response_cache.put(key, json.dumps({"data": data}).encode(), read, started_at_generation=generation)
    return data


class Refused(Exception):
    """
    A mutation refused what the reader sent: ``code``, ``message`` (in the reader's
    language) and ``fields``, the message of each refused input field by its name.
    """

    def __init__(self, code, message, fields):
        super().__init__(message)
        self.code, self.message, self.fields = code, message, fields


def mutate(request, name: str, **variables) -> dict:
    """
    The ``data`` of the mutation document ``name``, run in-process as the website's own
    submission (channel "website"; the client address as embed's middleware reads it for
    the API). Never cached. ``Refused`` when the API refuses the reader's input.
    """
    from embed.middleware import client_address

    request.client_address = client_address(request)
    data, errors, _context = _execute(request, name, variables, channel="website")
    if errors:
        extensions = errors[0].extensions or {}
        code = extensions.get("code")
        if code in READER_ERRORS or "fieldErrors" in extensions:
            fields = {item["field"]: item["message"] for item in extensions.get("fieldErrors", []) if item["field"]}
            raise Refused(code, errors[0].message, fields)
        _raise(errors[0])
    return data


def execute(request, name, variables):
    """Run document ``name``: its data and the request context it ran in."""
    data, errors, context = _execute(request, name, variables)
    if errors:
        refused = [error for error in errors if (error.extensions or {}).get("code") in READER_ERRORS]
        if refused and len(refused) == len(errors):
            raise ReaderError(refused[0].message)
        _raise(errors[0])
    return data, context


def _execute(request, name, variables, *, channel="api"):
    """Document ``name`` run with the context ``/graphql/`` gives: data, coded errors, context."""
    from graphql_api.schema import schema  # the schema is built on first use, not at import

    context = Context(request=request, response=HttpResponse(), channel=channel)
    result = schema.execute_sync(document(name), variable_values=variables, context_value=context)
    return result.data, [classify(error) for error in result.errors or ()], context


def _raise(error):
    """An error that is not the reader's: the original exception (the server's 500 and its log)."""
    raise error.original_error if error.original_error is not None else RuntimeError(error.message)
