"""An hourly import of a feed whose events did not change costs the same for 5 events as for 50."""

from freshness.calendars import run
from freshness.calendars.models import CalendarFeed
from tests.api.helpers import assert_same_query_count, count_queries
from tests.calendars.conftest import vevent
from tests.factories import PartnerPageFactory, PlaceFactory


def reread(feed):
    """Import again as if the server had no validators and the body were new: every event is compared."""
    feed.etag = feed.content_hash = ""
    feed.save()
    with count_queries() as queries:
        run.import_feed(feed)
    return queries


def test_rereading_unchanged_events_does_not_cost_a_query_per_event(site_tree, calendar_server, calendar_settings):
    PlaceFactory(name="Stadthaus")
    feeds = {}
    for size in (5, 50):
        partner = PartnerPageFactory(parent=site_tree.partners)
        events = [
            vevent(f"e{n}@{size}.example", f"Termin {n}", location="Stadthaus" if n % 2 else "Anderswo")
            for n in range(size)
        ]
        calendar_server.serve(f"/{size}.ics", *events)
        feeds[size] = CalendarFeed.objects.create(partner=partner, url=calendar_server.url(f"/{size}.ics"))
        run.import_feed(feeds[size])
        assert feeds[size].counts["created"] == size

    small, large = reread(feeds[5]), reread(feeds[50])

    assert_same_query_count(small, large)
    assert feeds[50].counts == {"unchanged": 50, "skipped": 0, "flagged": 0, "conflicts": 0}
