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


def test_setup_command_covers_existing_locale_roots(site_tree):
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Locale, WorkflowPage

    from pages.models import HomePage

    root = Page.get_first_root_node()
    # A locale tree made before this app existed (no signal then): created, then unassigned.
    home = root.add_child(instance=HomePage(title="Home", slug="home-en", locale=Locale.objects.get(language_code="en")))
    WorkflowPage.objects.filter(page=home).delete()
    out = StringIO()
    call_command("setup_translation_review", stdout=out)
    assert WorkflowPage.objects.get(page=home).workflow.name == REVIEW_WORKFLOW_NAME
    assert "en: Home" in out.getvalue()


def test_header_buttons_offer_minor_and_review_actions(admin_client, admin_user, guide):
    translation = submit(guide, "ar")
    source_html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert reverse("translation:mark_minor", args=[guide.pk]) in source_html
    from translation.wagtail_hooks import translation_header_buttons

    target = translation.get_target_instance()
    submit_url = reverse("translation:submit_for_review", args=[translation.pk])
    assert [button.url for button in translation_header_buttons(target, admin_user)] == [submit_url]
    confirm = admin_client.get(submit_url)
    assert confirm.status_code == 200 and b'name="next"' in confirm.content


def test_mark_minor_view(admin_client, guide):
    from tests.translation.conftest import translate_and_publish, publish

    translate_and_publish(guide, "ar")
    publish(guide, summary="Tippfehler korrigiert.")
    url = reverse("translation:mark_minor", args=[guide.pk])
    (ar,) = [locale for locale in target_locales() if locale.language_code == "ar"]
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert guide.title in confirm.content.decode() and "<form" in confirm.content.decode()
    assert compute_statuses([guide], [ar])[0].status == TranslationStatus.OUTDATED  # asking changes nothing
    assert admin_client.post(url).status_code == 302
    assert compute_statuses([guide], [ar])[0].status == TranslationStatus.UP_TO_DATE
