"""``events`` (occurrences of single and recurring events) and ``event``."""

import datetime
from zoneinfo import ZoneInfo

from pages.models import EventCancellation
from tests.api.helpers import data, error_codes, gql, translate
from tests.factories import EventPageFactory, PartnerPageFactory, TopicFactory

BERLIN = ZoneInfo("Europe/Berlin")

EVENTS = """
query ($locale: String, $from: DateTime, $to: DateTime, $topic: String, $partner: ID, $first: Int, $after: String) {
  events(locale: $locale, from: $from, to: $to, topic: $topic, partner: $partner, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { start end event { title locale organiser { title } } } }
  }
}
"""


def at(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def window(start, end):
    return {"from": start.isoformat(), "to": end.isoformat()}


def test_recurring_events_expand_in_berlin_time_across_dst_with_cancellations(client, site_tree):
    # Tuesdays at 18:00 local time, across the end of summer time (25 October 2026).
    cafe = EventPageFactory(
        parent=site_tree.events, title="Sprachcafé", start=at(2026, 10, 13, 18), end=at(2026, 10, 13, 20),
        recurrence_rule="FREQ=WEEKLY;BYDAY=TU;COUNT=6",
    )
    EventCancellation.objects.create(page=cafe, date=datetime.date(2026, 10, 20))
    EventPageFactory(parent=site_tree.events, title="Fest", start=at(2026, 10, 21, 15), end=at(2026, 10, 21, 18))

    result = data(client, EVENTS, window(at(2026, 10, 1), at(2026, 11, 30)))["events"]
    starts = [(edge["node"]["event"]["title"], edge["node"]["start"]) for edge in result["edges"]]
    assert starts == [
        ("Sprachcafé", "2026-10-13T18:00:00+02:00"),
        ("Fest", "2026-10-21T15:00:00+02:00"),
        ("Sprachcafé", "2026-10-27T18:00:00+01:00"),  # still 18:00, now in winter time
        ("Sprachcafé", "2026-11-03T18:00:00+01:00"),
        ("Sprachcafé", "2026-11-10T18:00:00+01:00"),
        ("Sprachcafé", "2026-11-17T18:00:00+01:00"),
    ]
    assert result["totalCount"] == 6


def test_events_paginate_over_occurrences(client, site_tree):
    EventPageFactory(
        parent=site_tree.events, title="Kurs", start=at(2026, 10, 5, 10), end=at(2026, 10, 5, 11),
        recurrence_rule="FREQ=DAILY;COUNT=5",
    )
    variables = {**window(at(2026, 10, 1), at(2026, 10, 31)), "first": 2}
    page_one = data(client, EVENTS, variables)["events"]
    assert len(page_one["edges"]) == 2 and page_one["pageInfo"]["hasNextPage"] and page_one["totalCount"] == 5
    page_two = data(client, EVENTS, {**variables, "after": page_one["pageInfo"]["endCursor"]})["events"]
    assert page_two["edges"][0]["node"]["start"] == "2026-10-07T10:00:00+02:00"


def test_events_filter_by_topic_and_partner(client, site_tree):
    culture = TopicFactory(slug="culture")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    EventPageFactory(parent=partner, title="Beim Verein", start=at(2026, 10, 2, 10), end=at(2026, 10, 2, 12))
    EventPageFactory(parent=site_tree.events, title="Konzert", topics=[culture],
                     start=at(2026, 10, 3, 19), end=at(2026, 10, 3, 21))
    base = window(at(2026, 10, 1), at(2026, 10, 31))

    def titles(extra):
        return [e["node"]["event"]["title"] for e in data(client, EVENTS, {**base, **extra})["events"]["edges"]]

    assert titles({}) == ["Beim Verein", "Konzert"]
    assert titles({"topic": "culture"}) == ["Konzert"]
    assert titles({"partner": str(partner.pk)}) == ["Beim Verein"]
    nodes = data(client, EVENTS, base)["events"]["edges"]
    assert nodes[0]["node"]["event"]["organiser"] == {"title": "Verein"}


def test_events_in_dari_fall_back_to_farsi_and_german(client, site_tree):
    talk = EventPageFactory(parent=site_tree.events, title="Vortrag", start=at(2026, 10, 2, 10), end=at(2026, 10, 2, 12))
    EventPageFactory(parent=site_tree.events, title="Kochen", start=at(2026, 10, 3, 10), end=at(2026, 10, 3, 12))
    translate(talk, "fa", title="سخنرانی")
    result = data(client, EVENTS, {**window(at(2026, 10, 1), at(2026, 10, 31)), "locale": "prs"})["events"]
    assert [(e["node"]["event"]["title"], e["node"]["event"]["locale"]) for e in result["edges"]] == [
        ("سخنرانی", "fa"), ("Kochen", "de"),
    ]


def test_events_window_is_bounded(client, site_tree):
    body = gql(client, EVENTS, window(at(2026, 1, 1), at(2027, 1, 1)))
    assert error_codes(body) == ["BAD_USER_INPUT"]


EVENT = """
query ($id: ID, $slug: String, $locale: String) {
  event(id: $id, slug: $slug, locale: $locale) {
    title locale registration cancelledDates
    occurrences(from: "2026-10-01T00:00:00+02:00", days: 30) { start }
  }
}
"""


def test_event_by_id_and_slug(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events, title="Kurs", slug="kurs", start=at(2026, 10, 5, 10), end=at(2026, 10, 5, 11),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    EventCancellation.objects.create(page=event, date=datetime.date(2026, 10, 12))
    by_slug = data(client, EVENT, {"slug": "kurs"})["event"]
    assert by_slug == data(client, EVENT, {"id": str(event.pk)})["event"]
    assert by_slug["registration"] == "NONE"
    assert by_slug["cancelledDates"] == ["2026-10-12"]
    assert [o["start"] for o in by_slug["occurrences"]] == ["2026-10-05T10:00:00+02:00", "2026-10-19T10:00:00+02:00"]
    translate(event, "fa", title="دوره")
    assert data(client, EVENT, {"slug": "kurs", "locale": "prs"})["event"]["locale"] == "fa"
