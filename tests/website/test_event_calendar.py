"""
"Add to my calendar": an event page offers its series (RRULE, EXDATE) and each of its
dates as an iCalendar download, from the API's answer, so a hidden event has no file.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from pages.models import EventCancellation
from tests.api.helpers import translate
from tests.factories import EventPageFactory, PartnerPageFactory, PlaceFactory
from tests.website.content import HIDDEN, hide

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def course(site_tree):
    """A weekly course on Tuesdays at 18:00, from next week on, with one cancelled date."""
    today = timezone.localdate()
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 + 7)
    start = datetime.datetime.combine(tuesday, datetime.time(18), tzinfo=BERLIN)
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein Brücke", slug="bruecke")
    page = EventPageFactory(
        parent=site_tree.events, title="Sprachcafé", slug="sprachcafe", summary="Deutsch üben.", start=start,
        end=start + datetime.timedelta(hours=2), recurrence_rule="FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        organiser=partner, place=PlaceFactory(name="Stadthaus"), online_url="",
    )
    EventCancellation.objects.create(page=page, date=tuesday + datetime.timedelta(days=14))
    return page


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return Calendar.from_ical(response.content)


def test_the_series_is_one_event_with_its_rule_and_cancelled_dates(client, course):
    calendar = parse(client.get("/de/events/sprachcafe/calendar.ics"))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Sprachcafé"
    assert event.decoded("DTSTART") == course.start
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["COUNT"] == [10]
    exdates = event["EXDATE"] if isinstance(event["EXDATE"], list) else [event["EXDATE"]]
    assert [value.dt for exdate in exdates for value in exdate.dts] == [course.start + datetime.timedelta(days=14)]
    assert str(event["URL"]) == "http://localhost/de/events/sprachcafe/"
    assert "Stadthaus" in str(event["LOCATION"])
    # The same UID as in the partner's feed: a calendar that has both shows the series once.
    feed = Calendar.from_ical(client.get("/feeds/events/partner/bruecke.ics").content)
    assert [str(each["UID"]) for each in feed.walk("VEVENT")] == [str(event["UID"])]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_one_date_of_the_series_is_an_event_of_its_own(client, course):
    second = (course.start + datetime.timedelta(days=7)).isoformat()
    response = client.get("/de/events/sprachcafe/calendar.ics", {"start": second})
    (event,) = parse(response).walk("VEVENT")
    assert event.decoded("DTSTART") == course.start + datetime.timedelta(days=7)
    assert event.decoded("DTEND") == course.start + datetime.timedelta(days=7, hours=2)
    assert "RRULE" not in event and "EXDATE" not in event
    assert response["Content-Disposition"].endswith(f'-{second[:10]}.ics"')


def test_a_date_the_event_does_not_have_is_404_and_an_unreadable_one_400(client, course):
    cancelled = (course.start + datetime.timedelta(days=14)).isoformat()
    assert client.get("/de/events/sprachcafe/calendar.ics", {"start": cancelled}).status_code == 404
    wrong_hour = (course.start + datetime.timedelta(hours=1)).isoformat()
    assert client.get("/de/events/sprachcafe/calendar.ics", {"start": wrong_hour}).status_code == 404
    response = client.get("/de/events/sprachcafe/calendar.ics", {"start": "next tuesday"})
    assert response.status_code == 400
    assert response.content.decode() == "Dieses Datum ist ungültig."


def test_the_event_page_links_the_series_and_each_date(client, course):
    html = client.get("/de/events/sprachcafe/").content.decode()
    assert '<a href="/de/events/sprachcafe/calendar.ics" download>Alle Termine in meinen Kalender</a>' in html
    dates = re.findall(r'href="/de/events/sprachcafe/calendar.ics\?start=([^"]+)" download>', html)
    assert len(dates) == 9  # ten dates, one cancelled
    second = (course.start + datetime.timedelta(days=7)).isoformat()
    assert client.get(f"/de/events/sprachcafe/calendar.ics?start={dates[1]}").status_code == 200
    assert dates[1].replace("%3A", ":").replace("%2B", "+") == second


def test_a_single_event_offers_one_download(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Infoabend", slug="infoabend")
    html = client.get("/de/events/infoabend/").content.decode()
    assert '<a href="/de/events/infoabend/calendar.ics" download>In meinen Kalender</a>' in html
    assert "calendar.ics?start=" not in html
    (event,) = parse(client.get("/de/events/infoabend/calendar.ics")).walk("VEVENT")
    assert "RRULE" not in event


def test_the_file_is_in_the_readers_language_where_the_event_is_translated(client, course):
    translate(course, "uk", title="Мовне кафе", slug="movne-kafe")
    (event,) = parse(client.get("/uk/events/movne-kafe/calendar.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Мовне кафе"
    (event,) = parse(client.get("/ar/events/sprachcafe/calendar.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Sprachcafé"


@pytest.mark.parametrize("how", HIDDEN)
def test_a_hidden_event_has_no_calendar_file(client, course, how):
    hide(course, how)
    assert client.get("/de/events/sprachcafe/calendar.ics").status_code == 404
    assert client.get("/de/events/sprachcafe/calendar.ics", {"start": course.start.isoformat()}).status_code == 404
