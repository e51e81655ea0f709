"""
A feed that cannot be had or read: the error is kept on the feed, its events stay as the
last good import left them, and the server is asked politely and only at public addresses.
"""

import pytest

from freshness.calendars import run
from freshness.calendars.choices import EventState, FeedError, FeedResult
from freshness.calendars.models import CalendarFeed, ImportedEvent
from pages.models import EventPage
from tests.calendars.conftest import vevent

CAFE = vevent("cafe-1@verein.example", "Sprachcafé")


@pytest.fixture
def imported_once(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    assert run.import_feed(feed) == FeedResult.OK
    return feed


def assert_kept(feed, error):
    feed.refresh_from_db()
    assert feed.result == FeedResult.FAILED
    assert feed.error == error
    assert feed.counts["created"] == 1  # the last good import's counts
    record = ImportedEvent.objects.select_related("page").get()
    assert record.state == EventState.ACTIVE
    assert record.page.get_latest_revision_as_object().title == "Sprachcafé"
    assert EventPage.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>Wartungsarbeiten</body></html>",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",  # cut off
        b"",
    ],
    ids=["html", "cut-off", "empty"],
)
def test_a_malformed_feed_keeps_the_last_good_state_and_records_the_error(imported_once, calendar_server, body):
    calendar_server.serve("/verein.ics", raw=body)

    assert run.import_feed(imported_once) == FeedResult.FAILED
    assert_kept(imported_once, FeedError.MALFORMED)
    assert imported_once.error_detail


def test_a_broken_event_is_skipped_and_does_not_count_as_removed(imported_once, calendar_server):
    broken = CAFE.replace("DTSTART;TZID=Europe/Berlin:20350105T180000", "DTSTART:gestern")
    calendar_server.serve("/verein.ics", broken, vevent("neu@verein.example", "Neu"))

    assert run.import_feed(imported_once) == FeedResult.OK

    imported_once.refresh_from_db()
    assert imported_once.counts["skipped"] == 1 and imported_once.counts["created"] == 1
    assert ImportedEvent.objects.get(uid="cafe-1@verein.example").state == EventState.ACTIVE


def test_a_missing_feed_is_an_error_not_an_empty_calendar(imported_once, calendar_server):
    calendar_server.remove("/verein.ics")

    assert run.import_feed(imported_once) == FeedResult.FAILED
    assert_kept(imported_once, FeedError.STATUS)
    assert imported_once.error_detail == "HTTP 404"


def test_a_slow_server_times_out(imported_once, calendar_server):
    calendar_server.serve("/slow.ics", CAFE)
    imported_once.url = calendar_server.url("/slow.ics")
    imported_once.save()

    assert run.import_feed(imported_once) == FeedResult.FAILED
    assert_kept(imported_once, FeedError.TIMEOUT)


def test_a_server_trickling_its_answer_times_out_as_a_whole(imported_once, calendar_server):
    imported_once.url = calendar_server.url("/trickle.ics")
    imported_once.save()

    assert run.import_feed(imported_once) == FeedResult.FAILED
    assert_kept(imported_once, FeedError.TIMEOUT)
    assert "still reading" in imported_once.error_detail


def test_a_feed_larger_than_the_limit_is_refused(imported_once, calendar_server, settings):
    settings.CALENDAR_IMPORT_MAX_BYTES = 1000
    calendar_server.serve("/verein.ics", *[vevent(f"e{n}@verein.example", f"Termin {n}") for n in range(20)])

    assert run.import_feed(imported_once) == FeedResult.FAILED
    assert_kept(imported_once, FeedError.TOO_LARGE)


def test_private_addresses_are_refused_unless_allowed(partner, calendar_server, settings):
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = False  # the production default
    calendar_server.serve("/verein.ics", CAFE)
    feed = CalendarFeed.objects.create(partner=partner, url=calendar_server.url("/verein.ics"))

    assert run.import_feed(feed) == FeedResult.FAILED

    feed.refresh_from_db()
    assert feed.error == FeedError.REFUSED
    assert "private network" in feed.error_detail
    assert calendar_server.seen == []  # not even asked
    assert not EventPage.objects.exists()


def test_an_address_that_is_not_http_is_refused(partner, settings):
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = True
    feed = CalendarFeed.objects.create(partner=partner, url="ftp://verein.example/kalender.ics")

    assert run.import_feed(feed) == FeedResult.FAILED
    feed.refresh_from_db()
    assert feed.error == FeedError.REFUSED


def test_an_error_on_our_side_is_named_as_ours_and_the_other_feeds_go_on(imported_once, calendar_server, site_tree, monkeypatch):
    """A bug in the import (here: while applying one feed) is not blamed on the partner's file."""
    from tests.factories import PartnerPageFactory

    other_partner = PartnerPageFactory(parent=site_tree.partners, title="Zweiter Verein")
    calendar_server.serve("/zweiter.ics", vevent("zweiter-1@verein.example", "Zweites Café"))
    other = CalendarFeed.objects.create(partner=other_partner, url=calendar_server.url("/zweiter.ics"))
    calendar_server.serve("/verein.ics", CAFE, vevent("neu@verein.example", "Neu"))
    apply = run.apply

    def apply_failing_for_the_first_feed(feed, content, now):
        if feed.pk == imported_once.pk:
            raise RuntimeError("a bug of ours")
        return apply(feed, content, now)

    monkeypatch.setattr(run, "apply", apply_failing_for_the_first_feed)
    results = run.import_all()

    imported_once.refresh_from_db()
    assert (imported_once.result, imported_once.error) == (FeedResult.FAILED, FeedError.INTERNAL)
    assert "RuntimeError" in imported_once.error_detail
    assert not EventPage.objects.filter(title="Neu").exists()  # the failed feed's change was not half applied
    assert results[other] == FeedResult.OK
    assert EventPage.objects.filter(title="Zweites Café").exists()
