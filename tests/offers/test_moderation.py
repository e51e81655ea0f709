"""
Moderation decisions (offers.moderation): approval's end date, machine pre-translation and
its flag, rejection, reports that take a listing offline, and who moderates what.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail_localize.machine_translators.dummy import DummyTranslator

from offers import moderation, permissions
from offers.choices import ReportReason, Status
from offers.models import Listing, Report
from tests.factories import PartnerPageFactory
from tests.offers import people

BERLIN = ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(username="moderatorin", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def pending(**fields):
    return people.listing(people.submitter(), status=Status.PENDING, **fields)


def test_approval_runs_to_the_end_of_the_valid_until_day_in_berlin_or_the_lifetime(moderator, settings, mailoutbox):
    settings.OFFERS_LIFETIME_DAYS = 60
    now = datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN)
    soon = pending(valid_until=date(2027, 3, 10))
    moderation.approve(soon, moderator, now=now)
    assert soon.expires_at == datetime(2027, 3, 10, 23, 59, 59, 999999, tzinfo=BERLIN)
    # The approval e-mail names the chosen day as the last one (not the next midnight's day).
    assert "10. März 2027" in mailoutbox[-1].body and "11. März" not in mailoutbox[-1].body

    late = people.listing(people.submitter("b@example.org"), status=Status.PENDING, valid_until=date(2028, 1, 1))
    moderation.approve(late, moderator, now=now)
    late.refresh_from_db()
    assert late.status == Status.APPROVED
    assert late.expires_at == now + timedelta(days=60)
    assert late.approved_at == now and late.moderated_by == moderator


def test_approval_pretranslates_into_the_other_reader_languages_flagged_and_public(moderator):
    listing = pending()

    moderation.approve(listing, moderator)

    translations = Listing.objects.filter(translation_key=listing.translation_key).exclude(pk=listing.pk)
    languages = set(translations.values_list("locale__language_code", flat=True))
    assert {"ar", "uk", "en"} <= languages and "de" not in languages
    assert all(row.machine_translated for row in translations)
    assert all(row.status == Status.APPROVED for row in translations)
    assert set(Listing.objects.public().filter(translation_key=listing.translation_key)) == {listing, *translations}
    listing.refresh_from_db()
    assert not listing.machine_translated
    # The source row stays the one the queue shows.
    assert list(Listing.objects.originals().filter(translation_key=listing.translation_key)) == [listing]


def test_the_worker_translates_so_the_moderators_click_does_not_wait_for_the_provider(moderator, settings):
    """With the database task backend (production) approval only enqueues the translation."""
    from django_tasks_db.models import DBTaskResult

    from offers.translating import pretranslate_approved

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    listing = pending()

    moderation.approve(listing, moderator)

    assert list(Listing.objects.filter(translation_key=listing.translation_key)) == [listing]
    (queued,) = DBTaskResult.objects.filter(task_path="offers.translating.pretranslate_approved")
    assert queued.args_kwargs["args"] == [listing.pk, moderator.pk]
    # What the worker then runs:
    assert pretranslate_approved.call(listing.pk, moderator.pk) >= 3
    assert Listing.objects.public().filter(translation_key=listing.translation_key, machine_translated=True).count() >= 3


def test_a_listing_rejected_before_the_worker_came_is_not_translated(moderator):
    from offers.translating import pretranslate_approved

    listing = pending()
    listing.set_status(Status.REJECTED)
    assert pretranslate_approved.call(listing.pk, moderator.pk) == 0
    assert Listing.objects.filter(translation_key=listing.translation_key).count() == 1


def test_approval_without_a_machine_translator_makes_no_translations(moderator, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    listing = pending()
    moderation.approve(listing, moderator)
    assert Listing.objects.filter(translation_key=listing.translation_key).count() == 1


def test_only_pending_listings_are_approved(moderator):
    listing = people.listing(people.submitter(), status=Status.UNCONFIRMED)
    with pytest.raises(moderation.ModerationError) as error:
        moderation.approve(listing, moderator)
    assert error.value.code == "WRONG_STATUS"


def test_rejection_needs_a_reason_and_ends_every_translation(moderator):
    listing = pending()
    with pytest.raises(moderation.ModerationError) as error:
        moderation.reject(listing, moderator, "   ")
    assert error.value.code == "REASON_REQUIRED"

    copy = people.translation(listing, "ar")
    moderation.reject(listing, moderator, "Bitte ohne Telefonnummer im Text.")
    copy.refresh_from_db()
    assert copy.status == Status.REJECTED
    assert copy.rejection_reason == "Bitte ohne Telefonnummer im Text."


def report(listing, reason=ReportReason.SPAM):
    return Report.objects.create(listing=listing, reason=reason)


def test_three_unresolved_reports_take_an_approved_listing_back_into_the_queue(moderator):
    listing = people.listing(people.submitter())
    arabic = people.translation(listing, "ar")
    report(listing)
    report(arabic)  # readers report the translation they read; it counts for the listing
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED

    report(listing, ReportReason.FRAUD)

    assert set(Listing.objects.filter(translation_key=listing.translation_key).values_list("status", flat=True)) == {
        Status.PENDING
    }
    assert not Listing.objects.public().filter(translation_key=listing.translation_key).exists()


def test_dismissing_the_reports_puts_the_listing_online_again_until_its_old_end(moderator):
    listing = people.listing(people.submitter())
    end = listing.expires_at
    reports = [report(listing) for _ in range(3)]
    for item in reports:
        moderation.resolve_report(item, moderator, moderation.ReportAction.DISMISS)
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED and listing.expires_at == end
    assert not moderation.unresolved_reports(listing).exists()


def test_a_report_resolved_by_removal_rejects_the_listing_with_the_reason(moderator):
    listing = people.listing(people.submitter())
    first, second = report(listing), report(listing)
    with pytest.raises(moderation.ModerationError):
        moderation.resolve_report(first, moderator, moderation.ReportAction.REMOVE, "")
    moderation.resolve_report(first, moderator, moderation.ReportAction.REMOVE, "Betrugsverdacht.")
    listing.refresh_from_db()
    second.refresh_from_db()
    assert listing.status == Status.REJECTED and listing.rejection_reason == "Betrugsverdacht."
    assert second.resolved_by == moderator


def partner_editor(django_user_model, partner, name="vereinsfrau"):
    group = Group.objects.create(name=f"Partner {partner.title}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=partner, permission=Permission.objects.get(codename="change_page"))
    user = django_user_model.objects.create_user(username=name, password="x")
    user.groups.add(group)
    return user


def test_moderatable_scopes_partner_editors_to_their_partner(site_tree, django_user_model, moderator):
    ours = PartnerPageFactory(parent=site_tree.partners, title="Verein A")
    theirs = PartnerPageFactory(parent=site_tree.partners, title="Verein B")
    mine = pending(partner=ours)
    other = people.listing(people.submitter("x@example.org"), status=Status.PENDING, partner=theirs)
    unaddressed = people.listing(people.submitter("y@example.org"), status=Status.PENDING)
    editor = partner_editor(django_user_model, ours)
    plain_editor = django_user_model.objects.create_user(username="redakteur", password="x")
    plain_editor.groups.add(Group.objects.get(name="Editors"))

    assert list(permissions.moderatable(editor)) == [mine]
    assert permissions.can_moderate(editor) and not permissions.decides_rooms(editor)
    assert set(permissions.moderatable(moderator)) == {mine, other, unaddressed}
    assert not permissions.can_moderate(plain_editor)
    assert not permissions.moderatable(plain_editor).exists()
    assert not permissions.moderatable(django_user_model(username="anonymous-like", is_active=False)).exists()


def test_the_moderators_group_holds_the_moderation_permissions():
    codenames = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"moderate_listing", "moderate_roomrequest", "access_admin"} <= codenames


def test_approval_of_a_listing_back_from_reports_keeps_its_end(moderator):
    listing = people.listing(people.submitter())
    end = listing.expires_at
    for _ in range(3):
        report(listing)
    listing.refresh_from_db()
    moderation.approve(listing, moderator, now=timezone.now() + timedelta(days=5))
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED and listing.expires_at == end


class BrokenTranslator(DummyTranslator):
    """A provider that is down."""

    def translate(self, source_locale, target_locale, strings):
        raise ConnectionError("provider unreachable")


def test_a_failing_machine_translator_does_not_hold_up_the_approval(moderator, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "tests.offers.test_moderation.BrokenTranslator"}
    listing = pending()

    moderation.approve(listing, moderator)

    listing.refresh_from_db()
    assert listing.status == Status.APPROVED
    assert list(Listing.objects.filter(translation_key=listing.translation_key)) == [listing]


def test_three_reports_from_one_address_do_not_take_a_listing_offline():
    """Otherwise one person could take down any listing within their hourly limit."""
    from offers import spam, submissions
    from tests.offers.submitting import form_token

    listing = people.listing(people.submitter("angebot@example.org"), status=Status.APPROVED)

    def report_from(address):
        submissions.report_listing(
            listing_id=listing.pk, reason=ReportReason.FRAUD, client=spam.Client(address=address), form_token=form_token()
        )

    for _ in range(3):
        report_from("198.51.100.20")
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED
    assert not Report.objects.filter(reporter__contains="198.51").exists()  # the address is not stored

    report_from("198.51.100.21")
    report_from("198.51.100.22")
    listing.refresh_from_db()
    assert listing.status == Status.PENDING
