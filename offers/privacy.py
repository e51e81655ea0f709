"""
A submitter's rights over what they gave us (GDPR art. 15, 17 and 20), through the link
with their ``access_token`` that every e-mail carries.

- ``what_we_hold``: everything stored about them, as the "my data" page shows it.
- ``export_json``: the same, machine-readable, as a download (art. 20).
- ``erase``: all of it deleted at once (art. 17); a room booking that was confirmed stays
  as an event with the group's name only.
- ``withdraw``: one listing ended by its submitter; it is deleted with the other ended ones
  (``offers.lifecycle.purge``).

Answers they wrote to other people's listings are found by their e-mail address, as that
is all a conversation keeps of the one who answered. Messages the other side wrote are
not theirs to export: only the count of them is shown.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from offers.choices import RoomRequestStatus, Sender, Status
from offers.erasure import delete_listings
from offers.lifecycle import announce
from offers.models import Conversation, Listing, RoomRequest

#: States a submitter may still withdraw a listing from.
WITHDRAWABLE = [Status.UNCONFIRMED, Status.PENDING, Status.APPROVED]


def what_we_hold(submitter):
    """Everything stored about ``submitter``, as plain data (dicts, lists, strings, dates)."""
    return {
        "contact": {
            "email": submitter.email,
            "name": submitter.name,
            "phone": submitter.phone,
            "organisation": submitter.organisation,
            "language": submitter.language,
            "created_at": submitter.created_at,
        },
        "listings": [_listing(rows) for rows in _items(submitter)],
        "answers": [
            _conversation(conversation, Sender.READER)
            for conversation in answers_by(submitter).select_related("listing").prefetch_related("messages")
        ],
        "room_requests": [_room_request(request) for request in submitter.room_requests.select_related("room__place")],
    }


def export_json(submitter):
    """``what_we_hold`` as indented JSON (UTF-8, dates in ISO 8601): the art. 20 download."""
    data = {"exported_at": timezone.now(), **what_we_hold(submitter)}
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def erase(submitter):
    """
    Delete everything of ``submitter``: contact details, listings with every translation
    and their conversations, their answers to others, room requests. A confirmed room
    request keeps its booking (group, title, time) without the person; its event stays.
    """
    delete_listings(submitter.listings.values_list("translation_key", flat=True))
    answers_by(submitter).delete()
    submitter.room_requests.filter(status=RoomRequestStatus.CONFIRMED).update(submitter=None, description="")
    submitter.room_requests.all().delete()
    submitter.delete()


def withdraw(listing, now=None):
    """The submitter ends ``listing`` (every translation); ``False`` when it had ended already."""
    now = now or timezone.now()
    changed = Listing.objects.filter(translation_key=listing.translation_key, status__in=WITHDRAWABLE).update(
        status=Status.WITHDRAWN, ended_at=now
    )
    if changed:
        announce([listing.translation_key])
        listing.refresh_from_db()
    return bool(changed)


def answers_by(submitter):
    """Conversations in which ``submitter`` answered someone else's listing."""
    return Conversation.objects.filter(reader_email__iexact=submitter.email)


def _items(submitter):
    """Their listings grouped by item: the original (first row) with its translations."""
    items = {}
    rows = (
        Listing.objects.filter(translation_key__in=submitter.listings.values("translation_key"))
        .select_related("locale")
        .prefetch_related("conversations__messages")
        .order_by("pk")
    )
    for row in rows:
        items.setdefault(row.translation_key, []).append(row)
    return list(items.values())


def _listing(rows):
    original = rows[0]
    return {
        "id": original.pk,
        "direction": original.direction,
        "kind": original.kind,
        "title": original.title,
        "description": original.description,
        "language": original.locale.language_code,
        "district": original.district,
        "valid_until": original.valid_until,
        "status": original.status,
        "status_label": original.get_status_display(),
        "rejection_reason": original.rejection_reason,
        "submitted_at": original.submitted_at,
        "confirmed_at": original.confirmed_at,
        "approved_at": original.approved_at,
        "expires_at": original.expires_at,
        "reminded_at": original.reminded_at,
        "extended_at": original.extended_at,
        "ended_at": original.ended_at,
        "withdrawable": original.status in WITHDRAWABLE,
        "translations": [
            {"language": row.locale.language_code, "title": row.title, "description": row.description}
            for row in rows[1:]
        ],
        # A reader answers the translation they read (its row's id), so every row's count.
        "conversations": [
            _conversation(conversation, Sender.OWNER) for row in rows for conversation in row.conversations.all()
        ],
    }


def _conversation(conversation, mine):
    """One conversation as its ``mine`` side sees it: their own messages, the other side's only counted."""
    messages = list(conversation.messages.all())
    return {
        "listing": conversation.listing.title if mine == Sender.READER else None,
        "started_at": conversation.created_at,
        "messages": [
            {"text": message.text, "written_at": message.created_at, "forwarded_at": message.relayed_at}
            for message in messages
            if message.sender == mine
        ],
        "messages_received": sum(1 for message in messages if message.sender != mine),
    }


def _room_request(request):
    return {
        "id": request.pk,
        "room": str(request.room),
        "place": str(request.room.place),
        "group_name": request.group_name,
        "title": request.title,
        "description": request.description,
        "start": request.start,
        "end": request.end,
        "attendees": request.attendees,
        "language": request.language,
        "status": request.status,
        "status_label": request.get_status_display(),
        "decline_reason": request.decline_reason,
        "submitted_at": request.submitted_at,
        "confirmed_at": request.confirmed_at,
    }
