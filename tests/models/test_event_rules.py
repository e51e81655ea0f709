"""
One behaviour for events whose start and rule disagree, and for date-only UNTIL: the
start is the series' first date (the form refuses a start the rule would not produce),
an UNTIL date includes that day, and the API's dates, ``Event.start`` and the calendar
feed agree, checked against icalendar's own reading of the feed.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from icalendar import Calendar

from pages.models import EventPage
from tests.api.helpers import data
from tests.factories import EventPageFactory, PlaceFactory

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def unsaved(start, rule, hours=2):
    return EventPage(
        title="Kurs", start=start, end=start + datetime.timedelta(hours=hours), recurrence_rule=rule,
        online_url="https://example.org/",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "rule", "first"),
    [
        (berlin(2026, 6, 2, 18), "FREQ=MONTHLY;BYDAY=1SU;COUNT=3", "Sunday, 7 June 2026, 18:00"),  # a Tuesday
        (berlin(2026, 6, 6, 18), "FREQ=WEEKLY;BYDAY=FR;COUNT=3", "Friday, 12 June 2026, 18:00"),  # a Saturday
    ],
)
def test_a_start_the_rule_would_not_produce_is_refused_with_the_rules_first_date(start, rule, first):
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        unsaved(start, rule).clean()
    assert list(refused.value.message_dict) == ["start"]
    assert first in refused.value.message_dict["start"][0]


@pytest.mark.django_db
def test_a_start_on_the_rules_first_date_is_accepted():
    unsaved(berlin(2026, 6, 7, 18), "FREQ=MONTHLY;BYDAY=1SU;COUNT=3").clean()


@pytest.mark.django_db
def test_an_older_event_whose_start_does_not_fit_counts_its_start_as_a_date():
    event = unsaved(berlin(2026, 6, 6, 18), "FREQ=WEEKLY;BYDAY=FR;COUNT=2")
    event.cancellations = []
    starts = [start for start, _end in event.occurrences(berlin(2026, 6, 1), berlin(2026, 7, 1))]
    assert starts == [berlin(2026, 6, 6, 18), berlin(2026, 6, 12, 18), berlin(2026, 6, 19, 18)]


@pytest.mark.django_db
def test_a_date_only_until_includes_that_day():
    event = unsaved(berlin(2026, 6, 2, 18), "FREQ=WEEKLY;UNTIL=20260630")  # Tuesdays; 30 June is one
    event.cancellations = []
    starts = [start.date() for start, _end in event.occurrences(berlin(2026, 6, 1), berlin(2026, 8, 1))]
    assert starts[-1] == datetime.date(2026, 6, 30)
    assert len(starts) == 5


EVENT_QUERY = """query ($id: ID!) { event(id: $id) { start end occurrences(from: "2026-06-01T00:00:00+02:00", days: 60) { start } } }"""
EVENTS_QUERY = """{ events(from: "2026-06-01T00:00:00+02:00", to: "2026-08-01T00:00:00+02:00") { edges { node { start } } } }"""


def feed_starts(client, slug):
    """The dates the partner's feed gives, expanded by the feed reader's rule (icalendar + dateutil)."""
    from dateutil.rrule import rrulestr

    calendar = Calendar.from_ical(client.get(f"/feeds/events/partner/{slug}.ics").content)
    (vevent,) = calendar.walk("VEVENT")
    dtstart = vevent.decoded("dtstart")
    rule = vevent["rrule"].to_ical().decode()
    return [moment.astimezone(BERLIN) for moment in rrulestr(rule, dtstart=dtstart, compatible=True)]


def test_api_feed_and_event_start_agree_for_a_date_only_until(client, site_tree):
    from tests.factories import PartnerPageFactory

    partner = PartnerPageFactory(parent=site_tree.partners, slug="verein")
    event = EventPageFactory(
        parent=partner, start=berlin(2026, 6, 2, 18), end=berlin(2026, 6, 2, 20),
        recurrence_rule="FREQ=WEEKLY;UNTIL=20260630", place=PlaceFactory(),
    )
    result = data(client, EVENT_QUERY, {"id": str(event.pk)})["event"]
    api_dates = [item["start"] for item in result["occurrences"]]
    listed = [edge["node"]["start"] for edge in data(client, EVENTS_QUERY)["events"]["edges"]]
    feed = [moment.isoformat() for moment in feed_starts(client, "verein")]
    assert api_dates == listed == feed
    assert api_dates[0] == result["start"] == "2026-06-02T18:00:00+02:00"
    assert api_dates[-1] == "2026-06-30T18:00:00+02:00"
    assert result["end"] == "2026-06-02T20:00:00+02:00"


def test_the_editor_shows_the_next_dates_readers_get(admin_client, site_tree):
    from django.urls import reverse

    from pages.models import EventCancellation

    event = EventPageFactory(
        parent=site_tree.events, place=PlaceFactory(), recurrence_rule="FREQ=WEEKLY;COUNT=3",
        start=berlin(2099, 6, 2, 18), end=berlin(2099, 6, 2, 20),
    )
    EventCancellation.objects.create(page=event, date=datetime.date(2099, 6, 9))
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    panel = html[html.index("data-next-dates"):]
    panel = panel[: panel.index("</div>")]
    assert "2099" in panel and panel.count("<li>") == 2
    assert "9 " not in panel.split("<li>")[2]  # the cancelled Tuesday is not listed
