"""The demo's help offers and requests: every state, matches, a machine translation, rooms, no e-mail."""

from django.core import mail

from offers import availability, matching
from offers.choices import RoomRequestStatus, Sender, Status
from offers.models import Listing, Report, RoomRequest, Submitter
from pages.models import EventPage
from tests.api.helpers import data

from .conftest import load_demo

LISTS = """query ($locale: String) {
  offers(locale: $locale, first: 100) { totalCount edges { node { id title kind locale machineTranslated } } }
  requests(locale: $locale, first: 100) { totalCount edges { node { id title kind locale machineTranslated } } }
}"""


def test_there_is_a_listing_in_every_state(demo_db):
    states = set(Listing.objects.originals().values_list("status", flat=True))
    assert states == set(Status.values)
    rejected = Listing.objects.get(status=Status.REJECTED)
    assert rejected.rejection_reason


def test_listings_are_written_in_german_arabic_and_ukrainian_with_every_kind(demo_db):
    originals = Listing.objects.originals()
    assert set(originals.values_list("locale__language_code", flat=True)) == {"de", "ar", "uk"}
    # Each listing is in its submitter's own language; every address is at example.org.
    for listing in originals.select_related("submitter", "locale"):
        assert listing.locale.language_code == listing.submitter.language
    assert all(email.endswith("example.org") for email in Submitter.objects.values_list("email", flat=True))
    public_kinds = set(originals.public().values_list("kind", flat=True))
    assert {"donation", "volunteering", "mentoring", "tandem", "housing", "job", "apprenticeship", "internship", "room"} <= public_kinds


def test_offers_and_requests_that_match_each_other(demo_db):
    pairs = [
        ("Kinderwinterjacken Gr. 104–128 abzugeben", "أبحث عن ملابس شتوية لطفلين (4 و7 سنوات)"),
        ("2-Zimmer-Wohnung in Grünau, ab sofort", "Шукаю 2-кімнатну квартиру в Грюнау або Лінденау"),
    ]
    for offer_title, request_title in pairs:
        offer, request = Listing.objects.get(title=offer_title), Listing.objects.get(title=request_title)
        # The best match of each is the other (in whichever translation the reader gets).
        assert matching.matches(offer, 5)[0].translation_key == request.translation_key
        assert matching.matches(request, 5)[0].translation_key == offer.translation_key


def test_one_addressed_to_a_partner_one_reported_one_conversation_both_ways(demo_db):
    assert Listing.objects.originals().filter(partner__isnull=False, status=Status.PENDING).count() == 1
    reported = Report.objects.get(resolved_at__isnull=True).listing
    assert reported in Listing.objects.public()
    flat = Listing.objects.get(title="2-Zimmer-Wohnung in Grünau, ab sofort")
    conversation = flat.conversations.get()
    assert conversation.reader_confirmed_at is not None
    senders = [message.sender for message in conversation.messages.all()]
    assert senders == [Sender.READER, Sender.OWNER, Sender.READER]
    assert all(message.relayed_at for message in conversation.messages.all())


def test_the_public_api_lists_offers_and_requests_and_one_machine_translation(demo_db, client):
    german = data(client, LISTS, {"locale": "de"})
    assert german["offers"]["totalCount"] >= 5 and german["requests"]["totalCount"] >= 4
    english = data(client, LISTS, {"locale": "en"})
    machine = [edge["node"] for edge in english["offers"]["edges"] if edge["node"]["machineTranslated"]]
    assert [(node["title"], node["locale"]) for node in machine] == [
        ("Apprenticeship position warehouse logistics specialist", "en")
    ]
    # Nothing unpublished, nothing of a submitter.
    shown = str(german) + str(english)
    for listing in Listing.objects.exclude(status=Status.APPROVED):
        assert listing.title not in shown
    for submitter in Submitter.objects.all():
        assert submitter.email not in shown and submitter.name not in shown


def test_room_requests_pending_one_overlapping_and_one_confirmed_as_a_published_event(demo_db):
    pending = RoomRequest.objects.filter(status=RoomRequestStatus.PENDING)
    assert pending.count() == 2
    overlapping = [request for request in pending if availability.conflicts(request.room, request.start, request.end)]
    assert [request.title for request in overlapping] == ["Elterntreffen: Mehrsprachig aufwachsen"]
    assert isinstance(availability.conflicts(overlapping[0].room, overlapping[0].start, overlapping[0].end)[0], EventPage)
    confirmed = RoomRequest.objects.get(status=RoomRequestStatus.CONFIRMED)
    event = confirmed.event
    assert event.live and event.room == confirmed.room and event.start == confirmed.start


def test_loading_sends_no_email(demo_db, smtp_server):
    # Remove the demo's submissions (and the booked event) so that load_demo makes them again.
    for request in RoomRequest.objects.filter(event__isnull=False):
        EventPage.objects.get(pk=request.event_id).delete()
    RoomRequest.objects.all().delete()
    Listing.objects.all().delete()

    output = load_demo()

    assert "help offers and requests: 19 new" in output and "room requests: 3 new" in output
    assert Listing.objects.filter(status=Status.APPROVED).exists()
    assert smtp_server.messages == [] and mail.outbox == []
