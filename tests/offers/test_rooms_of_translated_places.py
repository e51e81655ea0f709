"""
A translated place carries copies of its rooms, but a room is booked once: the request
form, the API's ``bookableRooms`` and the room planner know the source language's rooms
only (``offers.rooms``), so one hall never gets a second calendar in another language.
"""

from datetime import timedelta

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from directory.models import Room
from offers import rooms, submissions
from offers.choices import RoomRequestStatus
from offers.errors import Code, SubmissionError
from offers.models import RoomRequest
from tests.api.helpers import gql
from tests.factories import PlaceFactory
from tests.offers.submitting import WEBSITE, form_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    """The Stadthaus' hall, and its copy in the place's Arabic translation."""
    place = PlaceFactory(name="Stadthaus")
    german = Room.objects.create(place=place, name="Festsaal", capacity=120, bookable_by_partners=True)
    source, _created = TranslationSource.get_or_create_from_instance(place)
    with TestCase.captureOnCommitCallbacks(execute=True):
        arabic_place, _created = source.create_or_update_translation(
            Locale.objects.get(language_code="ar"), fallback=True
        )
    [arabic] = Room.objects.filter(place=arabic_place)
    assert (arabic.name, arabic.bookable_by_partners) == ("Festsaal", True)  # the copy looks just as bookable
    return german, arabic


def ask(room):
    start = (timezone.localtime() + timedelta(days=7)).replace(hour=18, minute=0, second=0, microsecond=0)
    return submissions.request_room(
        room_id=room.pk, group_name="Chor", title="Chorprobe", start=start, end=start + timedelta(hours=2),
        attendees=20, email="chor@example.org", name="Oksana", language="uk", accept_privacy=True,
        client=WEBSITE, form_token=form_token(),
    )


def test_only_the_source_languages_rooms_are_bookable(hall):
    german, _arabic = hall
    assert list(rooms.bookable()) == [german]
    assert set(rooms.source_rooms()) == {german}


def test_a_request_for_a_translated_copy_of_a_room_is_refused(hall, smtp_server):
    german, arabic = hall
    with pytest.raises(SubmissionError) as refused:
        ask(arabic)
    assert [(error.field, error.code) for error in refused.value.errors] == [("room_id", Code.ROOM_NOT_AVAILABLE)]
    assert not RoomRequest.objects.exists()

    assert ask(german).room == german


def test_the_api_offers_the_source_languages_rooms_only(hall, client):
    german, _arabic = hall
    listed = gql(client, "{ bookableRooms { id name } }")["data"]["bookableRooms"]
    assert listed == [{"id": str(german.pk), "name": "Festsaal"}]


def test_the_planner_lists_a_room_once_and_has_no_page_for_its_copy(hall, client, django_user_model):
    german, arabic = hall
    planner = django_user_model.objects.create_superuser(username="planer", password="x", email="p@example.org")
    client.force_login(planner)
    start = timezone.now() + timedelta(days=3)
    RoomRequest.objects.create(
        room=german, group_name="Chor", title="Chorprobe", start=start, end=start + timedelta(hours=2), attendees=20,
        status=RoomRequestStatus.PENDING,
    )

    index = client.get(reverse("room_planner:index"))

    assert [(room.pk, room.pending) for room in index.context["rooms"]] == [(german.pk, 1)]
    assert client.get(reverse("room_planner:room", args=[german.pk])).status_code == 200
    assert client.get(reverse("room_planner:room", args=[arabic.pk])).status_code == 404
