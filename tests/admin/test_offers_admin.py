"""
The moderation screens through the admin, as moderators, partner editors and editors use
them: the queue, approve and reject (e-mailed over real SMTP), the partner scope, and the
room planner.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from directory.models import Room
from offers.choices import Kind, RoomRequestStatus, Status
from offers.models import RoomRequest
from pages.models import EventPage
from tests.admin.i18n import messages, shown
from tests.api.helpers import assert_same_query_count, count_queries
from tests.factories import EventPageFactory, PartnerPageFactory, PlaceFactory
from tests.offers import people

BERLIN = ZoneInfo("Europe/Berlin")


def refused(response):
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def pending(email="lena.sommer@example.org", **fields):
    return people.listing(people.submitter(email), status=Status.PENDING, **fields)


def test_a_moderator_approves_from_the_queue_and_the_submitter_gets_the_link_by_smtp(publisher_client, site_tree, smtp_server):
    listing = pending(title="Winterjacken abzugeben")

    queue = publisher_client.get(reverse("moderation:queue"))
    assert queue.status_code == 200
    assert [item.pk for item in queue.context["listings"]] == [listing.pk]
    detail = publisher_client.get(reverse("moderation:detail", args=[listing.pk]))
    assert "lena.sommer@example.org" in detail.content.decode()  # the contact, for moderators

    response = publisher_client.post(reverse("moderation:approve", args=[listing.pk]))

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED
    smtp_server.wait_for(1)
    [mail] = smtp_server.to("lena.sommer@example.org")
    assert "Winterjacken abzugeben" in mail.subject
    assert f"http://localhost/de/offers/{listing.pk}/" in mail.links()
    assert f"http://localhost/de/my-data/{listing.submitter.access_token}/" in mail.links()


def test_rejecting_without_a_reason_is_a_form_error_and_with_one_it_is_mailed(publisher_client, site_tree, smtp_server):
    listing = pending()
    url = reverse("moderation:reject", args=[listing.pk])

    response = publisher_client.post(url, {"reason": "  "})

    assert response.status_code == 200
    assert messages(response.context["form"].errors["reason"]) == [shown("Give a reason: it is sent to the person who asked.")]
    listing.refresh_from_db()
    assert listing.status == Status.PENDING

    response = publisher_client.post(url, {"reason": "Bitte nennen Sie keinen Preis: Spenden sind kostenlos."})
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.REJECTED
    smtp_server.wait_for(1)
    [mail] = smtp_server.to("lena.sommer@example.org")
    assert "Bitte nennen Sie keinen Preis: Spenden sind kostenlos." in mail.text


def test_a_moderator_edits_a_pending_listing_before_approving(publisher_client, site_tree):
    listing = pending()
    response = publisher_client.post(
        reverse("moderation:edit", args=[listing.pk]),
        {"direction": "offer", "kind": Kind.DONATION, "title": "Kinderfahrrad (16 Zoll)", "description": "Blau."},
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert (listing.title, listing.description, listing.status) == ("Kinderfahrrad (16 Zoll)", "Blau.", Status.PENDING)


@pytest.fixture
def partners(site_tree):
    return PartnerPageFactory(parent=site_tree.partners, title="Verein A"), PartnerPageFactory(
        parent=site_tree.partners, title="Verein B"
    )


@pytest.fixture
def partner_client(client, django_user_model, partners):
    group = Group.objects.create(name="Partner Verein A")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=partners[0], permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user(username="verein-a", password="x")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_a_partner_editor_sees_and_decides_only_what_is_addressed_to_their_partner(partner_client, partners):
    ours, theirs = partners
    mine = pending(partner=ours, title="Nachhilfe Mathe")
    other = pending("b@example.org", partner=theirs, title="Sprachcafé")
    pending("c@example.org", title="Ohne Partner")

    queue = partner_client.get(reverse("moderation:queue"))

    assert [item.pk for item in queue.context["listings"]] == [mine.pk]
    assert "Sprachcafé" not in queue.content.decode()
    assert partner_client.get(reverse("moderation:detail", args=[other.pk])).status_code == 404
    assert partner_client.post(reverse("moderation:approve", args=[other.pk])).status_code == 404
    assert partner_client.post(reverse("moderation:reject", args=[other.pk]), {"reason": "x"}).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.PENDING
    assert refused(partner_client.get(reverse("room_planner:index")))
    assert partner_client.post(reverse("moderation:approve", args=[mine.pk])).status_code == 302


def test_an_editor_without_the_moderation_permission_cannot_open_the_queue(contributor_client, site_tree):
    listing = pending()
    assert refused(contributor_client.get(reverse("moderation:queue")))
    assert refused(contributor_client.get(reverse("moderation:detail", args=[listing.pk])))
    assert refused(contributor_client.post(reverse("moderation:approve", args=[listing.pk])))
    assert refused(contributor_client.get(reverse("moderation_reports:index")))
    listing.refresh_from_db()
    assert listing.status == Status.PENDING
    home = contributor_client.get(reverse("wagtailadmin_home"))
    assert reverse("moderation:queue") not in home.content.decode()


def test_the_queue_says_when_reports_took_a_listing_offline(publisher_client, site_tree):
    from offers.models import Report

    listing = people.listing(people.submitter())
    for _ in range(3):
        Report.objects.create(listing=listing, reason="fraud")

    queue = publisher_client.get(reverse("moderation:queue"))

    [row] = queue.context["listings"]
    assert row.pk == listing.pk and row.open_reports == 3
    assert "data-returned" in queue.content.decode()


def test_the_detail_suggests_matching_listings(publisher_client, site_tree):
    request = pending(direction="request", kind=Kind.HOUSING, title="Suche 2-Zimmer-Wohnung")
    offer = people.listing(people.submitter("vermieter@example.org"), kind=Kind.HOUSING, title="2 Zimmer in Gohlis")
    people.listing(people.submitter("job@example.org"), kind=Kind.JOB, title="Koch gesucht")

    response = publisher_client.get(reverse("moderation:detail", args=[request.pk]))

    assert [match.pk for match in response.context["matches"]] == [offer.pk]


def test_the_queue_needs_as_many_queries_for_50_listings_as_for_5(publisher_client, site_tree, partners):
    def fill(count, start):
        for number in range(start, start + count):
            pending(f"person{number}@example.org", partner=partners[number % 2], title=f"Angebot {number}")

    fill(5, 0)
    publisher_client.get(reverse("moderation:queue"))  # session and permission caches warmed
    with count_queries() as small:
        assert publisher_client.get(reverse("moderation:queue")).status_code == 200
    fill(45, 5)
    with count_queries() as large:
        response = publisher_client.get(reverse("moderation:queue"))
    assert len(response.context["listings"]) == 50
    assert_same_query_count(small, large)


@pytest.fixture
def room(site_tree):
    place = PlaceFactory(name="Stadthaus")
    return Room.objects.create(place=place, name="Raum 1.12", capacity=30, bookable_by_partners=True)


def room_request(room, start, hours=2, **fields):
    owner = people.submitter(fields.pop("email", "gruppe@example.org"), name="Oksana Melnyk")
    return RoomRequest.objects.create(
        room=room,
        group_name="Ukrainischer Frauenchor Leipzig",
        title="Chorprobe",
        description="Wir proben für das Sommerfest.",
        start=start,
        end=start + timedelta(hours=hours),
        attendees=20,
        submitter=owner,
        status=RoomRequestStatus.PENDING,
        **fields,
    )


def test_confirming_a_room_request_publishes_an_event_in_the_room_without_the_person(publisher_client, room, smtp_server):
    start = timezone.now().astimezone(BERLIN).replace(hour=18, minute=0, second=0, microsecond=0) + timedelta(days=3)
    request = room_request(room, start)

    response = publisher_client.post(reverse("room_planner:confirm", args=[request.pk]))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RoomRequestStatus.CONFIRMED
    event = EventPage.objects.get(pk=request.event_id)
    assert event.live and event.room == room and event.place == room.place
    assert (event.title, event.start, event.end) == ("Chorprobe", request.start, request.end)
    text = " ".join([event.title, event.summary, event.description])
    assert "Ukrainischer Frauenchor Leipzig" in text
    assert "Oksana" not in text and "gruppe@example.org" not in text
    smtp_server.wait_for(1)
    assert smtp_server.to("gruppe@example.org")


def test_the_planner_marks_a_request_that_overlaps_an_event_and_refuses_to_confirm_it(publisher_client, room, site_tree):
    day = timezone.localdate() + timedelta(days=7)
    start = datetime.combine(day, datetime.min.time(), tzinfo=BERLIN) + timedelta(hours=18)
    EventPageFactory(parent=site_tree.events, title="Sprachcafé", start=start, end=start + timedelta(hours=2), room=room, place=room.place)
    clashing = room_request(room, start + timedelta(hours=1))
    free = room_request(room, start + timedelta(days=1), email="andere@example.org")

    page = publisher_client.get(reverse("room_planner:room", args=[room.pk]) + f"?week={day.isoformat()}")

    entries = {entry.request.pk: entry for _day, items in page.context["days"] for entry in items if entry.request}
    assert [other.title for other in entries[clashing.pk].overlaps] == ["Sprachcafé"]
    assert entries[free.pk].overlaps == []
    assert f'data-request="{clashing.pk}" data-overlap' in page.content.decode()

    publisher_client.post(reverse("room_planner:confirm", args=[clashing.pk]))
    clashing.refresh_from_db()
    assert clashing.status == RoomRequestStatus.PENDING and clashing.event is None


def test_declining_a_room_request_needs_a_reason(publisher_client, room, smtp_server):
    request = room_request(room, timezone.now() + timedelta(days=2))
    url = reverse("room_planner:decline", args=[request.pk])
    assert publisher_client.post(url, {"reason": ""}).status_code == 200
    assert publisher_client.post(url, {"reason": "Der Raum wird renoviert."}).status_code == 302
    request.refresh_from_db()
    assert request.status == RoomRequestStatus.DECLINED
    smtp_server.wait_for(1)
    assert "Der Raum wird renoviert." in smtp_server.to("gruppe@example.org")[0].text


def test_the_dashboard_counts_what_waits_and_the_menu_leads_to_the_queue(publisher_client, site_tree):
    pending()
    pending("b@example.org")

    home = publisher_client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("moderation:queue") in home  # the menu item, and the panel's link
    assert "data-waiting-counts" in home and "2 help offers and requests" in home
