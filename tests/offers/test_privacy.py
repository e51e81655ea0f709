"""
A submitter's rights (``offers.privacy``): what we hold and its export contain all of their
data and nothing of anyone else's; erasure removes it, keeping a confirmed booking's event.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail_localize.models import String, TranslationSource

from offers import privacy
from offers.choices import RoomRequestStatus, Status
from offers.models import Conversation, Listing, Message, RoomRequest, Submitter
from tests.offers import people
from tests.offers.test_lifecycle import room_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    owner = people.submitter("olena.koval@example.org", name="Olena Koval", phone="+49 341 5550123", organisation="Chor Kalyna", language="uk")
    other = people.submitter("max.weber@example.org", name="Max Weber", phone="+49 341 5550999")
    mine = people.listing(owner, title="Wohnung in Grünau gesucht", description="Drei Zimmer für eine Familie.")
    mine_uk = people.translation(mine, "uk", title="Шукаю квартиру в Грюнау")
    theirs = people.listing(other, title="Deutschkurs gesucht", description="Abends, A2.")
    # Someone answered Olena's listing; Olena answered Max's.
    people.conversation(mine, reader_email="helper@example.net", texts=[("reader", "Ich habe eine Wohnung."), ("owner", "Wunderbar, danke!")])
    people.conversation(theirs, reader_email="Olena.Koval@example.org", texts=[("reader", "Ich unterrichte Deutsch."), ("owner", "Max' Antwort")])
    now = timezone.now()
    booked = room_request(owner, RoomRequestStatus.CONFIRMED, now + timedelta(days=7), description="Probe mit 20 Sängerinnen")
    asked = room_request(owner, RoomRequestStatus.PENDING, now + timedelta(days=14))
    return locals()


def test_what_we_hold_and_the_export_contain_all_and_only_the_submitters_data(world):
    owner = world["owner"]
    data = privacy.what_we_hold(owner)
    assert data["contact"] | {"created_at": None} == {
        "email": "olena.koval@example.org", "name": "Olena Koval", "phone": "+49 341 5550123",
        "organisation": "Chor Kalyna", "language": "uk", "created_at": None,
    }
    [listing] = data["listings"]
    assert (listing["title"], listing["description"], listing["status"]) == ("Wohnung in Grünau gesucht", "Drei Zimmer für eine Familie.", Status.APPROVED)
    assert listing["translations"] == [{"language": "uk", "title": "Шукаю квартиру в Грюнау", "description": "Drei Zimmer für eine Familie."}]
    # Their own messages; of the other side's, only how many.
    assert [m["text"] for m in listing["conversations"][0]["messages"]] == ["Wunderbar, danke!"]
    assert listing["conversations"][0]["messages_received"] == 1
    [answer] = data["answers"]
    assert answer["listing"] == "Deutschkurs gesucht"
    assert [m["text"] for m in answer["messages"]] == ["Ich unterrichte Deutsch."]
    assert {r["status"] for r in data["room_requests"]} == {RoomRequestStatus.CONFIRMED, RoomRequestStatus.PENDING}

    exported = privacy.export_json(owner)
    parsed = json.loads(exported)
    assert parsed["contact"]["email"] == "olena.koval@example.org"
    assert "Probe mit 20 Sängerinnen" in exported and "Шукаю квартиру" in exported  # UTF-8, not escaped
    for foreign in ("max.weber@example.org", "Max Weber", "5550999", "helper@example.net", "Ich habe eine Wohnung.", "Max' Antwort", "Abends, A2."):
        assert foreign not in exported


def test_erase_removes_the_submitter_and_everything_of_theirs_but_a_confirmed_bookings_event(world):
    owner, mine = world["owner"], world["mine"]
    TranslationSource.get_or_create_from_instance(mine)
    privacy.erase(owner)

    assert not Submitter.objects.filter(pk=owner.pk).exists()
    assert not Listing.objects.filter(translation_key=mine.translation_key).exists()
    assert not String.objects.filter(data="Drei Zimmer für eine Familie.").exists()
    assert not Conversation.objects.filter(reader_email__iexact="olena.koval@example.org").exists()
    assert not Message.objects.filter(text__in=["Wunderbar, danke!", "Ich unterrichte Deutsch."]).exists()
    # The confirmed booking stays, without the person or their words; the request that was still open is gone.
    booked = RoomRequest.objects.get(pk=world["booked"].pk)
    assert (booked.submitter, booked.description, booked.group_name) == (None, "", "Frauenchor Amani")
    assert not RoomRequest.objects.filter(pk=world["asked"].pk).exists()
    # Nobody else's data is touched.
    assert Listing.objects.filter(pk=world["theirs"].pk).exists()
    assert Submitter.objects.filter(email="max.weber@example.org").exists()


def test_withdraw_ends_every_translation_once(world):
    mine, mine_uk = world["mine"], world["mine_uk"]
    assert privacy.withdraw(mine) is True
    assert set(Listing.objects.filter(translation_key=mine.translation_key).values_list("status", flat=True)) == {Status.WITHDRAWN}
    assert not Listing.objects.public().filter(pk__in=[mine.pk, mine_uk.pk]).exists()
    assert privacy.withdraw(mine) is False


def test_an_answer_through_a_translation_is_in_what_we_hold(world):
    """Readers answer the translation they read (the API's id is that row's): the owner's data must still show it."""
    people.conversation(world["mine_uk"], reader_email="reader.uk@example.net", texts=[("reader", "Привіт!"), ("owner", "Дякую, Олена")])
    [listing] = privacy.what_we_hold(world["owner"])["listings"]
    mine = [message["text"] for conversation in listing["conversations"] for message in conversation["messages"]]
    assert sorted(mine) == sorted(["Wunderbar, danke!", "Дякую, Олена"])
    assert "Дякую, Олена" in privacy.export_json(world["owner"])
