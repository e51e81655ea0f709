"""iCalendar feeds, parsed back with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction

from pages.models import EventCancellation
from taxonomy.models import Topic
from tests.api.helpers import assert_same_query_count, count_queries
from tests.conftest import SiteTree, rolled_back_at_the_end
from tests.factories import EventPageFactory, PartnerPageFactory, TopicFactory

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def shared_feed_content(shared_site_tree, django_db_blocker):
    """Built once for the module (see tests/conftest.py); tests get fresh instances."""
    with rolled_back_at_the_end(django_db_blocker):
        content = build_feed_content(SiteTree.fetch(shared_site_tree))
        yield {
            "partner": content["partner"].pk,
            "topic": content["topic"].pk,
            "weekly": content["weekly"].pk,
            "single": content["single"].pk,
            "unwanted": [page.pk for page in content["unwanted"]],
        }


@pytest.fixture
def feed_content(shared_feed_content, site_tree):
    def page(pk):
        return Page.objects.get(pk=pk).specific

    keys = shared_feed_content
    return {
        "partner": page(keys["partner"]),
        "topic": Topic.objects.get(pk=keys["topic"]),
        "weekly": page(keys["weekly"]),
        "single": page(keys["single"]),
        "unwanted": [page(pk) for pk in keys["unwanted"]],
    }


def build_feed_content(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein Brücke", slug="bruecke")
    topic = TopicFactory(name="Sprachkurse", slug="sprachkurse")
    start = datetime.datetime(2026, 3, 3, 18, 0, tzinfo=BERLIN)
    weekly = EventPageFactory(
        parent=site_tree.events,
        title="Sprachcafé",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrence_rule="FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231",
        organiser=partner,
        topics=[topic],
    )
    EventCancellation.objects.create(page=weekly, date=datetime.date(2026, 4, 7), reason="Ostern")
    EventCancellation.objects.create(page=weekly, date=datetime.date(2026, 12, 29))
    single = EventPageFactory(parent=site_tree.events, title="Infoabend", organiser=partner, topics=[topic])
    draft = EventPageFactory(parent=site_tree.events, title="Entwurf", organiser=partner, topics=[topic], live=False)
    private = EventPageFactory(parent=site_tree.events, title="Intern", organiser=partner, topics=[topic])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    members = EventPageFactory(parent=site_tree.events, title="Nur Mitglieder", organiser=partner, topics=[topic])
    restriction = PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Mitglieder"))
    expired = EventPageFactory(
        parent=site_tree.events,
        title="Abgelaufen",
        organiser=partner,
        topics=[topic],
        expire_at=datetime.datetime(2020, 1, 1, tzinfo=BERLIN),
    )
    other = EventPageFactory(parent=site_tree.events, title="Anderer Träger")
    return {"partner": partner, "topic": topic, "weekly": weekly, "single": single, "unwanted": [draft, private, members, expired, other]}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_partner_feed_has_only_public_events_of_that_partner(client, feed_content):
    calendar = parse(client.get("/feeds/events/partner/bruecke.ics"))
    assert summaries(calendar) == ["Infoabend", "Sprachcafé"]
    assert str(calendar["VERSION"]) == "2.0"
    assert "Verein Brücke" in str(calendar["X-WR-CALNAME"])


def test_topic_feed_has_only_public_events_of_that_topic(client, feed_content):
    calendar = parse(client.get("/feeds/events/topic/sprachkurse.ics"))
    assert summaries(calendar) == ["Infoabend", "Sprachcafé"]


def test_recurrence_is_kept_as_rrule_with_exdates_in_berlin_time(client, feed_content):
    calendar = parse(client.get("/feeds/events/partner/bruecke.ics"))
    (series,) = [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == "Sprachcafé"]
    rule = series["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    # UNTIL of a zoned series is UTC (RFC 5545 3.3.10): end of 31 Dec in Leipzig.
    assert rule["UNTIL"][0] == datetime.datetime(2026, 12, 31, 22, 59, 59, tzinfo=datetime.timezone.utc)
    start = series.decoded("DTSTART")
    assert start == datetime.datetime(2026, 3, 3, 18, 0, tzinfo=BERLIN)
    assert series["DTSTART"].params["TZID"] == "Europe/Berlin"
    exdates = series["EXDATE"] if isinstance(series["EXDATE"], list) else [series["EXDATE"]]
    cancelled = sorted(dt.dt for exdate in exdates for dt in exdate.dts)
    # Each EXDATE names the occurrence by its local start; 7 April is after the change to summer time.
    assert cancelled == [
        datetime.datetime(2026, 4, 7, 18, 0, tzinfo=BERLIN),
        datetime.datetime(2026, 12, 29, 18, 0, tzinfo=BERLIN),
    ]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_each_event_has_the_fields_calendar_apps_require(client, feed_content):
    calendar = parse(client.get("/feeds/events/topic/sprachkurse.ics"))
    uids = set()
    for event in calendar.walk("VEVENT"):
        for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert field in event, field
        uids.add(str(event["UID"]))
    assert len(uids) == 2
    assert calendar["PRODID"]


def test_each_event_links_to_its_website_page_in_the_feeds_language(client, feed_content):
    weekly = feed_content["weekly"]
    for language in ("de", "ar"):
        calendar = parse(client.get(f"/feeds/events/partner/bruecke.ics?locale={language}"))
        (series,) = [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == "Sprachcafé"]
        url = str(series["URL"])
        assert url == f"http://localhost/{language}/veranstaltungen/{weekly.slug}/"
        # The website answers that address with the event's own page.
        assert client.get(url.removeprefix("http://localhost"))["Location"] == f"/{language}/events/{weekly.slug}/"


def test_unknown_partner_or_topic_is_404_and_unknown_locale_400(client, feed_content):
    assert client.get("/feeds/events/partner/nobody.ics").status_code == 404
    assert client.get("/feeds/events/topic/nothing.ics").status_code == 404
    assert client.get("/feeds/events/topic/sprachkurse.ics?locale=xx").status_code == 400


def test_a_private_partner_has_no_feed(client, feed_content):
    PageViewRestriction.objects.create(
        page=feed_content["partner"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get("/feeds/events/partner/bruecke.ics").status_code == 404


def test_locale_falls_back_to_german_where_nothing_is_translated(client, feed_content):
    calendar = parse(client.get("/feeds/events/partner/bruecke.ics?locale=prs"))
    assert summaries(calendar) == ["Infoabend", "Sprachcafé"]


def test_feed_query_count_does_not_grow_with_events(client, feed_content, site_tree):
    """Two events in the feed, then four: a query per event would show as a difference."""
    def feed():
        with count_queries() as queries:
            calendar = parse(client.get("/feeds/events/topic/sprachkurse.ics"))
        return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}, queries

    feed()  # warms Wagtail's cached site root paths
    titles, two = feed()
    assert titles == {"Infoabend", "Sprachcafé"}
    for number in range(2):
        EventPageFactory(parent=site_tree.events, title=f"Mehr {number}", topics=[feed_content["topic"]])
    feed()  # the tree changed: its visibility scope is read once more
    titles, four = feed()
    assert titles == {"Infoabend", "Sprachcafé", "Mehr 0", "Mehr 1"}
    assert_same_query_count(two, four)


def test_head_on_a_feed_is_answered_like_get(client, feed_content):
    response = client.head("/feeds/events/topic/sprachkurse.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content == b""
