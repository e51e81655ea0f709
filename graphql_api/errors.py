"""
Errors a client may see, each with a machine-readable ``extensions.code``.

Anything that is not one of these (a bug, a database error) reaches the client only as
``INTERNAL_SERVER_ERROR`` with a generic message; the full traceback goes to the server
log (see ``graphql_api.schema.WelcomeSchema.process_errors``).
"""

import re
from enum import StrEnum

from graphql import GraphQLError

from public_content import InvalidRequest
from public_content.errors import database_unavailable


class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNKNOWN_LOCALE = "UNKNOWN_LOCALE"
    PAGE_SIZE_EXCEEDED = "PAGE_SIZE_EXCEEDED"
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
    QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
    PREVIEW_TOKEN_INVALID = "PREVIEW_TOKEN_INVALID"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    BAD_REQUEST = "BAD_REQUEST"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_REQUIRED = "PERSISTED_QUERY_REQUIRED"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
    # What the mutations refuse (offers.errors.Code, the same names).
    INVALID_INPUT = "INVALID_INPUT"
    SPAM_SUSPECTED = "SPAM_SUSPECTED"
    FORM_EXPIRED = "FORM_EXPIRED"
    TOO_MANY_SUBMISSIONS = "TOO_MANY_SUBMISSIONS"
    TOKEN_INVALID = "TOKEN_INVALID"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    LISTING_NOT_AVAILABLE = "LISTING_NOT_AVAILABLE"
    ROOM_NOT_AVAILABLE = "ROOM_NOT_AVAILABLE"
    # What reader feedback refuses besides (freshness.feedback.errors.Code).
    ITEM_NOT_AVAILABLE = "ITEM_NOT_AVAILABLE"


class ApiError(GraphQLError):
    """An error meant for the client: its message is safe to show and it has a code."""

    def __init__(self, message, code: ErrorCode, **kwargs):
        super().__init__(str(message), extensions={"code": str(code)}, **kwargs)
        self.code = code


# Messages of graphql-core and strawberry's own limiters, mapped to our codes.
_KNOWN_MESSAGES = [
    (re.compile(r"exceeds maximum operation depth"), ErrorCode.QUERY_TOO_DEEP),
    (re.compile(r"aliases found\. Allowed"), ErrorCode.TOO_MANY_ALIASES),
    (re.compile(r"more than \d+ tokens"), ErrorCode.QUERY_TOO_LARGE),
    (re.compile(r"^Syntax Error"), ErrorCode.GRAPHQL_PARSE_FAILED),
]


def classify(error: GraphQLError) -> GraphQLError:
    """
    Give ``error`` a code and mask what a client must not see, in place (the same error
    object may sit in several result lists), and return it.
    """
    extensions = dict(error.extensions or {})
    original = error.original_error
    if isinstance(original, ApiError):
        error.message = original.message
        extensions.update(original.extensions or {})
    elif isinstance(original, InvalidRequest):
        # The content rules' own refusals (an unknown locale, a radius too large).
        error.message = original.message
        extensions["code"] = str(original.code)
    elif extensions.get("code"):
        pass
    elif original is None:
        extensions["code"] = str(ErrorCode.GRAPHQL_VALIDATION_FAILED)
        for pattern, known in _KNOWN_MESSAGES:
            if pattern.search(error.message):
                extensions["code"] = str(known)
                break
    elif original is not None and database_unavailable(original):
        # The database is away for a moment: the view answers 503 with Retry-After.
        error.message = "The service is briefly unavailable. Please try again in a few seconds."
        extensions = {"code": str(ErrorCode.SERVICE_UNAVAILABLE)}
    elif isinstance(original, GraphQLError) and original.original_error is None:
        # graphql-core's own input coercion errors ("Variable '$x' got invalid value").
        extensions["code"] = str(ErrorCode.BAD_USER_INPUT)
    else:
        error.message = "Internal server error."
        extensions = {"code": str(ErrorCode.INTERNAL_SERVER_ERROR)}
    error.extensions = extensions
    return error
