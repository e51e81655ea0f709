"""
How listings end and what is deleted when: expiry, the one-time extension, and the
retention job (``offers.lifecycle``), each safe to run twice.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail_localize.models import String, TranslatableObject, TranslationSource

from directory.models import Room
from offers import lifecycle
from offers.choices import RoomRequestStatus, Status
from offers.models import Conversation, Listing, Message, Report, RoomRequest, Submitter
from tests.factories import PlaceFactory
from tests.offers import people

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_listing_ends_at_the_end_of_its_valid_until_day_and_after_the_lifetime_at_the_latest(settings):
    approved = datetime(2027, 3, 1, 10, 0, tzinfo=BERLIN)
    assert lifecycle.ends_at(None, approved) == approved + timedelta(days=60)
    assert lifecycle.ends_at(date(2027, 3, 10), approved) == datetime(2027, 3, 10, 23, 59, 59, 999999, tzinfo=BERLIN)
    assert lifecycle.ends_at(date(2027, 12, 31), approved) == approved + timedelta(days=60)
    settings.OFFERS_LIFETIME_DAYS = 5
    assert lifecycle.ends_at(None, approved) == approved + timedelta(days=5)


def test_expiry_ends_every_translation_of_a_listing_whose_end_has_come_and_nothing_else():
    now = timezone.now()
    due = people.listing(expires_at=now - timedelta(minutes=1))
    due_in_arabic = people.translation(due, "ar", title="دراجة أطفال")
    running = people.listing(title="Noch da")
    pending = people.listing(status=Status.PENDING, expires_at=now - timedelta(days=1))

    assert lifecycle.expire_due(now) == 1
    for row in (due, due_in_arabic):
        row.refresh_from_db()
        assert (row.status, row.ended_at) == (Status.EXPIRED, now)
    assert Listing.objects.get(pk=running.pk).status == Status.APPROVED
    assert Listing.objects.get(pk=pending.pk).status == Status.PENDING
    assert list(Listing.objects.public(now)) == [running]
    # A second run (or a second worker at the same time) finds nothing left to do.
    assert lifecycle.expire_due(now) == 0


def test_the_extend_link_works_once_and_only_while_the_listing_runs(settings):
    now = timezone.now()
    item = people.listing(valid_until=timezone.localdate(now) + timedelta(days=3), expires_at=now + timedelta(days=3))
    translated = people.translation(item, "uk", title="Дитячий велосипед")
    token = lifecycle.extend_token(translated)  # any translation names the whole item

    extended = lifecycle.extend(token, now)
    assert extended.pk == item.pk
    for row in (item, translated):
        row.refresh_from_db()
        assert row.expires_at == now + timedelta(days=settings.OFFERS_LIFETIME_DAYS)
        assert row.extended_at == now
        assert row.valid_until == timezone.localdate(now + timedelta(days=settings.OFFERS_LIFETIME_DAYS))
    assert item in Listing.objects.public(now)

    with pytest.raises(lifecycle.ExtendRefused) as refused:
        lifecycle.extend(token, now + timedelta(minutes=1))
    assert refused.value.code == "used"

    ended = people.listing(status=Status.EXPIRED, expires_at=now - timedelta(days=1))
    with pytest.raises(lifecycle.ExtendRefused) as refused:
        lifecycle.extend(lifecycle.extend_token(ended), now)
    assert refused.value.code == "ended"

    with pytest.raises(lifecycle.ExtendRefused) as refused:
        lifecycle.extend(token[:-2] + "xx", now)
    assert refused.value.code == "invalid"


def room_request(owner, status, start, **fields):
    place = PlaceFactory()
    room = Room.objects.create(place=place, name="Saal", capacity=80, bookable_by_partners=True)
    return RoomRequest.objects.create(
        room=room, group_name="Frauenchor Amani", title="Probe", start=start, end=start + timedelta(hours=2),
        attendees=20, submitter=owner, status=status, **fields,
    )


def test_purge_deletes_exactly_what_has_outlived_its_period(settings):
    now = timezone.now()
    retention = timedelta(days=settings.OFFERS_RETENTION_DAYS)
    unconfirmed_window = timedelta(hours=settings.OFFERS_UNCONFIRMED_HOURS)
    created_long_ago = now - timedelta(days=365)

    gone = people.submitter("gone@example.org")
    stays = people.submitter("stays@example.org")
    fresh = people.submitter("fresh@example.org")
    Submitter.objects.filter(pk__in=[gone.pk, stays.pk]).update(created_at=created_long_ago)

    # Deleted: never confirmed within the window; ended longer ago than the retention period.
    unconfirmed_old = people.listing(gone, Status.UNCONFIRMED, submitted_at=now - unconfirmed_window - timedelta(minutes=1))
    expired_old = people.listing(gone, Status.EXPIRED, ended_at=now - retention - timedelta(minutes=1))
    expired_old_ar = people.translation(expired_old, "ar", title="دراجة")
    rejected_old = people.listing(stays, Status.REJECTED, ended_at=None, moderated_at=now - retention - timedelta(days=1))
    withdrawn_old = people.listing(stays, Status.WITHDRAWN, ended_at=now - retention - timedelta(days=2))
    old_chat = people.conversation(expired_old, texts=[("reader", "Ist es noch da?"), ("owner", "Ja")])
    Report.objects.create(listing=expired_old, reason="spam")
    TranslationSource.get_or_create_from_instance(expired_old)
    # Kept: within their periods, or running.
    unconfirmed_new = people.listing(fresh, Status.UNCONFIRMED, submitted_at=now - unconfirmed_window + timedelta(minutes=5))
    expired_recent = people.listing(stays, Status.EXPIRED, ended_at=now - retention + timedelta(minutes=5))
    running = people.listing(stays, Status.APPROVED, title="Kinderfahrrad zu verschenken")
    pending = people.listing(stays, Status.PENDING)
    kept_chat = people.conversation(running)
    unconfirmed_chat = people.conversation(running, reader_email="never@example.net", confirmed=False)
    Conversation.objects.filter(pk=unconfirmed_chat.pk).update(created_at=now - unconfirmed_window - timedelta(minutes=1))
    fresh_unconfirmed_chat = people.conversation(running, reader_email="soon@example.net", confirmed=False)

    # Room requests: declined long ago, and a booking whose event is long past, go; upcoming ones stay.
    declined_old = room_request(gone, RoomRequestStatus.DECLINED, now + timedelta(days=90), moderated_at=now - retention - timedelta(days=1))
    confirmed_past = room_request(stays, RoomRequestStatus.CONFIRMED, now - retention - timedelta(days=1))
    confirmed_upcoming = room_request(stays, RoomRequestStatus.CONFIRMED, now + timedelta(days=10))
    unconfirmed_room = room_request(gone, RoomRequestStatus.UNCONFIRMED, now + timedelta(days=10))
    RoomRequest.objects.filter(pk=unconfirmed_room.pk).update(submitted_at=now - unconfirmed_window - timedelta(hours=1))

    done = lifecycle.purge(now)

    assert done == {
        "unconfirmed listings": 1, "ended listings": 3, "unconfirmed answers": 1,
        "unconfirmed room requests": 1, "ended room requests": 2, "submitters": 1, "undecided listings": 0,
    }
    remaining = set(Listing.objects.values_list("pk", flat=True))
    assert remaining == {unconfirmed_new.pk, expired_recent.pk, running.pk, pending.pk}
    assert not Listing.objects.filter(pk__in=[unconfirmed_old.pk, expired_old.pk, expired_old_ar.pk, rejected_old.pk, withdrawn_old.pk]).exists()
    assert set(Conversation.objects.values_list("pk", flat=True)) == {kept_chat.pk, fresh_unconfirmed_chat.pk}
    assert not Message.objects.filter(conversation_id=old_chat.pk).exists()
    assert not Report.objects.exists()
    assert set(RoomRequest.objects.values_list("pk", flat=True)) == {confirmed_upcoming.pk}
    assert not RoomRequest.objects.filter(pk__in=[declined_old.pk, confirmed_past.pk]).exists()
    # The submitter with nothing left goes; one with running items, and one just created, stay.
    assert set(Submitter.objects.values_list("email", flat=True)) == {"stays@example.org", "fresh@example.org"}
    # wagtail-localize's copy of the text goes with the listing.
    assert not TranslatableObject.objects.filter(translation_key=expired_old.translation_key).exists()
    assert not String.objects.filter(data=expired_old.description).exists()

    # Idempotent: a second run deletes nothing more.
    assert not any(lifecycle.purge(now).values())


def test_purge_keeps_a_string_that_other_content_shares():
    now = timezone.now()
    old = people.listing(status=Status.EXPIRED, ended_at=now - timedelta(days=400), description="Gemeinsamer Text.")
    other = people.listing(status=Status.APPROVED, description="Gemeinsamer Text.")
    TranslationSource.get_or_create_from_instance(old)
    TranslationSource.get_or_create_from_instance(other)
    lifecycle.purge(now)
    assert String.objects.filter(data="Gemeinsamer Text.").exists()
    assert TranslatableObject.objects.filter(translation_key=other.translation_key).exists()


def test_the_reminder_arrives_once_by_smtp_with_a_working_extend_link_and_the_my_data_link(smtp_server, site_tree, settings):
    now = timezone.now()
    owner = people.submitter("rami.haddad@example.org", language="ar")
    ending = people.listing(owner, approved_at=now - timedelta(days=55), expires_at=now + timedelta(days=5))
    people.translation(ending, "ar", title="دراجة أطفال للإهداء")
    people.listing(owner, title="Läuft noch lange", approved_at=now, expires_at=now + timedelta(days=30))
    short_run = people.listing(owner, title="Nur drei Tage", approved_at=now, expires_at=now + timedelta(days=3))
    already_extended = people.listing(
        owner, title="Schon verlängert", approved_at=now - timedelta(days=58), expires_at=now + timedelta(days=2), extended_at=now
    )

    assert lifecycle.remind_due(now) == 1
    assert lifecycle.remind_due(now) == 0  # claimed: a second run, or a second worker, sends nothing
    smtp_server.wait_for(1)
    [mail] = smtp_server.to("rami.haddad@example.org")
    # In the submitter's language, with their translation's title.
    assert "دراجة أطفال للإهداء" in mail.subject
    site = "http://localhost"
    extend_link, my_data_link = [link for link in mail.links() if "/extend/" in link or "/my-data/" in link]
    assert extend_link.startswith(f"{site}/ar/offers/extend/")
    assert my_data_link == f"{site}/ar/my-data/{owner.access_token}/"
    assert f"{site}/ar/offers/{ending.pk}/" in mail.links()
    for row in Listing.objects.filter(translation_key=ending.translation_key):
        assert row.reminded_at == now
    assert not Listing.objects.filter(pk__in=[short_run.pk, already_extended.pk], reminded_at__isnull=False).exists()

    token = extend_link.rstrip("/").rsplit("/", 1)[1]
    assert lifecycle.extend(token, now).expires_at == now + timedelta(days=settings.OFFERS_LIFETIME_DAYS)
    with pytest.raises(lifecycle.ExtendRefused):
        lifecycle.extend(token, now)


def test_the_scheduled_task_expires_and_purges(settings):
    """The worker's hourly task (``cms.tasks.offers_lifecycle``, in ``cms.schedule``) runs the jobs in order."""
    from cms import schedule, tasks

    assert (tasks.offers_lifecycle, 3600) in schedule.SCHEDULE
    now = timezone.now()
    due = people.listing(expires_at=now - timedelta(minutes=1))
    forgotten = people.listing(status=Status.UNCONFIRMED, submitted_at=now - timedelta(days=30))
    tasks.offers_lifecycle.call()
    assert Listing.objects.get(pk=due.pk).status == Status.EXPIRED
    assert not Listing.objects.filter(pk=forgotten.pk).exists()


def test_purge_deletes_a_listing_no_moderator_decided_on_within_the_retention_period(settings):
    settings.OFFERS_RETENTION_DAYS = 30
    now = timezone.now()
    forgotten = people.listing(people.submitter("vergessen@example.org"), status=Status.PENDING)
    waiting = people.listing(people.submitter("wartet@example.org"), status=Status.PENDING)
    Listing.objects.filter(pk=forgotten.pk).update(confirmed_at=now - timedelta(days=31))
    Listing.objects.filter(pk=waiting.pk).update(confirmed_at=now - timedelta(days=29))

    assert lifecycle.purge(now)["undecided listings"] == 1
    assert list(Listing.objects.values_list("pk", flat=True)) == [waiting.pk]
