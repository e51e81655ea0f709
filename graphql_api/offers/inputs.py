"""
Inputs and answers of the API's mutations (``graphql_api.offers.mutations``).

An answer never echoes what identifies a person: no e-mail address, name or phone, and
no id of something unconfirmed; only what happened next ("check your e-mail").
"""

import datetime
from enum import Enum

import strawberry

from graphql_api.offers.enums import DistrictEnum, ListingDirectionEnum, ListingKindEnum

HONEYPOT = strawberry.field(
    default="",
    description="A spam trap: forms show this field to robots only (hidden from people and screen readers); it must stay empty.",
)
FORM_TOKEN = strawberry.field(description="The token of `startSubmission`, fetched when the form was shown.")
LANGUAGE = strawberry.field(description="The writer's language (a code of `locales`): e-mails and error messages use it.")
PRIVACY = strawberry.field(description="The writer agreed to the privacy terms; must be true.")


@strawberry.input(name="SubmitListingInput", description="An offer of help or a request for it.")
class SubmitListingInput:
    direction: ListingDirectionEnum
    kind: ListingKindEnum
    title: str = strawberry.field(description="Plain text, 3 to 120 characters, one line.")
    description: str = strawberry.field(description="Plain text, 10 to 2 000 characters; at most 3 links.")
    name: str = strawberry.field(description="For the moderators only, never public.")
    email: str = strawberry.field(description="The confirmation link is sent here; never public.")
    language: str = LANGUAGE
    accept_privacy: bool = PRIVACY
    form_token: str = FORM_TOKEN
    phone: str = strawberry.field(default="", description="Optional; for the moderators only, never public.")
    organisation: str = strawberry.field(default="", description="Optional: an employer, a landlord, a group.")
    topics: list[str] = strawberry.field(default_factory=list, description="Topic slugs (`topics`), at most 5.")
    district: DistrictEnum | None = None
    languages: list[str] = strawberry.field(
        default_factory=list, description="Codes of `spokenLanguages` in which one can be contacted, at most 10."
    )
    valid_until: datetime.date | None = strawberry.field(
        default=None, description="The last day; within a year. The listing ends 60 days after approval at the latest."
    )
    website: str = HONEYPOT


@strawberry.input(name="AnswerListingInput", description="A first message to the author of a public listing.")
class AnswerListingInput:
    listing_id: strawberry.ID
    text: str = strawberry.field(description="Plain text, 2 to 2 000 characters.")
    email: str = strawberry.field(description="Where the answer reaches you; confirmed first, never shown to the author.")
    language: str = LANGUAGE
    accept_privacy: bool = PRIVACY
    form_token: str = FORM_TOKEN
    website: str = HONEYPOT


@strawberry.input(name="SendMessageInput", description="The next message of a conversation, from either side.")
class SendMessageInput:
    token: str = strawberry.field(description="The token of the link in the last e-mail of the conversation.")
    text: str = strawberry.field(description="Plain text, 2 to 2 000 characters.")
    language: str = LANGUAGE


@strawberry.enum(name="ReportReason", description="Why a reader reports a listing.")
class ReportReasonEnum(Enum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    FRAUD = "fraud"
    PERSONAL_DATA = "personal-data"
    OUTDATED = "outdated"
    OTHER = "other"


@strawberry.input(name="ReportListingInput", description="A reader's report of a public listing, for the moderators.")
class ReportListingInput:
    listing_id: strawberry.ID
    reason: ReportReasonEnum
    form_token: str = FORM_TOKEN
    text: str = strawberry.field(default="", description="Optional details, plain text, up to 1 000 characters.")
    language: str = strawberry.field(default="de", description="The language of error messages.")
    website: str = HONEYPOT


@strawberry.input(name="RequestRoomInput", description="A group asks for a room of the Stadthaus for its event.")
class RequestRoomInput:
    room_id: strawberry.ID = strawberry.field(description="A room of `bookableRooms`.")
    group_name: str = strawberry.field(description="Shown as the organiser once the event is published.")
    title: str = strawberry.field(description="The event's title, 3 to 200 characters.")
    start: datetime.datetime = strawberry.field(description="In the future; without an offset: Leipzig time.")
    end: datetime.datetime = strawberry.field(description="After the start, at most 12 hours later.")
    attendees: int = strawberry.field(description="Expected people, at most the room's capacity.")
    name: str
    email: str
    language: str = LANGUAGE
    accept_privacy: bool = PRIVACY
    form_token: str = FORM_TOKEN
    description: str = ""
    phone: str = ""
    organisation: str = ""
    website: str = HONEYPOT


@strawberry.type(name="SubmissionForm", description="What a form needs before it is shown.")
class SubmissionFormType:
    token: str = strawberry.field(description="Send it back with the form; valid after `minFillSeconds`, for a day.")
    min_fill_seconds: int
    honeypot_field: str = strawberry.field(description="The name of the spam-trap input to hide from people.")


@strawberry.enum(name="SubmissionOutcome", description="What happens next.")
class OutcomeEnum(Enum):
    #: Check your e-mail: nothing goes further before the link in it is opened.
    CONFIRMATION_SENT = "confirmation_sent"
    #: Stored for the moderators (a report).
    RECEIVED = "received"
    #: Forwarded to the other side of the conversation.
    FORWARDED = "forwarded"
    #: Stored; forwarded once the reader confirmed their address.
    WAITING_FOR_CONFIRMATION = "waiting_for_confirmation"


@strawberry.type(name="SubmissionReceipt")
class ReceiptType:
    outcome: OutcomeEnum


@strawberry.enum(name="ConfirmedSubject", description="What a confirmation link confirmed.")
class ConfirmedSubjectEnum(Enum):
    LISTING = "listing"
    ROOM_REQUEST = "room"
    ANSWER = "reader"


@strawberry.type(name="Confirmation")
class ConfirmationType:
    subject: ConfirmedSubjectEnum
    title: str = strawberry.field(description="The title of what was confirmed, for the page that says so.")
    already_confirmed: bool = strawberry.field(description="The link had been opened before; nothing changed.")
