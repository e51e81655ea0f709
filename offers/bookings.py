"""
Room requests decided: a confirmed request becomes a published event in the room, so the
booking shows in the calendar (and blocks the room) like every other event.

The event names the group (or is organised by the partner, when the group is one) and
never the person who asked: their name and address stay on the ``Submitter``. It lives
below the partner's profile when the group is a partner (their staff keep it current, as
their other events), else under the events section of the room's language.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from offers import availability
from offers.choices import RoomRequestStatus
from offers.moderation import ModerationError
from pages.models import EventIndexPage, EventPage


def _require_pending(room_request):
    if room_request.status != RoomRequestStatus.PENDING:
        raise ModerationError(
            "WRONG_STATUS",
            _("This request is “%(status)s”; it cannot be decided on now.")
            % {"status": room_request.get_status_display()},
        )


def _parent(room_request):
    if room_request.partner is not None:
        return room_request.partner
    locale = room_request.room.place.locale
    parent = EventIndexPage.objects.filter(locale=locale).order_by("path").first()
    if parent is None:
        raise ModerationError("NO_EVENT_SECTION", _("There is no events section in this language to publish into."))
    return parent


def _free_slug(room_request, locale):
    base = slugify(f"{room_request.title}-{timezone.localtime(room_request.start):%Y-%m-%d}")[:200] or "event"
    slug, number = base, 1
    while EventPage.objects.filter(locale=locale, slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _event(room_request, parent):
    room = room_request.room
    with override(parent.locale.language_code):
        summary = str(_("%(group)s in the Stadthaus: %(room)s.") % {"group": room_request.group_name, "room": room})
    return EventPage(
        title=room_request.title,
        slug=_free_slug(room_request, parent.locale),
        summary=summary[:400],
        description=linebreaks(escape(room_request.description)),
        start=room_request.start,
        end=room_request.end,
        place=room.place,
        room=room,
        organiser=room_request.partner,
        locale=parent.locale,
    )


def _mail_group(room_request, template, context):
    from offers import mail

    submitter = room_request.submitter
    if submitter is None:
        return
    mail.send(
        template,
        submitter.email,
        room_request.language,
        {"room_request": room_request, "title": room_request.title, "room": room_request.room, **context},
    )


def confirm(room_request, user, now=None):
    """Publish the request as an event in its room and tell the group; refused while the room is taken."""
    _require_pending(room_request)
    if availability.conflicts(room_request.room, room_request.start, room_request.end, exclude=room_request):
        raise ModerationError("ROOM_TAKEN", _("The room is taken at that time; decline, or move the other event first."))
    now = now or timezone.now()
    with transaction.atomic():
        parent = _parent(room_request)
        event = parent.add_child(instance=_event(room_request, parent))
        event.save_revision(user=user, log_action=True).publish(user=user)
        room_request.status = RoomRequestStatus.CONFIRMED
        room_request.event = event
        room_request.moderated_by, room_request.moderated_at = user, now
        room_request.save(update_fields=["status", "event", "moderated_by", "moderated_at"])
    _mail_group(room_request, "room_confirmed", {"event": event})
    return event


def decline(room_request, user, reason, now=None):
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("REASON_REQUIRED", _("Give the group a reason."))
    _require_pending(room_request)
    room_request.status = RoomRequestStatus.DECLINED
    room_request.decline_reason = reason
    room_request.moderated_by, room_request.moderated_at = user, now or timezone.now()
    room_request.save(update_fields=["status", "decline_reason", "moderated_by", "moderated_at"])
    _mail_group(room_request, "room_declined", {"reason": reason})
    return room_request
