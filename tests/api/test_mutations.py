"""
The API's mutations through the real /graphql/ view: coded errors for every refusal,
never over GET, never cached, and no answer carries an e-mail address or phone number.
"""

import pytest

from embed.models import ApiKey
from offers.models import Listing, RoomRequest
from tests.api.helpers import error_codes, gql
from tests.factories import PartnerPageFactory, PlaceFactory
from tests.offers import people
from tests.offers.submitting import form_token

pytestmark = pytest.mark.django_db

SUBMIT = """
mutation Submit($input: SubmitListingInput!) { submitListing(input: $input) { outcome } }
"""
ANSWER = """
mutation Answer($input: AnswerListingInput!) { answerListing(input: $input) { outcome } }
"""
CONFIRM = "mutation Confirm($token: String!) { confirmSubmission(token: $token, language: \"de\") { subject title alreadyConfirmed } }"
SEND = "mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { outcome } }"
REPORT = "mutation Report($input: ReportListingInput!) { reportListing(input: $input) { outcome } }"
ROOM = "mutation Room($input: RequestRoomInput!) { requestRoom(input: $input) { outcome } }"


def listing_input(**overrides):
    return {
        "direction": "OFFER", "kind": "HOUSING", "title": "Zimmer in WG frei",
        "description": "Ein helles Zimmer in Plagwitz, ab März, 350 € warm.", "name": "Lena Sommer",
        "email": "lena@example.org", "phone": "+49 341 555 0101", "language": "de", "acceptPrivacy": True,
        "formToken": form_token(), "district": "SUEDWEST", **overrides,
    }


def link_token(received, path):
    [link] = [link for link in received.links() if path in link]
    return link.rstrip("/").rsplit("/", 1)[1]


def assert_no_contact_details(body):
    text = body["_response"].content.decode()
    for secret in ("lena@example.org", "reader@example.net", "+49 341", "Lena Sommer"):
        assert secret not in text


def test_start_submission_hands_out_a_form_token(client):
    body = gql(client, "mutation { startSubmission { token minFillSeconds honeypotField } }")
    form = body["data"]["startSubmission"]
    assert form["token"] and form["minFillSeconds"] == 3 and form["honeypotField"] == "website"
    assert body["_response"]["Cache-Control"] == "no-store"


def test_submit_then_confirm_through_the_api(client, smtp_server):
    body = gql(client, SUBMIT, {"input": listing_input()})
    assert body["data"] == {"submitListing": {"outcome": "CONFIRMATION_SENT"}}
    assert_no_contact_details(body)
    assert body["_response"]["Cache-Control"] == "no-store"
    smtp_server.wait_for(1)
    token = link_token(smtp_server.to("lena@example.org")[0], "/offers/confirm/")

    body = gql(client, CONFIRM, {"token": token})
    assert body["data"]["confirmSubmission"] == {"subject": "LISTING", "title": "Zimmer in WG frei", "alreadyConfirmed": False}
    assert Listing.objects.get().status == "pending"
    assert gql(client, CONFIRM, {"token": token})["data"]["confirmSubmission"]["alreadyConfirmed"] is True
    assert error_codes(gql(client, CONFIRM, {"token": "forged"})) == ["TOKEN_INVALID"]


def test_every_field_error_is_coded_and_named_in_the_callers_language(client):
    body = gql(client, SUBMIT, {"input": listing_input(
        title="", email="nope", phone="ring ring", topics=["nope"], validUntil="2001-01-01", acceptPrivacy=False,
        language="uk",
    )})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
    fields = {item["field"]: item["code"] for item in error["extensions"]["fieldErrors"]}
    assert fields == dict.fromkeys(["title", "email", "phone", "topics", "validUntil", "acceptPrivacy"], "INVALID_INPUT")
    assert "Будь ласка" in error["message"]
    assert body["data"] is None
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        (lambda: {"website": "http://spam.example"}, "SPAM_SUSPECTED"),
        (lambda: {"formToken": "made-up"}, "SPAM_SUSPECTED"),
        (lambda: {"formToken": form_token(seconds_ago=0)}, "SPAM_SUSPECTED"),
        (lambda: {"formToken": form_token(seconds_ago=2 * 86400)}, "FORM_EXPIRED"),
    ],
    ids=["honeypot", "forged", "too-fast", "a-day-old"],
)
def test_spam_is_refused_with_its_code(client, overrides, code):
    assert error_codes(gql(client, SUBMIT, {"input": listing_input(**overrides())})) == [code]


def test_a_bad_enum_value_is_refused_before_anything_runs(client):
    assert error_codes(gql(client, SUBMIT, {"input": listing_input(kind="CASTLE")})) == ["BAD_USER_INPUT"]


def test_a_burst_from_one_address_is_refused(client, settings):
    settings.OFFERS_SUBMISSIONS_PER_ADDRESS = 5
    for number in range(5):
        body = gql(client, SUBMIT, {"input": listing_input(email=f"p{number}@example.org")})
        assert not body.get("errors"), body
    body = gql(client, SUBMIT, {"input": listing_input(email="p5@example.org")})
    assert error_codes(body) == ["TOO_MANY_SUBMISSIONS"]
    # Behind one trusted proxy the client is the forwarded address: another reader is not refused.
    settings.EMBED_TRUSTED_PROXY_COUNT = 1
    body = gql(client, SUBMIT, {"input": listing_input(email="p6@example.org")}, headers={"X-Forwarded-For": "198.51.100.4"})
    assert not body.get("errors"), body


def test_mutations_are_never_run_over_get(client):
    body = gql(client, "mutation { startSubmission { token } }", method="get")
    assert body["_response"].status_code in (400, 405)
    assert error_codes(body) == ["BAD_REQUEST"]


def test_through_a_partners_key_the_listing_is_addressed_to_the_partner(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    key = ApiKey(name="Verein", partner=partner, allowed_origins="https://verein.example")
    raw = key.set_new_key()
    key.save()
    body = gql(client, SUBMIT, {"input": listing_input()}, headers={"X-Api-Key": raw})
    assert not body.get("errors"), body
    listing = Listing.objects.get()
    assert (listing.partner, listing.channel) == (partner, f"api-key:{key.pk}")


def test_answer_send_and_report_through_the_api(client, smtp_server):
    listing = people.listing(people.submitter("lena@example.org"))
    body = gql(client, ANSWER, {"input": {
        "listingId": str(listing.pk), "text": "Ist das Zimmer noch frei?", "email": "reader@example.net",
        "language": "de", "acceptPrivacy": True, "formToken": form_token(),
    }})
    assert body["data"]["answerListing"] == {"outcome": "CONFIRMATION_SENT"}
    assert_no_contact_details(body)
    smtp_server.wait_for(1)
    confirmation = gql(client, CONFIRM, {"token": link_token(smtp_server.to("reader@example.net")[0], "/offers/confirm/")})
    assert confirmation["data"]["confirmSubmission"]["subject"] == "ANSWER"
    smtp_server.wait_for(2)
    owner_token = link_token(smtp_server.to("lena@example.org")[0], "/offers/answer/")

    body = gql(client, SEND, {"input": {"token": owner_token, "text": "Ja, noch frei.", "language": "de"}})
    assert body["data"]["sendMessage"] == {"outcome": "FORWARDED"}
    smtp_server.wait_for(3)
    assert "Ja, noch frei." in smtp_server.to("reader@example.net")[-1].text

    body = gql(client, REPORT, {"input": {"listingId": str(listing.pk), "reason": "FRAUD", "formToken": form_token()}})
    assert body["data"]["reportListing"] == {"outcome": "RECEIVED"}
    hidden = people.listing(people.submitter("other@example.org"), status="pending")
    body = gql(client, REPORT, {"input": {"listingId": str(hidden.pk), "reason": "SPAM", "formToken": form_token()}})
    assert error_codes(body) == ["LISTING_NOT_AVAILABLE"]
    body = gql(client, SEND, {"input": {"token": "nope", "text": "Hallo", "language": "de"}})
    assert error_codes(body) == ["TOKEN_INVALID"]


def test_request_a_room_through_the_api(client, smtp_server):
    from datetime import timedelta

    from django.utils import timezone

    from directory.models import Room

    room = Room.objects.create(place=PlaceFactory(), name="Saal", capacity=50, bookable_by_partners=True)
    rooms = gql(client, "{ bookableRooms { id name capacity placeName } }")["data"]["bookableRooms"]
    assert [entry["id"] for entry in rooms] == [str(room.pk)]
    start = (timezone.localtime() + timedelta(days=10)).replace(hour=18, minute=0, second=0, microsecond=0)
    room_input = {
        "roomId": str(room.pk), "groupName": "Frauencafé", "title": "Nähtreff", "start": start.isoformat(),
        "end": (start + timedelta(hours=2)).isoformat(), "attendees": 12, "name": "Amina", "email": "cafe@example.org",
        "language": "de", "acceptPrivacy": True, "formToken": form_token(),
    }
    body = gql(client, ROOM, {"input": room_input})
    assert body["data"]["requestRoom"] == {"outcome": "CONFIRMATION_SENT"}
    assert "cafe@example.org" not in body["_response"].content.decode()
    assert RoomRequest.objects.get().status == "unconfirmed"
    body = gql(client, ROOM, {"input": {**room_input, "attendees": 51, "formToken": form_token()}})
    assert error_codes(body) == ["INVALID_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "attendees"
