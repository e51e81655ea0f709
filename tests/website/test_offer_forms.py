"""
The website's forms of help offers and requests, through a browser's requests: submit,
confirm (a button, not the link alone), answer and continue the conversation, report,
ask for a room. Errors beside their fields in the reader's language with what was typed;
success redirects to "check your e-mail"; CSRF on every form; nothing cached.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from directory.models import Room
from offers.choices import RoomRequestStatus, Status
from offers.models import Conversation, Listing, Report, RoomRequest
from tests.factories import PlaceFactory, TopicFactory
from tests.offers import people

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forms_may_be_sent_at_once(settings):
    settings.OFFERS_MIN_FILL_SECONDS = 0


def form_values(page):
    """The hidden fields a browser sends back (form token, CSRF token)."""
    html = page.content.decode()
    return {
        "formToken": re.search(r'name="formToken" value="([^"]+)"', html).group(1),
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
    }


def path_of(link):
    return "/" + link.split("/", 3)[3]


def link_in(received, part):
    [link] = [link for link in received.links() if part in link]
    return path_of(link)


LISTING = {
    "direction": "offer", "kind": "housing", "title": "Zimmer in WG frei",
    "description": "Ein helles Zimmer in Plagwitz, ab März, 350 € warm.", "district": "suedwest",
    "name": "Lena Sommer", "email": "lena@example.org", "phone": "+49 341 555 0101", "acceptPrivacy": "on",
    "website": "",
}


def test_submit_confirm_by_button_and_the_listing_waits_for_moderation(site_tree, smtp_server):
    TopicFactory(slug="wohnen", name="Wohnen")
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/de/offers/new/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert 'name="website"' in page.content.decode() and "Wohnen" in page.content.decode()

    response = browser.post("/de/offers/new/", {**LISTING, "topics": ["wohnen"], **form_values(page)})
    assert response.status_code == 302 and response["Location"] == "/de/offers/sent/?what=confirm"
    assert "E-Mails" in browser.get(response["Location"]).content.decode()
    listing = Listing.objects.get()
    assert (listing.status, listing.channel, listing.submitter.email) == (Status.UNCONFIRMED, "website", "lena@example.org")
    assert [topic.slug for topic in listing.topics.all()] == ["wohnen"]

    smtp_server.wait_for(1)
    confirm = link_in(smtp_server.to("lena@example.org")[0], "/offers/confirm/")
    page = browser.get(confirm)
    assert page.status_code == 200 and "Bestätigen" in page.content.decode()
    assert Listing.objects.get().status == Status.UNCONFIRMED  # opening the link alone changes nothing
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    done = browser.post(confirm, {"csrfmiddlewaretoken": csrf})
    assert done.status_code == 200 and "Ihr Eintrag ist bestätigt" in done.content.decode()
    assert Listing.objects.get().status == Status.PENDING


def test_a_refused_form_shows_each_error_beside_its_field_with_what_was_typed(site_tree):
    browser = Client()
    page = browser.get("/ar/offers/new/?direction=request")
    response = browser.post(
        "/ar/offers/new/?direction=request",
        {**LISTING, "direction": "request", "title": "", "email": "keine-adresse", "acceptPrivacy": "", **form_values(page)},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="f-title-error"' in html and 'id="f-email-error"' in html and 'id="f-acceptPrivacy-error"' in html
    assert "يرجى ملء هذا الحقل." in html  # "Please fill in this field." in Arabic
    assert 'value="keine-adresse"' in html and "Ein helles Zimmer in Plagwitz" in html
    assert 'value="request" checked' in html
    assert not Listing.objects.exists()


def test_honeypot_and_a_too_fast_form_are_refused(site_tree, settings):
    browser = Client()
    page = browser.get("/de/offers/new/")
    response = browser.post("/de/offers/new/", {**LISTING, **form_values(page), "website": "http://spam.example"})
    assert response.status_code == 400 and not Listing.objects.exists()
    settings.OFFERS_MIN_FILL_SECONDS = 60
    page = browser.get("/de/offers/new/")
    response = browser.post("/de/offers/new/", {**LISTING, **form_values(page)})
    assert response.status_code == 400 and "Das ging sehr schnell" in response.content.decode()
    assert not Listing.objects.exists()


def test_forms_need_their_csrf_token(site_tree):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/de/offers/new/")
    values = form_values(page)
    del values["csrfmiddlewaretoken"]
    assert browser.post("/de/offers/new/", {**LISTING, **values}).status_code == 403


def test_answer_then_the_conversation_goes_on_through_each_sides_page(site_tree, smtp_server):
    listing = people.listing(people.submitter("lena@example.org"), title="Kinderfahrrad zu verschenken")
    reader = Client()
    page = reader.get(f"/de/offers/{listing.pk}/answer/")
    assert "Kinderfahrrad zu verschenken" in page.content.decode()
    response = reader.post(
        f"/de/offers/{listing.pk}/answer/",
        {"text": "Ist das Fahrrad noch da?", "email": "omar@example.net", "acceptPrivacy": "on", **form_values(page)},
    )
    assert response.status_code == 302
    smtp_server.wait_for(1)
    confirm = link_in(smtp_server.to("omar@example.net")[0], "/offers/confirm/")
    assert reader.post(confirm).status_code == 200
    smtp_server.wait_for(2)
    to_owner = smtp_server.to("lena@example.org")[0]
    assert "Ist das Fahrrad noch da?" in to_owner.text and "omar@example.net" not in str(to_owner.message)

    owner = Client()
    conversation_page = link_in(to_owner, "/offers/answer/")
    page = owner.get(conversation_page)
    html = page.content.decode()
    assert "Ist das Fahrrad noch da?" in html and "omar@example.net" not in html
    assert page["Cache-Control"] == "private, no-store"
    response = owner.post(conversation_page, {"text": "Ja, komm gern vorbei."})
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    smtp_server.wait_for(3)
    to_reader = smtp_server.to("omar@example.net")[-1]
    assert "Ja, komm gern vorbei." in to_reader.text and "lena@example.org" not in str(to_reader.message)
    assert link_in(to_reader, "/offers/answer/").endswith(f"/{Conversation.objects.get().reader_token}/")


def test_a_hidden_listing_has_no_answer_or_report_form(site_tree):
    hidden = people.listing(people.submitter("lena@example.org"), status=Status.PENDING)
    assert Client().get(f"/de/offers/{hidden.pk}/answer/").status_code == 404
    assert Client().get(f"/de/offers/{hidden.pk}/report/").status_code == 404
    assert Client().get("/de/offers/answer/not-a-token/").status_code == 404


def test_report_a_listing(site_tree):
    listing = people.listing(people.submitter("lena@example.org"))
    browser = Client()
    page = browser.get(f"/uk/offers/{listing.pk}/report/")
    response = browser.post(f"/uk/offers/{listing.pk}/report/", {"reason": "nonsense", **form_values(page)})
    assert response.status_code == 400 and 'id="f-reason-error"' in response.content.decode()
    response = browser.post(f"/uk/offers/{listing.pk}/report/", {"reason": "fraud", "text": "Vorkasse", **form_values(page)})
    assert response["Location"] == "/uk/offers/sent/?what=report"
    assert Report.objects.get().reason == "fraud"


def test_ask_for_a_room(site_tree, smtp_server):
    room = Room.objects.create(place=PlaceFactory(name="Stadthaus"), name="Raum 1.12", capacity=30, bookable_by_partners=True)
    start = (timezone.localtime() + timedelta(days=9)).replace(hour=18, minute=0, second=0, microsecond=0)
    browser = Client()
    page = browser.get("/de/rooms/")
    assert "Raum 1.12" in page.content.decode()
    values = {
        "roomId": str(room.pk), "groupName": "Frauencafé", "title": "Nähtreff", "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": "", "attendees": "40", "name": "Amina", "email": "cafe@example.org", "acceptPrivacy": "on",
    }
    response = browser.post("/de/rooms/", {**values, **form_values(page)})
    assert response.status_code == 400 and 'id="f-end-error"' in response.content.decode()
    values["end"] = (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = browser.post("/de/rooms/", {**values, **form_values(page)})
    assert response.status_code == 400 and 'id="f-attendees-error"' in response.content.decode()
    response = browser.post("/de/rooms/", {**values, "attendees": "20", **form_values(page)})
    assert response.status_code == 302
    request = RoomRequest.objects.get()
    assert (request.status, timezone.localtime(request.start)) == (RoomRequestStatus.UNCONFIRMED, start)
    smtp_server.wait_for(1)
    assert "/de/offers/confirm/" in smtp_server.to("cafe@example.org")[0].text
