"""
A group asks for a room of the Stadthaus for its event.

The room must be one the Stadthaus lends (``offers.rooms.bookable``), big enough, and free
at that time (``offers.availability``: no confirmed request, no event in it). The
e-mail confirmation moves the request to the moderators, who decide beside the room's
events and turn a confirmed request into an event page.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers import availability, links, mail, people, rooms, spam, validation
from offers.choices import RoomRequestStatus
from offers.errors import Code, Errors, SubmissionError
from offers.models import RoomRequest
from offers.tokens import Purpose, read_confirmation_token

#: The longest booking: a day's event, not a room for the week.
MAX_DURATION = datetime.timedelta(hours=12)
#: How far ahead a room may be asked for.
MAX_AHEAD = datetime.timedelta(days=365)


def request_room(
    *,
    room_id,
    group_name,
    title,
    start,
    end,
    attendees,
    email,
    name,
    language,
    accept_privacy,
    client: spam.Client,
    form_token,
    honeypot="",
    description="",
    phone="",
    organisation="",
    partner=None,
) -> RoomRequest:
    """Store a room request as ``UNCONFIRMED`` and e-mail the confirmation link."""
    spam.check_form(form_token, honeypot)
    errors = Errors()
    room = _room(errors, room_id)
    fields = {
        "group_name": validation.text(errors, "group_name", group_name, max_length=200, public=True),
        "title": validation.text(errors, "title", title, max_length=200, min_length=3, public=True),
        "description": validation.text(
            errors, "description", description, max_length=2000, required=False, multiline=True, public=True
        ),
    }
    start, end = _times(errors, start, end)
    attendees = _attendees(errors, attendees, room)
    contact = people.contact(errors, email=email, name=name, phone=phone, organisation=organisation)
    language = people.language(errors, language)
    validation.consent(errors, "accept_privacy", accept_privacy)
    errors.raise_if_any()
    if not availability.is_free(room, start, end):
        raise SubmissionError(
            Code.ROOM_NOT_AVAILABLE, _("The room is already taken at this time. Please choose another time."), "start"
        )
    spam.count_submission(client, contact["email"])
    submitter = people.submitter_for(contact, language)
    request = RoomRequest.objects.create(
        room=room, start=start, end=end, attendees=attendees, language=language,
        submitter=submitter, partner=partner, **fields,
    )
    mail.send(
        "confirm_room_request",
        submitter.email,
        language,
        {
            "title": request.title,
            "room": f"{room.name} ({room.place})",
            "when": _when(start, end),
            "confirm_url": mail.confirmation_link(Purpose.ROOM_REQUEST, request.pk, language),
            "hours": settings.OFFERS_UNCONFIRMED_HOURS,
            "my_data_url": links.my_data_url(submitter, language),
        },
    )
    return request


def confirm_room_request(token) -> tuple[RoomRequest, bool]:
    """``UNCONFIRMED`` → ``PENDING``; ``(request, already)``, a second click changes nothing."""
    purpose, pk = read_confirmation_token(token)
    request = RoomRequest.objects.filter(pk=pk).first() if purpose == Purpose.ROOM_REQUEST else None
    if request is None:
        raise SubmissionError(Code.TOKEN_INVALID, _("This room request no longer exists."), "token")
    if request.status != RoomRequestStatus.UNCONFIRMED:
        return request, True
    request.status = RoomRequestStatus.PENDING
    request.confirmed_at = timezone.now()
    request.save(update_fields=["status", "confirmed_at"])
    return request, False


def _room(errors, room_id):
    try:
        room = rooms.bookable().select_related("place").filter(pk=int(room_id)).first()
    except (TypeError, ValueError, OverflowError):
        room = None
    if room is None:
        errors.add("room_id", _("This room cannot be booked."), Code.ROOM_NOT_AVAILABLE)
    return room


def _parse(value):
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value)  # Leipzig time, as everywhere in the platform
    return value if isinstance(value, datetime.datetime) else None


def _times(errors, start, end):
    start, end = _parse(start), _parse(end)
    if start is None:
        errors.add("start", _("Please give a date and time."))
    if end is None:
        errors.add("end", _("Please give a date and time."))
    if start is None or end is None:
        return start, end
    now = timezone.now()
    if start <= now:
        errors.add("start", _("This time has passed."))
    elif start > now + MAX_AHEAD:
        errors.add("start", _("Rooms can be requested up to a year ahead."))
    if end <= start:
        errors.add("end", _("The end must be after the start."))
    elif end - start > MAX_DURATION:
        errors.add("end", _("A room can be requested for at most 12 hours."))
    return start, end


def _attendees(errors, value, room):
    try:
        value = int(value)
    except (TypeError, ValueError):
        errors.add("attendees", _("Please give a number."))
        return None
    if value < 1:
        errors.add("attendees", _("Please give a number."))
    elif room is not None and value > room.capacity:
        errors.add("attendees", _("This room holds at most %(n)d people.") % {"n": room.capacity})
    return value


def _when(start, end):
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}" if start.date() == end.date() else f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"
