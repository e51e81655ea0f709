"""
What the public submits, up to the moment it waits for a moderator.

Every entry point runs the same steps in the same order: the form (honeypot, form token:
``offers.spam``), the fields (all errors at once: ``offers.validation``), the hourly
limits, then it stores the submission as ``UNCONFIRMED`` and e-mails a confirmation link
(``offers.tokens``). Nothing reaches moderation, and nothing is forwarded to anyone,
before the address owner opened that link: ``confirm`` moves it on, idempotently.

Conversations live in ``offers.relay`` and room requests in ``offers.room_requests``;
their functions are re-exported here, the submission side's one front door.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers import links, mail, people, spam, validation
from offers.choices import Direction, District, Kind, ReportReason, Status
from offers.errors import Code, Errors, SubmissionError
from offers.models import Listing, Report
from offers.models.listings import DESCRIPTION_MAX_LENGTH
from offers.relay import confirm_reader, public_listing, send_message, start_conversation
from offers.room_requests import confirm_room_request, request_room
from offers.tokens import Purpose, read_confirmation_token
from taxonomy.models import SpokenLanguage, Topic
from translation import locales

__all__ = [
    "Confirmed",
    "confirm",
    "confirm_reader",
    "confirm_room_request",
    "confirm_submission",
    "report_listing",
    "request_room",
    "send_message",
    "start_conversation",
    "submit_listing",
]

TITLE_MAX_LENGTH = 120
MAX_TOPICS = 5
MAX_LANGUAGES = 10
#: How far ahead a listing may say it is valid (it ends after OFFERS_LIFETIME_DAYS anyway).
MAX_VALID_DAYS = 365


def submit_listing(
    *,
    direction,
    kind,
    title,
    description,
    email,
    name,
    language,
    accept_privacy,
    client: spam.Client,
    form_token,
    honeypot="",
    phone="",
    organisation="",
    topics=(),
    district="",
    languages=(),
    valid_until=None,
    partner=None,
) -> Listing:
    """
    Store an offer or a request as ``UNCONFIRMED`` and e-mail the confirmation link.
    ``topics`` are topic slugs, ``languages`` spoken-language codes; ``partner`` (a
    ``PartnerPage``) is the partner whose API key it came through, who moderates it.
    """
    spam.check_form(form_token, honeypot)
    errors = Errors()
    fields = {
        "direction": validation.choice(errors, "direction", direction, Direction),
        "kind": validation.choice(errors, "kind", kind, Kind),
        "title": validation.text(errors, "title", title, max_length=TITLE_MAX_LENGTH, min_length=3, public=True),
        "description": validation.text(
            errors, "description", description, max_length=DESCRIPTION_MAX_LENGTH, min_length=10, multiline=True,
            public=True,
        ),
        "district": validation.choice(errors, "district", district, District, required=False),
        "valid_until": _valid_until(errors, valid_until),
    }
    contact = people.contact(errors, email=email, name=name, phone=phone, organisation=organisation)
    language = people.language(errors, language)
    topic_objects = _topics(errors, topics)
    language_objects = _spoken_languages(errors, languages)
    validation.consent(errors, "accept_privacy", accept_privacy)
    errors.raise_if_any()
    spam.count_submission(client, contact["email"])

    with transaction.atomic():
        submitter = people.submitter_for(contact, language)
        listing = Listing.objects.create(
            **fields,
            locale=people.locale_of(language),
            partner=partner,
            submitter=submitter,
            channel=client.channel,
            status=Status.UNCONFIRMED,
        )
        listing.topics.set(topic_objects)
        listing.languages.set(language_objects)
    mail.send(
        "confirm_listing",
        submitter.email,
        language,
        {
            "title": listing.title,
            "confirm_url": mail.confirmation_link(Purpose.LISTING, listing.pk, language),
            "hours": settings.OFFERS_UNCONFIRMED_HOURS,
            "my_data_url": links.my_data_url(submitter, language),
        },
    )
    return listing


def _valid_until(errors, value):
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            errors.add("valid_until", _("Please give a date as YYYY-MM-DD."))
            return None
    today = timezone.localdate()
    if value < today:
        errors.add("valid_until", _("This date has passed."))
        return None
    if value > today + datetime.timedelta(days=MAX_VALID_DAYS):
        errors.add("valid_until", _("Please choose a date within a year."))
        return None
    return value


def _topics(errors, slugs):
    slugs = list(dict.fromkeys(slugs or ()))
    if len(slugs) > MAX_TOPICS:
        errors.add("topics", _("Please choose at most %(n)d topics.") % {"n": MAX_TOPICS})
        return []
    found = list(Topic.objects.filter(locale__language_code=locales.source_code(), slug__in=slugs))
    if len(found) != len(slugs):
        errors.add("topics", _("Please choose topics from the list."))
        return []
    return found


def _spoken_languages(errors, codes):
    codes = list(dict.fromkeys(codes or ()))
    if len(codes) > MAX_LANGUAGES:
        errors.add("languages", _("Please choose at most %(n)d languages.") % {"n": MAX_LANGUAGES})
        return []
    found = list(SpokenLanguage.objects.filter(code__in=codes))
    if len(found) != len(codes):
        errors.add("languages", _("Please choose languages from the list."))
        return []
    return found


@dataclass(frozen=True)
class Confirmed:
    """What a confirmation link confirmed: a listing, a room request or a reader's address."""

    purpose: Purpose
    item: object
    #: The link had been opened before: nothing changed this time.
    already: bool
    title: str
    #: The language of the one who confirmed (for the page that says so).
    language: str


def confirm(token) -> Confirmed:
    """Confirm whatever ``token`` (from a confirmation e-mail) stands for."""
    purpose, pk = read_confirmation_token(token)
    if purpose == Purpose.LISTING:
        return confirm_submission(token)
    if purpose == Purpose.ROOM_REQUEST:
        request, already = confirm_room_request(token)
        return Confirmed(purpose, request, already, request.title, request.language)
    conversation, already = confirm_reader(token)
    return Confirmed(purpose, conversation, already, conversation.listing.title, conversation.reader_language)


def confirm_submission(token) -> Confirmed:
    """``UNCONFIRMED`` → ``PENDING`` (the moderators' queue); a second click changes nothing."""
    purpose, pk = read_confirmation_token(token)
    listing = Listing.objects.select_related("submitter").filter(pk=pk).first() if purpose == Purpose.LISTING else None
    if listing is None:
        raise SubmissionError(Code.TOKEN_INVALID, _("This entry no longer exists."), "token")
    language = listing.submitter.language if listing.submitter else listing.locale.language_code
    already = listing.status != Status.UNCONFIRMED
    if not already:
        listing.set_status(Status.PENDING, confirmed_at=timezone.now())
    return Confirmed(purpose, listing, already, listing.title, language)


def report_listing(*, listing_id, reason, text="", client: spam.Client, form_token, honeypot="") -> Report:
    """A reader's report of a public listing, for the moderators; anonymous, so no confirmation."""
    spam.check_form(form_token, honeypot)
    listing = public_listing(listing_id)
    errors = Errors()
    reason = validation.choice(errors, "reason", reason, ReportReason)
    text = validation.text(errors, "text", text, max_length=1000, required=False, multiline=True)
    errors.raise_if_any()
    spam.count_submission(client)
    return Report.objects.create(listing=listing, reason=reason, text=text, reporter=spam.reporter_identity(client))
