"""
What the API's feedback mutations call: a rating or a mistake report of one public item.

Only public items of the kinds readers rate (guides, services, partners, events) are
accepted, by the visibility rule every read uses (``public_content``): an unknown id and
the id of an unpublished, private or expired page get the same answer, so feedback cannot
probe what exists. The limits are checked after the item and the text, so a typo does not
count against a reader; they count per client address and per API key
(``public_content.ratelimit``), and nothing of the client is stored.
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.models import PartnerPage, ServicePage
from freshness.choices import FeedbackKind
from freshness.feedback.errors import Code, FeedbackError
from freshness.models import TEXT_MAX_LENGTH, Feedback
from freshness.feedback.tasks import notify_owner
from pages.models import EventPage, GuidePage
from public_content import ratelimit
from public_content.visibility import Visibility

#: The kinds of page a reader can rate or report.
RATED_MODELS = (GuidePage, ServicePage, PartnerPage, EventPage)
TEXT_MIN_LENGTH = 3
#: The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1
#: Something that reads as an e-mail address (also "name (at) host.de") or a phone number:
#: a report needs neither, and the platform keeps no personal data with it.
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\])\s*[\w-]+(\.[\w-]+)+", re.IGNORECASE)
NUMBER_IN_TEXT = re.compile(r"\+?\d[\d ()/\-]{5,}\d")
PHONE_MIN_DIGITS = 7


def public_item(page_id) -> Page:
    """The public page of a rated kind with id ``page_id`` (any translation), else ``ITEM_NOT_AVAILABLE``."""
    try:
        number = int(page_id)
    except (TypeError, ValueError):
        number = 0
    page = None
    if 0 < number <= MAX_ID:
        kinds = ContentType.objects.get_for_models(*RATED_MODELS).values()
        page = Visibility().public(Page.objects.filter(pk=number, content_type__in=kinds)).first()
    if page is None:
        raise FeedbackError(Code.ITEM_NOT_AVAILABLE, _("This page cannot be rated (it is not, or no longer, public)."))
    return page


def _has_contact_details(value):
    if EMAIL_IN_TEXT.search(value):
        return True
    return any(sum(char.isdigit() for char in match) >= PHONE_MIN_DIGITS for match in NUMBER_IN_TEXT.findall(value))


def clean_text(value) -> str:
    """The report as stored (plain text, line endings normalised, trimmed), or ``INVALID_INPUT`` on ``text``."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(value) < TEXT_MIN_LENGTH:
        raise FeedbackError(
            Code.INVALID_INPUT, _("Please tell us in a few words what is wrong (at least %(min)d characters).") % {"min": TEXT_MIN_LENGTH}, "text"
        )
    if len(value) > TEXT_MAX_LENGTH:
        raise FeedbackError(
            Code.INVALID_INPUT,
            _("Please shorten this to %(max)d characters (it has %(n)d).") % {"max": TEXT_MAX_LENGTH, "n": len(value)},
            "text",
        )
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t" for char in value):
        raise FeedbackError(Code.INVALID_INPUT, _("This text contains invisible control characters. Please type it again."), "text")
    if _has_contact_details(value):
        raise FeedbackError(
            Code.INVALID_INPUT,
            _("Please leave out e-mail addresses and phone numbers: we do not answer reports, we correct the page."),
            "text",
        )
    return value


def _count(client: ratelimit.Client):
    allowed = ratelimit.count_client(
        "feedback", client, per_address=settings.FRESHNESS_FEEDBACK_PER_ADDRESS, per_key=settings.FRESHNESS_FEEDBACK_PER_KEY
    )
    if not allowed:
        raise FeedbackError(Code.TOO_MANY_SUBMISSIONS, _("Too many ratings and reports in a short time. Please try again in an hour."))


def rate(*, page_id, helpful: bool, client: ratelimit.Client) -> Feedback:
    """Record that a reader found the page helpful or not."""
    page = public_item(page_id)
    _count(client)
    kind = FeedbackKind.HELPFUL if helpful else FeedbackKind.NOT_HELPFUL
    return Feedback.objects.create(page=page, locale_id=page.locale_id, kind=kind)


def report_mistake(*, page_id, text, client: ratelimit.Client) -> Feedback:
    """Record a reader's report of a mistake; its owner hears of it once it is stored (``tasks``)."""
    page = public_item(page_id)
    text = clean_text(text)
    _count(client)
    report = Feedback.objects.create(page=page, locale_id=page.locale_id, kind=FeedbackKind.MISTAKE, text=text)
    transaction.on_commit(lambda: notify_owner.enqueue(report.pk))
    return report
