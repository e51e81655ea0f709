"""Translations go through the "Translation review" workflow before they are public."""

from django.urls import reverse
from wagtail.models import Page, WorkflowState

from tests.translation.conftest import fill, submit
from translation.choices import TranslationStatus
from translation.review import REVIEW_WORKFLOW_NAME, submit_for_review
from translation.status import compute_statuses, target_locales


def test_locale_roots_created_by_translation_come_under_review(guide):
    translation = submit(guide, "ar")
    target = translation.get_target_instance()
    assert target.get_workflow().name == REVIEW_WORKFLOW_NAME
    # The German tree keeps Wagtail's default moderation.
    assert guide.get_workflow() is None or guide.get_workflow().name != REVIEW_WORKFLOW_NAME


def test_translator_cannot_publish_from_the_translation_editor(client, guide, users):
    translation = submit(guide, "ar")
    fill(translation)
    target = translation.get_target_instance()
    client.force_login(users.translator)
    editor = reverse("wagtailadmin_pages:edit", args=[target.pk])
    page = client.get(editor)
    assert page.status_code == 200 and b"wagtail-localize" in page.content  # the translation editor
    response = client.post(editor, {"action": "publish"})
    # Wagtail's admin turns PermissionDenied into a redirect with an error message.
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert not Page.objects.get(pk=target.pk).live


def test_submitted_translation_waits_for_review_and_is_published_on_approval(client, guide, users):
    translation = submit(guide, "ar")
    fill(translation)
    client.force_login(users.translator)
    response = client.post(reverse("translation:submit_for_review", args=[translation.pk]))
    assert response.status_code == 302
    target = translation.get_target_instance()
    state = WorkflowState.objects.get(object_id=str(target.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert not Page.objects.get(pk=target.pk).live
    (ar,) = [locale for locale in target_locales() if locale.language_code == "ar"]
    assert compute_statuses([guide], [ar])[0].status == TranslationStatus.WAITING_FOR_REVIEW

    state.current_task_state.approve(user=users.reviewer)

    target.refresh_from_db()
    assert target.live
    assert target.title == f"[{guide.title}]"
    assert compute_statuses([guide], [ar])[0].status == TranslationStatus.UP_TO_DATE


def test_resubmission_replaces_the_pending_request(guide, users):
    translation = submit(guide, "ar")
    fill(translation)
    first = submit_for_review(translation, users.translator)
    second = submit_for_review(translation, users.translator)
    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_CANCELLED
    assert second.status == WorkflowState.STATUS_IN_PROGRESS
