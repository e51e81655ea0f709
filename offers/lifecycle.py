"""
How listings end, and how what people gave us is deleted: the jobs that run on a clock.

- ``expire_due``: an approved listing ends at its ``expires_at`` (its valid-until date, at
  most ``OFFERS_LIFETIME_DAYS`` after approval: ``ends_at``).
- ``remind_due``: ``OFFERS_REMINDER_DAYS`` before the end, the submitter gets one e-mail
  with a link that extends the listing once (``extend``) and the link to their data.
- ``purge``: what nobody confirmed goes after ``OFFERS_UNCONFIRMED_HOURS``; what ended
  (expired, rejected, withdrawn, a declined or past room request) goes
  ``OFFERS_RETENTION_DAYS`` later, with its conversations and translations; a submitter
  goes once nothing of theirs is left; a listing no moderator decided on goes
  ``OFFERS_RETENTION_DAYS`` after its confirmation. (The queue's rows of sent e-mails,
  which hold addresses and text, are deleted by ``cms.mail.forget_delivered``.)

Every job is one conditional UPDATE or DELETE per step, so it may run twice, or twice at
the same time on two workers: the second run finds nothing left to do, and a reminder is
claimed (``reminded_at``) before it is sent, so it goes out at most once. docs/offers.md
lists the periods for the privacy notice.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from offers import links
from offers.choices import RoomRequestStatus, Status
from offers.erasure import delete_listings
from offers.models import Conversation, Listing, RoomRequest, Submitter
from offers.signals import listing_changed

logger = logging.getLogger(__name__)

EXTEND_SALT = "offers.lifecycle.extend"
#: States in which a listing has ended; its personal data is kept ``OFFERS_RETENTION_DAYS`` more.
ENDED = [Status.EXPIRED, Status.REJECTED, Status.WITHDRAWN]


def days(setting):
    return timedelta(days=getattr(settings, setting))


def ends_at(valid_until, start):
    """
    When a listing approved at ``start`` ends: at the end of its valid-until day (local
    time), and ``OFFERS_LIFETIME_DAYS`` after ``start`` at the latest. Moderation sets
    ``expires_at`` to this on approval.

    The end is the day's last moment, not the next midnight: every surface shows the
    end's date ("online until …", the e-mails, the API's ``endsAt``), and that must be
    the day the submitter chose, not the day after.
    """
    latest = start + days("OFFERS_LIFETIME_DAYS")
    if valid_until is None:
        return latest
    own_end = timezone.make_aware(datetime.combine(valid_until, time.max))
    return min(latest, own_end)


def announce(translation_keys):
    """
    Tell the listeners of ``offers.signals.listing_changed`` (the API's response cache)
    that these listings changed: ``QuerySet.update`` sends no ``post_save``, and an expired
    or withdrawn listing must leave cached answers at once.
    """
    for listing in Listing.objects.filter(translation_key__in=set(translation_keys)):
        listing_changed.send(sender=Listing, instance=listing)


# Expiry ---------------------------------------------------------------------------------


def expire_due(now=None):
    """Approved listings whose end has come are expired (every translation); returns how many items."""
    now = now or timezone.now()
    keys = set(
        Listing.objects.filter(status=Status.APPROVED, expires_at__lte=now).values_list("translation_key", flat=True)
    )
    if keys:
        Listing.objects.filter(translation_key__in=keys, status=Status.APPROVED).update(
            status=Status.EXPIRED, ended_at=now
        )
        announce(keys)
    return len(keys)


# Reminder and extension -----------------------------------------------------------------


def extend_token(listing):
    """The reminder's link token: names the item (all translations), not one row."""
    return signing.dumps(str(listing.translation_key), salt=EXTEND_SALT)


def listing_for_token(token):
    """The listing an extend token names (in its original language), or ``None`` for a wrong token."""
    try:
        key = signing.loads(token, salt=EXTEND_SALT)
    except signing.BadSignature:
        return None
    return Listing.objects.filter(translation_key=key).order_by("pk").first()


def remind_due(now=None):
    """
    Send the reminder for every listing that ends within ``OFFERS_REMINDER_DAYS``, once,
    unless it was extended already (there is nothing left to offer) or was approved for
    less than the reminder period (the submitter chose a short run). Returns how many were sent.
    """
    now = now or timezone.now()
    reminder = days("OFFERS_REMINDER_DAYS")
    due = (
        Listing.objects.filter(
            status=Status.APPROVED,
            expires_at__gt=now,
            expires_at__lte=now + reminder,
            reminded_at__isnull=True,
            extended_at__isnull=True,
            submitter__isnull=False,
        )
        .filter(expires_at__gt=F("approved_at") + reminder)
        .select_related("submitter", "locale")
        .order_by("pk")
    )
    sent = 0
    for listing in _one_per_item(due):
        # Claim first: of two workers at the same time only one gets the row.
        claimed = Listing.objects.filter(translation_key=listing.translation_key, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:
            send_reminder(listing)
            sent += 1
    return sent


def _one_per_item(listings):
    """One row per item: the translation in the submitter's language, else the first (their original)."""
    chosen = {}
    for listing in listings:
        current = chosen.get(listing.translation_key)
        if current is None or listing.locale.language_code == listing.submitter.language:
            chosen[listing.translation_key] = listing
    return list(chosen.values())


def send_reminder(listing):
    from offers import mail  # written by the submission flow; imported late to keep this module light

    submitter = listing.submitter
    language = submitter.language
    mail.send(
        "reminder",
        submitter.email,
        language,
        {
            "listing": listing,
            "title": listing.title,
            "expires_at": listing.expires_at,
            "lifetime_days": settings.OFFERS_LIFETIME_DAYS,
            # The original's id: the address that stays when translations come and go.
            "listing_url": links.listing_url(
                Listing.objects.filter(translation_key=listing.translation_key).originals().get(), language
            ),
            "extend_url": links.extend_url(extend_token(listing), language),
            "my_data_url": links.my_data_url(submitter, language),
        },
    )


class ExtendRefused(Exception):
    """The link was used already, or the listing is no longer running; ``code`` says which."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def refusal(listing, now=None):
    """Why ``listing`` cannot be extended now (``"used"``, ``"ended"``), or ``None`` when it can."""
    now = now or timezone.now()
    if listing.extended_at is not None:
        return "used"
    if listing.status != Status.APPROVED or listing.expires_at is None or listing.expires_at <= now:
        return "ended"
    return None


def extend(token, now=None):
    """
    Extend the listing a reminder's link names, once: it then ends ``OFFERS_LIFETIME_DAYS``
    from now (and its valid-until date, if it had one, says so). Refused (``ExtendRefused``)
    with ``"invalid"`` for a wrong token, ``"used"`` when it was extended before,
    ``"ended"`` when it is no longer public. Returns the listing.
    """
    now = now or timezone.now()
    listing = listing_for_token(token)
    if listing is None:
        raise ExtendRefused("invalid")
    new_end = now + days("OFFERS_LIFETIME_DAYS")
    fields = {"expires_at": new_end, "extended_at": now}
    if listing.valid_until is not None:
        fields["valid_until"] = timezone.localdate(new_end)
    # One conditional UPDATE: a second click, or two at once, find extended_at set.
    changed = Listing.objects.filter(
        translation_key=listing.translation_key, status=Status.APPROVED, expires_at__gt=now, extended_at__isnull=True
    ).update(**fields)
    if not changed:
        listing.refresh_from_db()
        raise ExtendRefused(refusal(listing, now) or "ended")
    announce([listing.translation_key])
    listing.refresh_from_db()
    return listing


# Deletion -------------------------------------------------------------------------------


def purge(now=None):
    """
    Delete what must not be kept any longer; returns ``{what: how many}``.

    Listings are deleted whole, not anonymised: their text is the submitter's own words
    and may name them. No count of them is kept beyond the log line.
    """
    now = now or timezone.now()
    unconfirmed_before = now - timedelta(hours=settings.OFFERS_UNCONFIRMED_HOURS)
    ended_before = now - days("OFFERS_RETENTION_DAYS")
    with transaction.atomic():
        done = {
            "unconfirmed listings": delete_listings(
                Listing.objects.filter(status=Status.UNCONFIRMED, submitted_at__lte=unconfirmed_before).values_list(
                    "translation_key", flat=True
                )
            ),
            # Confirmed, but no moderator decided within the retention period: the
            # submitter's details must not wait in the queue for ever.
            "undecided listings": delete_listings(
                Listing.objects.filter(status=Status.PENDING, confirmed_at__lte=ended_before).values_list(
                    "translation_key", flat=True
                )
            ),
            "ended listings": delete_listings(
                Listing.objects.filter(status__in=ENDED)
                .filter(Q(ended_at__lte=ended_before) | Q(ended_at__isnull=True, moderated_at__lte=ended_before))
                .values_list("translation_key", flat=True)
            ),
            "unconfirmed answers": Conversation.objects.filter(
                reader_confirmed_at__isnull=True, created_at__lte=unconfirmed_before
            ).delete()[1].get("offers.Conversation", 0),
            "unconfirmed room requests": RoomRequest.objects.filter(
                status=RoomRequestStatus.UNCONFIRMED, submitted_at__lte=unconfirmed_before
            ).delete()[0],
            "ended room requests": ended_room_requests(ended_before).delete()[0],
            "submitters": Submitter.objects.filter(created_at__lte=unconfirmed_before)
            .filter(listings__isnull=True, room_requests__isnull=True)
            .delete()[0],
        }
    if any(done.values()):
        logger.info("Purged %s", ", ".join(f"{count} {what}" for what, count in done.items() if count))
    return done


def ended_room_requests(ended_before):
    """
    Room requests that ended before ``ended_before``: declined or withdrawn (at the
    decision), or whose event is over, confirmed or never decided. A confirmed booking's
    event page stays: it shows the group's name only, never the person who asked.
    """
    return RoomRequest.objects.alias(decided=Coalesce("moderated_at", "submitted_at")).filter(
        Q(status__in=[RoomRequestStatus.DECLINED, RoomRequestStatus.WITHDRAWN], decided__lte=ended_before)
        | Q(end__lte=ended_before)
    )
