"""
One answer to "is the room taken?" (``offers.availability``) for the request form, the
moderators' confirmation and the planner's week: each date of a series blocks, a
translated event (which keeps the room) counts once, a confirmed request blocks.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Locale

from directory.models import Room
from offers import availability, bookings
from offers.choices import RoomRequestStatus
from offers.moderation import ModerationError
from offers.models import RoomRequest
from tests.factories import EventPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def room():
    place = PlaceFactory(name="Stadthaus")
    return Room.objects.create(place=place, name="Raum 1.12", capacity=30, bookable_by_partners=True)


def evening(days, hour=18):
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, datetime.min.time(), tzinfo=BERLIN) + timedelta(hours=hour)


def test_a_series_and_its_translation_block_each_date_once(room, site_tree):
    first = evening(1)
    series = EventPageFactory(
        parent=site_tree.events, title="Sprachcafé", start=first, end=first + timedelta(hours=2), room=room,
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    arabic = series.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    assert arabic.room_id == room.pk

    dates = availability.events(room, first - timedelta(days=1), first + timedelta(days=30))

    assert [(event.pk, begin) for event, begin, _finish in dates] == [
        (series.pk, first), (series.pk, first + timedelta(days=7)), (series.pk, first + timedelta(days=14)),
    ]
    third = first + timedelta(days=14, hours=1)
    assert availability.conflicts(room, third, third + timedelta(hours=2)) == [series]
    assert availability.is_free(room, first + timedelta(days=14, hours=2), first + timedelta(days=14, hours=4))


def test_confirmation_asks_the_same_question_as_the_request_form(room, site_tree, smtp_server, django_user_model):
    moderator = django_user_model.objects.create_superuser(username="planer", password="x", email="p@example.org")
    start = evening(5)

    def request(title):
        return RoomRequest.objects.create(
            room=room, group_name="Chor", title=title, start=start, end=start + timedelta(hours=2), attendees=10,
            status=RoomRequestStatus.PENDING,
        )

    first, second = request("Chorprobe"), request("Nähtreff")
    assert availability.is_free(room, start, start + timedelta(hours=2), exclude=first)

    event = bookings.confirm(first, moderator)

    assert availability.conflicts(room, start, start + timedelta(hours=2), exclude=second) == [first, event]
    with pytest.raises(ModerationError) as refused:
        bookings.confirm(second, moderator)
    assert refused.value.code == "ROOM_TAKEN"
