"""
The feeds in the admin: the editorial team adds an address (http or https only), and sees
per feed the last import, its counts and errors, and the events that need an editor.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from freshness.calendars import run
from freshness.calendars.models import CalendarFeed, ImportedEvent
from pages.models import EventPage
from tests.admin.conftest import contributor, contributor_client, publisher, publisher_client  # noqa: F401
from tests.calendars.conftest import vevent
from tests.factories import PlaceFactory

CAFE = vevent("cafe-1@verein.example", "Sprachcafé")
FEST = vevent("fest-7@verein.example", "Sommerfest", "20350620T150000", "20350620T190000")


def url(name, *args):
    return reverse(CalendarFeed.snippet_viewset.get_url_name(name), args=args)


def test_the_team_adds_a_feed_and_only_http_addresses_are_accepted(publisher_client, partner):
    form = {"partner": partner.pk, "url": "ftp://verein.example/k.ics", "active": "on"}
    refused = publisher_client.post(url("add"), form)
    assert refused.status_code == 200
    assert "url" in refused.context["form"].errors
    assert not CalendarFeed.objects.exists()

    added = publisher_client.post(url("add"), {**form, "url": "https://verein.example/k.ics"})
    assert added.status_code == 302
    assert CalendarFeed.objects.get().partner_id == partner.pk


def test_partner_editors_cannot_manage_feeds(contributor_client, feed):
    assert contributor_client.get(url("list")).status_code in (302, 403)
    assert contributor_client.get(url("edit", feed.pk)).status_code in (302, 403)


@pytest.fixture
def conflicted(feed, calendar_server):
    """One event whose title an editor changed while the feed changed it too, one gone from the feed."""
    calendar_server.serve("/verein.ics", CAFE, FEST)
    run.import_feed(feed)
    cafe = EventPage.objects.get(title="Sprachcafé").get_latest_revision_as_object()
    cafe.title = cafe.draft_title = "Sprachcafé am Markt"
    cafe.save_revision()
    calendar_server.serve("/verein.ics", CAFE.replace("SUMMARY:Sprachcafé", "SUMMARY:Sprachcafé im Park"))
    run.import_feed(feed)
    return cafe


def test_the_feed_shows_its_last_import_and_the_events_that_need_an_editor(publisher_client, feed, conflicted):
    listing = publisher_client.get(url("list")).content.decode()
    assert feed.url in listing
    assert "conflicts: 1" in listing and "cancelled or removed: 1" in listing

    page = publisher_client.get(url("inspect", feed.pk)).content.decode()
    assert "Sprachcafé im Park" in page and "Sprachcafé am Markt" in page  # the feed's title and the editor's
    assert reverse("wagtailadmin_pages:edit", args=[conflicted.pk]) in page
    assert "No longer in the feed" in page
    assert "Sommerfest" in page


def test_a_failed_import_shows_its_error(publisher_client, feed, calendar_server):
    run.import_feed(feed)  # nothing served: 404

    listing = publisher_client.get(url("list")).content.decode()
    assert "The server answered with an error (HTTP 404)" in listing


def test_the_dashboard_counts_the_events_that_need_an_editor(publisher_client, feed, conflicted):
    dashboard = publisher_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 imported events need an editor" in dashboard


def test_the_command_imports_one_partners_feeds_now(feed, partner, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)

    out = io.StringIO()
    call_command("import_calendars", "--partner", partner.slug, stdout=out)

    assert EventPage.objects.get().title == "Sprachcafé"
    assert f"{feed.url}: Imported" in out.getvalue() and "created: 1" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("import_calendars", "--partner", "niemand")


def test_the_partners_profile_links_to_its_feed(publisher_client, feed, partner, calendar_server):
    calendar_server.serve("/verein.ics", CAFE)
    run.import_feed(feed)

    editing = publisher_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk])).content.decode()
    assert url("inspect", feed.pk) in editing
    assert "Calendar feed: Imported" in editing


def test_a_conflict_about_the_place_names_the_places(publisher_client, feed, calendar_server):
    stadthaus, rathaus, vhs = (PlaceFactory(name=name) for name in ("Stadthaus", "Neues Rathaus", "Volkshochschule"))
    calendar_server.serve("/verein.ics", vevent("kurs@verein.example", "Kurs", location="Stadthaus"))
    run.import_feed(feed)
    page = EventPage.objects.get().get_latest_revision_as_object()
    assert page.place_id == stadthaus.pk
    page.place = rathaus
    page.save_revision()
    calendar_server.serve("/verein.ics", vevent("kurs@verein.example", "Kurs", location="Volkshochschule"))
    run.import_feed(feed)

    assert EventPage.objects.get().get_latest_revision_as_object().place_id == rathaus.pk
    inspect = publisher_client.get(url("inspect", feed.pk)).content.decode()
    assert "Volkshochschule" in inspect and "Neues Rathaus" in inspect
    assert f"“{vhs.pk}”" not in inspect


def test_an_editor_keeps_the_cms_values_and_the_conflict_ends(publisher_client, feed, conflicted, calendar_server):
    record = ImportedEvent.objects.get(uid="cafe-1@verein.example")
    keep = reverse("calendars_keep_cms_values", args=[record.pk])
    assert keep in publisher_client.get(url("inspect", feed.pk)).content.decode()

    assert publisher_client.get(keep).status_code == 405
    assert publisher_client.post(keep).status_code == 302

    record.refresh_from_db()
    assert record.conflicts == []
    feed.etag = feed.content_hash = ""
    feed.save()
    run.import_feed(feed)  # the feed still says "im Park": no new conflict, the editor's title stays
    assert ImportedEvent.objects.get(pk=record.pk).conflicts == []
    assert EventPage.objects.get(pk=conflicted.pk).get_latest_revision_as_object().title == "Sprachcafé am Markt"


def test_partner_editors_cannot_settle_conflicts(contributor_client, feed, conflicted):
    record = ImportedEvent.objects.get(uid="cafe-1@verein.example")
    assert contributor_client.post(reverse("calendars_keep_cms_values", args=[record.pk])).status_code in (302, 403)
    assert ImportedEvent.objects.get(pk=record.pk).conflicts != []
