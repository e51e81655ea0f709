"""Every transition of the translation status, including 'a minor edit keeps translations current'."""

from wagtail.models import Locale

from tests.translation.conftest import fill, publish, save_target, submit, translate_and_publish
from translation.choices import TranslationStatus
from translation.minor import mark_minor
from translation.status import compute_statuses


def status_of(page, code):
    (item,) = compute_statuses([page], [Locale.objects.get(language_code=code)])
    return item.status


def test_missing_when_never_submitted(guide):
    assert status_of(guide, "ar") == TranslationStatus.MISSING


def test_in_progress_after_submission_until_every_string_is_translated(guide):
    translation = submit(guide, "ar")
    assert status_of(guide, "ar") == TranslationStatus.IN_PROGRESS
    fill(translation)
    # All strings translated but not yet published: still in progress.
    assert status_of(guide, "ar") == TranslationStatus.IN_PROGRESS
    save_target(translation)
    assert status_of(guide, "ar") == TranslationStatus.UP_TO_DATE


def test_other_locales_are_unaffected(guide):
    translate_and_publish(guide, "ar")
    assert status_of(guide, "uk") == TranslationStatus.MISSING


def test_outdated_when_the_source_is_published_again(guide):
    translate_and_publish(guide, "ar")
    publish(guide, summary="Die Duldung, neu erklärt.")
    assert status_of(guide, "ar") == TranslationStatus.OUTDATED


def test_minor_edit_keeps_translations_current(guide, users):
    translate_and_publish(guide, "ar")
    translate_and_publish(guide, "uk")
    publish(guide, summary="Die Duldung erklärt!")
    assert mark_minor(guide, users.admin) == ["ar", "uk"]
    assert status_of(guide, "ar") == TranslationStatus.UP_TO_DATE
    assert status_of(guide, "uk") == TranslationStatus.UP_TO_DATE
    # The next substantial change makes them outdated again.
    publish(guide, summary="Ganz anders.")
    assert status_of(guide, "ar") == TranslationStatus.OUTDATED


def test_minor_edit_does_not_hide_an_earlier_substantial_change(guide, users):
    translate_and_publish(guide, "ar")
    publish(guide, summary="Wesentlich geändert.")
    publish(guide, summary="Wesentlich geändert!")
    assert mark_minor(guide, users.admin) == []
    assert status_of(guide, "ar") == TranslationStatus.OUTDATED


def test_resynced_source_is_in_progress_until_new_strings_are_translated(guide):
    translation = translate_and_publish(guide, "ar")
    publish(guide, summary="Neuer Satz.")
    translation.source.update_from_db()
    translation.source.refresh_segments()
    assert status_of(guide, "ar") == TranslationStatus.IN_PROGRESS
    fill(translation)
    save_target(translation)
    assert status_of(guide, "ar") == TranslationStatus.UP_TO_DATE


def test_machine_translated_until_reviewed(guide):
    translate_and_publish(guide, "ar", kind="machine")
    assert status_of(guide, "ar") == TranslationStatus.MACHINE_TRANSLATED


def test_alias_counts_as_missing(guide):
    guide.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True, alias=True)
    assert status_of(guide, "fr") == TranslationStatus.MISSING


def test_translation_made_without_wagtail_localize_compares_publication_dates(guide):
    german = guide
    english = german.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert status_of(german, "en") == TranslationStatus.IN_PROGRESS  # a draft copy
    publish(english, title="Residence")
    assert status_of(german, "en") == TranslationStatus.UP_TO_DATE
    publish(german, summary="Neu.")
    assert status_of(german, "en") == TranslationStatus.OUTDATED


def test_in_review_status_wins_over_draft_for_hand_made_translations(guide, users):
    from translation.review import assign_review_workflow

    english = guide.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assign_review_workflow(english.get_parent().get_parent())
    english.save_revision(user=users.translator)
    english.get_workflow().start(english, users.translator)
    assert status_of(guide, "en") == TranslationStatus.WAITING_FOR_REVIEW
