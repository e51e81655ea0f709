"""
Reader feedback: ``rateItem`` ("Was this helpful?") and ``reportMistake``.

They hand their input to ``freshness.feedback.submit``, which accepts public items only
(an unknown, unpublished, private or expired id answers ``ITEM_NOT_AVAILABLE`` alike),
checks the text and counts the hourly limits per client address and API key. Nothing of
the reader is asked for or stored. Like the offers' mutations they are never cached, run
in one transaction on the primary database, and answer a refusal with one coded error
whose ``extensions.fieldErrors`` names the input field.
"""

from typing import Annotated

import strawberry

from freshness.feedback import submit
from graphql_api.clients import client_of
from graphql_api.context import Info
from graphql_api.refusals import refusals_in


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
