"""
The API's mutations: what the public may submit (PRODUCT.md, *Mutations*).

Each one hands its input to ``offers.submissions`` (which checks the form token, the
honeypot, every field and the hourly limits) and answers only what happens next. A
refusal is one GraphQL error with the code of ``offers.errors.Code``; a refusal of
fields lists every field error in ``extensions.fieldErrors`` (``field`` is the input's
camelCase name), so a form can show them all at once. Messages are in the ``language``
of the input.

Mutations are never cached: the response cache keys queries only, strawberry refuses
them over GET, and a POST answer is ``no-store``. Each runs in a transaction, so it
reads the primary database even where the API's reads go to a replica.
"""


import strawberry
from django.conf import settings

from directory.models import PartnerPage
from graphql_api.clients import client_of
from graphql_api.context import Info
from graphql_api.offers.inputs import (
    AnswerListingInput,
    ConfirmationType,
    ConfirmedSubjectEnum,
    OutcomeEnum,
    ReceiptType,
    ReportListingInput,
    RequestRoomInput,
    SendMessageInput,
    SubmissionFormType,
    SubmitListingInput,
)
from graphql_api.refusals import refusals_in
from offers import spam, submissions


def partner_of(info: Info):
    """The partner of the request's API key: what comes through their site is addressed to them."""
    key = getattr(info.context.request, "api_key", None)
    partner_id = getattr(key, "partner_id", None)
    return PartnerPage.objects.filter(pk=partner_id).first() if partner_id else None


SENT = ReceiptType(outcome=OutcomeEnum.CONFIRMATION_SENT)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="A form token: fetch it when a form is shown, send it back with the form.")
    def start_submission(self) -> SubmissionFormType:
        return SubmissionFormType(
            token=spam.new_form_token(),
            min_fill_seconds=settings.OFFERS_MIN_FILL_SECONDS,
            honeypot_field=spam.HONEYPOT_FIELD,
        )

    @strawberry.mutation(description="Submit an offer or a request; published after e-mail confirmation and moderation.")
    def submit_listing(self, info: Info, input: SubmitListingInput) -> ReceiptType:
        with refusals_in(input.language):
            submissions.submit_listing(
                direction=input.direction.value,
                kind=input.kind.value,
                title=input.title,
                description=input.description,
                name=input.name,
                email=input.email,
                phone=input.phone,
                organisation=input.organisation,
                language=input.language,
                accept_privacy=input.accept_privacy,
                topics=input.topics,
                district=input.district.value if input.district else "",
                languages=input.languages,
                valid_until=input.valid_until,
                form_token=input.form_token,
                honeypot=input.website,
                client=client_of(info),
                partner=partner_of(info),
            )
        return SENT

    @strawberry.mutation(description="Open the link of a confirmation e-mail (a listing, a room request, an answer).")
    def confirm_submission(self, token: str, language: str = "de") -> ConfirmationType:
        with refusals_in(language):
            confirmed = submissions.confirm(token)
        return ConfirmationType(
            subject=ConfirmedSubjectEnum(str(confirmed.purpose)), title=confirmed.title, already_confirmed=confirmed.already
        )

    @strawberry.mutation(description="Answer a public listing: relayed by e-mail once your address is confirmed.")
    def answer_listing(self, info: Info, input: AnswerListingInput) -> ReceiptType:
        with refusals_in(input.language):
            submissions.start_conversation(
                listing_id=input.listing_id,
                reader_email=input.email,
                text=input.text,
                language=input.language,
                accept_privacy=input.accept_privacy,
                form_token=input.form_token,
                honeypot=input.website,
                client=client_of(info),
            )
        return SENT

    @strawberry.mutation(description="Continue a conversation through the token of its latest e-mail.")
    def send_message(self, info: Info, input: SendMessageInput) -> ReceiptType:
        with refusals_in(input.language):
            message = submissions.send_message(token=input.token, text=input.text, client=client_of(info))
        forwarded = message.relayed_at is not None
        return ReceiptType(outcome=OutcomeEnum.FORWARDED if forwarded else OutcomeEnum.WAITING_FOR_CONFIRMATION)

    @strawberry.mutation(description="Report a public listing to the moderators.")
    def report_listing(self, info: Info, input: ReportListingInput) -> ReceiptType:
        with refusals_in(input.language):
            submissions.report_listing(
                listing_id=input.listing_id,
                reason=input.reason.value,
                text=input.text,
                form_token=input.form_token,
                honeypot=input.website,
                client=client_of(info),
            )
        return ReceiptType(outcome=OutcomeEnum.RECEIVED)

    @strawberry.mutation(description="Ask for a room of the Stadthaus for a group's event.")
    def request_room(self, info: Info, input: RequestRoomInput) -> ReceiptType:
        with refusals_in(input.language):
            submissions.request_room(
                room_id=input.room_id,
                group_name=input.group_name,
                title=input.title,
                description=input.description,
                start=input.start,
                end=input.end,
                attendees=input.attendees,
                name=input.name,
                email=input.email,
                phone=input.phone,
                organisation=input.organisation,
                language=input.language,
                accept_privacy=input.accept_privacy,
                form_token=input.form_token,
                honeypot=input.website,
                client=client_of(info),
                partner=partner_of(info),
            )
        return SENT
