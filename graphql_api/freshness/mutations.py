"""
Reader feedback: ``rateItem`` ("Was this helpful?") and ``reportMistake``.

They hand their input to ``freshness.feedback.submit``, which accepts public items only
(an unknown, unpublished, private or expired id answers ``ITEM_NOT_AVAILABLE`` alike),
checks the text and counts the hourly limits per client address and API key. Nothing of
the reader is asked for or stored. Like the offers' mutations they are never cached, run
in one transaction on the primary database, and answer a refusal with one coded error
whose ``extensions.fieldErrors`` names the input field.
"""

from contextlib import contextmanager
from typing import Annotated

import strawberry
from django.db import transaction
from django.utils import translation

from freshness.feedback import submit
from freshness.feedback.errors import FeedbackError
from graphql_api.clients import client_of
from graphql_api.context import Info
from graphql_api.errors import ApiError, ErrorCode
from translation import locales


class FeedbackRefused(ApiError):
    """A ``FeedbackError`` as the client sees it."""

    def __init__(self, error: FeedbackError):
        super().__init__(error.message, ErrorCode(error.code))
        self.extensions["field"] = error.field
        self.extensions["fieldErrors"] = [
            {"field": item.field, "code": str(item.code), "message": str(item.message)} for item in error.errors
        ]


@contextmanager
def refusals_in(language):
    """Messages in ``language`` (a content locale, else the request's), one transaction, coded refusals."""
    try:
        locales.get(language or "")
    except KeyError:
        language = translation.get_language() or locales.source_code()
    with translation.override(language):
        try:
            with transaction.atomic():
                yield
        except FeedbackError as error:
            raise FeedbackRefused(error) from None


@strawberry.type(name="FeedbackReceipt", description="Reader feedback was stored (it says nothing more).")
class FeedbackReceiptType:
    received: bool = True


ItemId = Annotated[
    strawberry.ID, strawberry.argument(description="The id of the guide, service, partner or event read (any translation).")
]
Language = Annotated[str | None, strawberry.argument(description="The language of error messages (a code of `locales`).")]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="'Was this helpful?': a reader's yes or no for a public item. No personal data.")
    def rate_item(self, info: Info, id: ItemId, helpful: bool, language: Language = None) -> FeedbackReceiptType:
        with refusals_in(language):
            submit.rate(page_id=id, helpful=helpful, client=client_of(info))
        return FeedbackReceiptType()

    @strawberry.mutation(
        description=(
            "'Report a mistake' on a public item, for its owner and the editorial team; never shown to the public."
            " Plain text, 3 to 1 000 characters, without e-mail addresses or phone numbers."
        )
    )
    def report_mistake(self, info: Info, id: ItemId, text: str, language: Language = None) -> FeedbackReceiptType:
        with refusals_in(language):
            submit.report_mistake(page_id=id, text=text, client=client_of(info))
        return FeedbackReceiptType()
