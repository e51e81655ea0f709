"""
schema.org data on service and event pages: a ``Service`` (``GovernmentService`` when a
public office offers it) and an ``Event`` per coming date, as JSON-LD that cannot end its
``<script>`` element and carries nothing the page does not show.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from directory.choices import PartnerKind
from directory.models import OpeningInterval
from pages.models import EventCancellation
from tests.factories import (
    EventPageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    spoken,
)

BERLIN = ZoneInfo("Europe/Berlin")


def json_ld(html):
    (text,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(text)


@pytest.fixture
def office(site_tree):
    return PartnerPageFactory(
        parent=site_tree.partners, title="Ausländerbehörde", slug="auslaenderbehoerde", kind=PartnerKind.PUBLIC_OFFICE
    )


def test_a_service_is_described_with_provider_hours_languages_and_address(client, office):
    place = PlaceFactory(name="Stadthaus", street="Burgplatz 1", postcode="04109")
    service = ServicePageFactory(
        parent=office, title="Aufenthaltstitel", slug="aufenthalt", summary="Verlängern.", places=[place],
        languages=spoken("ar", "uk"), phone="0341 123", provider=office,
    )
    OpeningInterval.objects.create(page=service, weekday=1, opens=datetime.time(9), closes=datetime.time(12))
    OpeningInterval.objects.create(page=service, weekday=4, opens=datetime.time(14), closes=datetime.time(18))

    data = json_ld(client.get("/de/services/aufenthalt/").content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "Aufenthaltstitel" and data["url"] == "http://localhost/de/services/aufenthalt/"
    assert data["provider"] == {
        "@type": "Organization", "name": "Ausländerbehörde", "url": "http://localhost/de/partners/auslaenderbehoerde/"
    }
    assert data["areaServed"] == {"@type": "City", "name": "Leipzig"}
    assert [(hours["dayOfWeek"], hours["opens"], hours["closes"]) for hours in data["hoursAvailable"]] == [
        ("https://schema.org/Monday", "09:00:00", "12:00:00"),
        ("https://schema.org/Thursday", "14:00:00", "18:00:00"),
    ]
    (channel,) = data["availableChannel"]
    assert sorted(language["alternateName"] for language in channel["availableLanguage"]) == ["ar", "uk"]
    assert channel["serviceLocation"]["address"] == {
        "@type": "PostalAddress", "streetAddress": "Burgplatz 1", "postalCode": "04109",
        "addressLocality": "Leipzig", "addressCountry": "DE",
    }
    assert channel["servicePhone"]["telephone"] == "0341 123"


def test_a_service_of_an_association_is_a_service(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein")
    ServicePageFactory(parent=partner, title="Mietberatung", slug="mietberatung", provider=partner)
    data = json_ld(client.get("/de/services/mietberatung/").content.decode())
    assert data["@type"] == "Service" and data["availableChannel"][0]["availableLanguage"] == []


def test_json_ld_cannot_end_its_script_element(client, office):
    ServicePageFactory(parent=office, title="</script><script>alert(1)</script>", slug="boese", summary="a & b")
    html = client.get("/de/services/boese/").content.decode()
    assert "<script>alert(1)" not in html
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in raw and "&" not in raw and "\\u003C/script\\u003E" in raw
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_each_coming_date_of_a_series_is_an_event_and_a_cancelled_one_says_so(client, site_tree):
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=(0 - today.weekday()) % 7 + 7)
    start = datetime.datetime.combine(monday, datetime.time(10), tzinfo=BERLIN)
    organiser = PartnerPageFactory(parent=site_tree.partners, title="Verein Brücke", slug="bruecke")
    page = EventPageFactory(
        parent=site_tree.events, title="Sprachcafé", slug="sprachcafe", start=start,
        end=start + datetime.timedelta(hours=2), recurrence_rule="FREQ=WEEKLY;COUNT=3", organiser=organiser,
        place=PlaceFactory(name="Stadthaus"), online_url="", languages=spoken("ar"),
    )
    EventCancellation.objects.create(page=page, date=monday + datetime.timedelta(days=7))

    events = json_ld(client.get("/ar/events/sprachcafe/").content.decode())
    assert [(event["startDate"], event["eventStatus"]) for event in events] == [
        (start.isoformat(), "https://schema.org/EventScheduled"),
        ((start + datetime.timedelta(days=7)).isoformat(), "https://schema.org/EventCancelled"),
        ((start + datetime.timedelta(days=14)).isoformat(), "https://schema.org/EventScheduled"),
    ]
    first = events[0]
    assert first["@type"] == "Event" and first["name"] == "Sprachcafé"
    assert first["endDate"] == (start + datetime.timedelta(hours=2)).isoformat()
    assert first["location"]["@type"] == "Place" and first["location"]["name"] == "Stadthaus"
    assert first["organizer"]["name"] == "Verein Brücke"
    assert first["organizer"]["url"] == "http://localhost/ar/partners/bruecke/"
    assert first["inLanguage"] == "ar"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_an_online_event_has_a_virtual_location_and_the_pages_language(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Webinar", slug="webinar", online_url="https://example.org/live")
    (event,) = json_ld(client.get("/de/events/webinar/").content.decode())
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert event["inLanguage"] == "de" and "organizer" not in event
