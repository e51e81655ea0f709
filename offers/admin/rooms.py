"""
The room planner: per bookable room, a week of its events beside the requests waiting for
it, overlaps marked; confirm (publishes the event) or decline with a reason. Only the
source language's rooms are planned (``offers.rooms``): a translated place's copies are
the same rooms.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offers import availability, bookings, permissions, rooms
from offers.admin.forms import ReasonForm
from offers.choices import RoomRequestStatus
from offers.moderation import ModerationError


@dataclass
class Entry:
    """One line of a day: an event occurrence or a pending request."""

    start: datetime
    end: datetime
    title: str
    event: object = None
    request: object = None
    overlaps: list = field(default_factory=list)


def _allowed(request):
    if not permissions.decides_rooms(request.user):
        raise PermissionDenied


def _monday(value):
    try:
        day = date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    return day - timedelta(days=day.weekday())


def rooms_view(request):
    _allowed(request)
    waiting = permissions.room_requests(request.user).filter(status=RoomRequestStatus.PENDING)
    counts = dict(waiting.order_by().values_list("room").annotate(count=Count("pk")))
    listed = list(
        rooms.source_rooms()
        .filter(Q(bookable_by_partners=True) | Q(pk__in=counts))
        .select_related("place")
        .order_by("place__name", "sort_order", "name")
    )
    for room in listed:
        room.pending = counts.get(room.pk, 0)
    return TemplateResponse(
        request,
        "offers/admin/rooms.html",
        {"rooms": listed, "waiting": waiting.select_related("room__place").order_by("start")},
    )


def week(room, monday, requests):
    """``[(day, [Entry])]`` for the seven days from ``monday``, overlaps of requests marked."""
    start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    end = start + timedelta(days=7)
    entries = [Entry(begin, finish, event.title, event=event) for event, begin, finish in availability.events(room, start, end)]
    entries += [Entry(item.start, item.end, item.title, request=item) for item in requests.filter(start__lt=end, end__gt=start)]
    for entry in entries:
        if entry.request is not None:
            entry.overlaps = [
                other for other in entries if other is not entry and other.start < entry.end and other.end > entry.start
            ]
    days = [monday + timedelta(days=offset) for offset in range(7)]
    return [(day, sorted([e for e in entries if timezone.localtime(e.start).date() == day], key=lambda e: e.start)) for day in days]


def room_view(request, pk):
    _allowed(request)
    room = get_object_or_404(rooms.source_rooms().select_related("place"), pk=pk)
    monday = _monday(request.GET.get("week"))
    requests = permissions.room_requests(request.user).filter(room=room, status=RoomRequestStatus.PENDING)
    return TemplateResponse(
        request,
        "offers/admin/room.html",
        {
            "room": room,
            "days": week(room, monday, requests),
            "previous_week": (monday - timedelta(days=7)).isoformat(),
            "next_week": (monday + timedelta(days=7)).isoformat(),
            "monday": monday,
        },
    )


def _request(request, pk):
    _allowed(request)
    return get_object_or_404(permissions.room_requests(request.user).select_related("room__place", "partner"), pk=pk)


def _back(room_request):
    week_of = timezone.localtime(room_request.start).date().isoformat()
    return redirect(f"{reverse('room_planner:room', args=[room_request.room_id])}?week={week_of}")


@require_POST
def confirm_view(request, pk):
    room_request = _request(request, pk)
    try:
        bookings.confirm(room_request, request.user)
    except ModerationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("“%(title)s” is confirmed and published as an event.") % {"title": room_request.title})
    return _back(room_request)


def decline_view(request, pk):
    room_request = _request(request, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bookings.decline(room_request, request.user, form.cleaned_data["reason"])
        except ModerationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("“%(title)s” is declined.") % {"title": room_request.title})
        return _back(room_request)
    return TemplateResponse(request, "offers/admin/decline.html", {"room_request": room_request, "form": form})
