"""The demo shows content that needs a look: an outdated translation, a machine translation in review, a broken link, a reader's report."""

from wagtail.models import Locale

from demo.content.stale import (
    DEAD_ADDRESS,
    MACHINE_GUIDE,
    MACHINE_LANGUAGE,
    MISTAKE_GUIDE,
    MISTAKE_LANGUAGE,
    MISTAKE_TEXT,
    RATINGS,
    REVISED_SERVICE,
)
from directory.models import ServicePage
from freshness.choices import FeedbackKind, LinkState
from freshness.feedback.views import open_reports
from freshness.links.views import reported_links
from freshness.models import Feedback
from freshness.translations import outdated_translations
from pages.models import GuidePage
from translation.choices import TranslationStatus
from translation.status import compute_statuses

from .conftest import load_demo


def german_guide(slug):
    return GuidePage.objects.get(locale__language_code="de", slug=slug)


def test_the_revised_service_has_outdated_translations_on_the_dashboard(demo_db):
    revised = ServicePage.objects.get(locale__language_code="de", slug=REVISED_SERVICE)
    outdated = {(row.source.pk, row.locale.language_code) for row in outdated_translations()}
    assert {(revised.pk, "en"), (revised.pk, "ar"), (revised.pk, "uk")} <= outdated
    # Only the revised service: the others were not changed after their translation.
    assert {page_id for page_id, _code in outdated} == {revised.pk}


def test_a_machine_translation_waits_for_review_and_is_not_public(demo_db):
    guide = german_guide(MACHINE_GUIDE)
    locale = Locale.objects.get(language_code=MACHINE_LANGUAGE)
    (status,) = compute_statuses([guide], [locale])
    assert status.status == TranslationStatus.WAITING_FOR_REVIEW
    assert status.machine_translated
    translated = guide.get_translation(locale)
    assert not translated.live
    assert translated.get_latest_revision_as_object().title == "Family reunification"


def test_the_dead_address_is_reported_broken_with_its_page(demo_db):
    link = reported_links().get(url=DEAD_ADDRESS)
    assert link.state == LinkState.BROKEN
    assert [use.page.specific.slug for use in link.uses.select_related("page")] == ["sprachbruecke"]
    # The content's other addresses are collected but not judged while loading.
    assert not reported_links().exclude(url=DEAD_ADDRESS).exists()


def test_a_readers_mistake_report_is_open_on_the_dashboard_and_ratings_are_counted(demo_db):
    (report,) = open_reports()
    assert report.text == MISTAKE_TEXT
    assert report.locale.language_code == MISTAKE_LANGUAGE
    assert report.page.specific.slug == MISTAKE_GUIDE
    rated = Feedback.objects.exclude(kind=FeedbackKind.MISTAKE)
    assert rated.count() == sum(sum(counts.values()) for counts in RATINGS.values())


def test_loading_again_makes_none_of_them_again(demo_db):
    service = ServicePage.objects.get(locale__language_code="de", slug=REVISED_SERVICE)
    revisions = service.revisions.count()
    feedback = Feedback.objects.count()
    assert "outdated translation, machine translation in review, broken link, reader feedback: up to date" in load_demo()
    assert service.revisions.count() == revisions
    assert Feedback.objects.count() == feedback
