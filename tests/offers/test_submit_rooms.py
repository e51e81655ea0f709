"""Room requests: a free room at a future time, confirmed by e-mail; a taken room is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from directory.models import Room
from offers import submissions
from offers.choices import RoomRequestStatus
from offers.errors import Code, SubmissionError
from offers.models import RoomRequest
from tests.factories import EventPageFactory, PlaceFactory
from tests.offers.submitting import WEBSITE, form_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    place = PlaceFactory(name="Stadthaus")
    return Room.objects.create(place=place, name="Raum 1.12", capacity=30, bookable_by_partners=True)


def next_week(hour, minutes=0):
    day = timezone.localtime() + timedelta(days=7)
    return day.replace(hour=hour, minute=minutes, second=0, microsecond=0)


def ask(room, **overrides):
    fields = {
        "room_id": room.pk, "group_name": "Syrischer Kulturverein", "title": "Kulturabend",
        "start": next_week(18), "end": next_week(21), "attendees": 25, "email": "verein@example.org",
        "name": "Rami", "language": "de", "accept_privacy": True, "client": WEBSITE, "form_token": form_token(),
        **overrides,
    }
    return submissions.request_room(**fields)


def test_a_request_is_confirmed_by_its_link(room, smtp_server):
    request = ask(room)
    assert request.status == RoomRequestStatus.UNCONFIRMED
    smtp_server.wait_for(1)
    [received] = smtp_server.to("verein@example.org")
    assert "Raum 1.12" in received.text and "Kulturabend" in received.subject
    [link] = [link for link in received.links() if "/offers/confirm/" in link]
    confirmed = submissions.confirm(link.rstrip("/").rsplit("/", 1)[1])
    request.refresh_from_db()
    assert (confirmed.already, request.status) == (False, RoomRequestStatus.PENDING)


def test_a_room_taken_by_a_confirmed_request_or_an_event_is_refused(room, site_tree):
    RoomRequest.objects.create(
        room=room, group_name="A", title="Vorher", start=next_week(17), end=next_week(19), attendees=5,
        status=RoomRequestStatus.CONFIRMED,
    )
    with pytest.raises(SubmissionError) as refused:
        ask(room)
    assert refused.value.code == Code.ROOM_NOT_AVAILABLE

    # A pending request does not block; an event in the room does, also as one date of a series.
    RoomRequest.objects.all().update(status=RoomRequestStatus.PENDING)
    EventPageFactory(
        parent=site_tree.events, room=room, start=next_week(20) - timedelta(days=14), end=next_week(22) - timedelta(days=14),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
    )
    with pytest.raises(SubmissionError) as refused:
        ask(room)
    assert refused.value.code == Code.ROOM_NOT_AVAILABLE
    assert ask(room, start=next_week(9), end=next_week(12)).status == RoomRequestStatus.UNCONFIRMED


def test_times_size_and_room_are_checked(room):
    closed = Room.objects.create(place=room.place, name="Büro", capacity=4, bookable_by_partners=False)
    with pytest.raises(SubmissionError) as refused:
        ask(closed, start=next_week(12), end=next_week(11), attendees=0)
    assert {(error.field, error.code) for error in refused.value.errors} == {
        ("room_id", Code.ROOM_NOT_AVAILABLE), ("end", Code.INVALID_INPUT), ("attendees", Code.INVALID_INPUT),
    }
    with pytest.raises(SubmissionError) as refused:
        ask(room, start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=1), attendees=31)
    assert {error.field for error in refused.value.errors} == {"start", "attendees"}
    with pytest.raises(SubmissionError) as refused:
        ask(room, start=next_week(6), end=next_week(6) + timedelta(hours=13))
    assert {error.field for error in refused.value.errors} == {"end"}
