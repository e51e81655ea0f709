"""
The import against a partner's changing calendar: drafts under review with stable UIDs,
updates where no editor has changed a field, editors' changes kept and shown as conflicts,
cancelled and vanished events flagged (never deleted), and nothing public before review.
"""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import PageLogEntry, Workflow, WorkflowState

from freshness.calendars import run
from freshness.calendars.choices import EventState, FeedResult
from freshness.calendars.models import ImportedEvent
from pages.models import EventPage
from tests.api.helpers import data
from tests.calendars.conftest import vevent
from tests.factories import PlaceFactory

BERLIN = ZoneInfo("Europe/Berlin")
CAFE = vevent("cafe-1@verein.example", "Sprachcafé", "20350105T180000", "20350105T200000")
FEST = vevent("fest-7@verein.example", "Sommerfest", "20350620T150000", "20350620T190000")


def latest(page):
    """The page as its newest revision (a draft under review) has it."""
    return EventPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def imported(uid):
    return ImportedEvent.objects.select_related("page").get(uid=uid)


def test_the_first_import_creates_drafts_below_the_partner_submitted_for_review(feed, partner, calendar_server):
    calendar_server.serve("/verein.ics", CAFE, FEST)

    assert run.import_feed(feed) == FeedResult.OK

    events = {record.uid: record.page for record in ImportedEvent.objects.select_related("page")}
    assert set(events) == {"cafe-1@verein.example", "fest-7@verein.example"}
    cafe = events["cafe-1@verein.example"]
    assert cafe.title == "Sprachcafé"
    assert cafe.get_parent().pk == partner.pk
    assert cafe.organiser_id == partner.pk
    assert not cafe.live and cafe.first_published_at is None
    assert cafe.start == datetime.datetime(2035, 1, 5, 18, tzinfo=BERLIN)
    assert cafe.online_url == "https://treffen.example.org/raum"
    states = WorkflowState.objects.filter(object_id__in=[str(page.pk) for page in events.values()])
    assert {state.status for state in states} == {WorkflowState.STATUS_IN_PROGRESS}
    assert states.count() == 2
    feed.refresh_from_db()
    assert feed.counts == {"created": 2, "skipped": 0, "flagged": 0, "conflicts": 0}
    assert feed.last_success is not None and feed.error == ""
    assert calendar_server.seen[0]["User-Agent"].startswith("WelcomePlatformCalendarImport/")


def test_nothing_imported_is_public_before_an_editor_approves(feed, calendar_server, client):
    calendar_server.serve("/verein.ics", CAFE, FEST)
    run.import_feed(feed)
    query = '{ events(from: "2035-01-01T00:00:00+01:00", to: "2035-03-31T00:00:00+01:00") { totalCount } }'

    assert data(client, query)["events"]["totalCount"] == 0

    imported("cafe-1@verein.example").page.get_latest_revision().publish()  # what approving does
    assert data(client, query)["events"]["totalCount"] == 1


def test_a_changed_summary_updates_the_next_revision_under_review(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    run.import_feed(feed)
    page = imported("cafe-1@verein.example").page
    page.get_latest_revision().publish()  # approved and live

    calendar_server.serve("/verein.ics", CAFE.replace("SUMMARY:Sprachcafé", "SUMMARY:Sprachcafé am Abend"))
    assert run.import_feed(feed) == FeedResult.OK

    page.refresh_from_db()
    assert page.title == "Sprachcafé"  # readers see the approved version until the change is approved
    assert page.has_unpublished_changes
    assert latest(page).title == "Sprachcafé am Abend"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    feed.refresh_from_db()
    assert feed.counts["updated"] == 1


def test_an_editors_title_survives_a_changed_title_in_the_feed_and_is_shown_as_a_conflict(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    run.import_feed(feed)
    page = latest(imported("cafe-1@verein.example").page)
    page.title = page.draft_title = "Sprachcafé (Deutsch und Arabisch)"
    page.save_revision()

    moved = CAFE.replace("SUMMARY:Sprachcafé", "SUMMARY:Sprachcafé NEU").replace("T200000", "T210000")
    calendar_server.serve("/verein.ics", moved)
    run.import_feed(feed)

    now = latest(page)
    assert now.title == "Sprachcafé (Deutsch und Arabisch)"  # the editor's
    assert now.end == datetime.datetime(2035, 1, 5, 21, tzinfo=BERLIN)  # nobody changed the end: the feed's
    record = imported("cafe-1@verein.example")
    assert record.conflicts == [
        {"field": "title", "feed": "Sprachcafé NEU", "cms": "Sprachcafé (Deutsch und Arabisch)"}
    ]
    feed.refresh_from_db()
    assert feed.counts["conflicts"] == 1

    # The next import of the same feed does not touch the editor's title either.
    calendar_server.serve("/verein.ics", moved.replace("SUMMARY:Sprachcafé NEU", "SUMMARY:Sprachcafé NEUER"))
    run.import_feed(feed)
    assert latest(page).title == "Sprachcafé (Deutsch und Arabisch)"
    assert imported("cafe-1@verein.example").conflicts[0]["feed"] == "Sprachcafé NEUER"


def test_cancelled_and_vanished_events_are_flagged_not_deleted(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE, FEST)
    run.import_feed(feed)
    fest = imported("fest-7@verein.example").page
    fest.get_latest_revision().publish()

    calendar_server.serve("/verein.ics", CAFE + "\nSTATUS:CANCELLED")  # the fest is gone, the café cancelled
    run.import_feed(feed)

    assert imported("cafe-1@verein.example").state == EventState.CANCELLED
    assert imported("fest-7@verein.example").state == EventState.REMOVED
    fest.refresh_from_db()
    assert fest.live  # an editor decides
    assert EventPage.objects.count() == 2
    assert PageLogEntry.objects.filter(page=fest, action=run.FLAGGED_ACTION).exists()  # its history says why
    feed.refresh_from_db()
    assert feed.counts["flagged"] == 2

    calendar_server.serve("/verein.ics", CAFE, FEST)  # back again
    run.import_feed(feed)
    assert set(ImportedEvent.objects.values_list("state", flat=True)) == {EventState.ACTIVE}


def test_a_rerun_creates_nothing_new_and_sends_a_conditional_request(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE, FEST)
    run.import_feed(feed)
    revisions = {record.page.latest_revision_id for record in ImportedEvent.objects.select_related("page")}

    assert run.import_feed(feed) == FeedResult.NOT_MODIFIED
    assert calendar_server.seen[-1].get("If-None-Match")
    feed.etag = ""  # as from a server without validators: the same body, by its hash
    feed.save()
    assert run.import_feed(feed) == FeedResult.NOT_MODIFIED
    feed.etag = feed.content_hash = ""  # read and applied again: every event unchanged
    feed.save()
    assert run.import_feed(feed) == FeedResult.OK
    assert feed.counts == {"unchanged": 2, "skipped": 0, "flagged": 0, "conflicts": 0}

    assert EventPage.objects.count() == 2
    assert {record.page.latest_revision_id for record in ImportedEvent.objects.select_related("page")} == revisions


def test_a_page_deleted_in_the_cms_is_not_brought_back(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    run.import_feed(feed)
    imported("cafe-1@verein.example").page.delete()

    calendar_server.serve("/verein.ics", CAFE.replace("Sprachcafé", "Sprachcafé!"))
    run.import_feed(feed)

    assert not EventPage.objects.exists()
    assert imported("cafe-1@verein.example").page is None


def test_a_recurring_event_keeps_its_rule_and_cancelled_dates(feed, calendar_server):
    weekly = vevent(
        "kurs@verein.example", "Deutschkurs", "20350102T170000", "20350102T183000",
        "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20350630T215959Z",
        "EXDATE;TZID=Europe/Berlin:20350109T170000,20350116T170000",
    )
    calendar_server.serve("/verein.ics", weekly, vevent(
        "kurs@verein.example", "Deutschkurs", "20350123T170000", "20350123T183000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20350123T170000", "STATUS:CANCELLED",
    ))
    run.import_feed(feed)

    page = imported("kurs@verein.example").page
    assert page.recurrence_rule == "FREQ=WEEKLY;UNTIL=20350630T215959Z;BYDAY=TU"
    assert sorted(c.date for c in latest(page).cancellations.all()) == [
        datetime.date(2035, 1, 9), datetime.date(2035, 1, 16), datetime.date(2035, 1, 23),
    ]
    starts = [start for start, _end in latest(page).occurrences(
        datetime.datetime(2035, 1, 1, tzinfo=BERLIN), datetime.datetime(2035, 2, 1, tzinfo=BERLIN)
    )]
    assert [start.day for start in starts] == [2, 30]


def test_an_all_day_event_runs_from_midnight_to_midnight_in_leipzig(feed, calendar_server):
    day = "\n".join([
        "UID:tag@verein.example", "SUMMARY:Tag der offenen Tür", "DTSTART;VALUE=DATE:20350301",
        "DTEND;VALUE=DATE:20350302", "URL:https://verein.example/tag", "LOCATION:stadthaus, 1. Etage",
    ])
    stadthaus = PlaceFactory(name="Stadthaus")
    calendar_server.serve("/verein.ics", day)
    run.import_feed(feed)

    page = imported("tag@verein.example").page
    assert page.start == datetime.datetime(2035, 3, 1, tzinfo=BERLIN)
    assert page.end == datetime.datetime(2035, 3, 2, tzinfo=BERLIN)
    assert page.place_id == stadthaus.pk  # matched by name
    assert page.registration_url == "https://verein.example/tag"
    assert ["all_day", ""] in imported("tag@verein.example").notes


def test_past_and_cancelled_events_are_not_created(feed, calendar_server):
    calendar_server.serve(
        "/verein.ics",
        vevent("alt@verein.example", "Vorbei", "20200105T180000", "20200105T200000"),
        vevent("abgesagt@verein.example", "Abgesagt", "20350105T180000", "20350105T200000", "STATUS:CANCELLED"),
    )
    run.import_feed(feed)

    assert not EventPage.objects.exists()
    feed.refresh_from_db()
    assert feed.counts["skipped"] == 2


def test_without_any_workflow_an_imported_event_stays_a_draft(feed, calendar_server):
    Workflow.objects.update(active=False)
    calendar_server.serve("/verein.ics", CAFE)

    run.import_feed(feed)

    page = imported("cafe-1@verein.example").page
    assert not page.live and page.has_unpublished_changes
    assert page.current_workflow_state is None


def test_a_conflict_ends_when_an_editor_takes_the_feeds_value(feed, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    run.import_feed(feed)
    page = latest(imported("cafe-1@verein.example").page)
    page.title = page.draft_title = "Sprachcafé (Deutsch und Arabisch)"
    page.save_revision()
    calendar_server.serve("/verein.ics", CAFE.replace("SUMMARY:Sprachcafé", "SUMMARY:Sprachcafé NEU"))
    run.import_feed(feed)
    assert len(imported("cafe-1@verein.example").conflicts) == 1

    page = latest(page)
    page.title = page.draft_title = "Sprachcafé NEU"  # the editor agrees with the partner
    page.save_revision()
    assert run.import_feed(feed) == FeedResult.NOT_MODIFIED  # the feed did not change since

    assert imported("cafe-1@verein.example").conflicts == []
    feed.refresh_from_db()
    assert feed.counts["conflicts"] == 0
