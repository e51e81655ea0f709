"""
A submission's refusal (``public_content.refusals.Refused``) as the client sees it, and the
frame every mutation runs in: messages in the input's language, one transaction (so its
reads come from the primary database, never a lagging replica: ``cms.routers``), and any
refusal turned into one coded GraphQL error listing every field error.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import translation
from strawberry.utils.str_converters import to_camel_case

from graphql_api.errors import ApiError, ErrorCode
from public_content.refusals import Refused
from translation import locales


class Refusal(ApiError):
    """``extensions``: ``code``, ``field`` (camelCase, as in the input) and ``fieldErrors``."""

    def __init__(self, error: Refused):
        super().__init__(error.message, ErrorCode(error.code))
        self.extensions["field"] = to_camel_case(error.field) if error.field else None
        self.extensions["fieldErrors"] = [
            {"field": to_camel_case(item.field) if item.field else None, "code": str(item.code), "message": str(item.message)}
            for item in error.errors
        ]


@contextmanager
def refusals_in(language):
    """Run a submission in ``language`` (a content locale, else the request's) and one transaction."""
    try:
        locales.get(language or "")
    except KeyError:
        language = translation.get_language() or locales.source_code()
    with translation.override(language):
        try:
            with transaction.atomic():
                yield
        except Refused as error:
            raise Refusal(error) from None
