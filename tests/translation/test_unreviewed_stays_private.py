"""
Nothing goes live unreviewed: for a page already live in Arabic, an imported agency
file, a translator's submission and a machine pre-translation become a draft revision;
readers (the API) keep the reviewed text until a reviewer approves.
"""

import pytest
from wagtail.models import Page, WorkflowState

from tests.api.helpers import data
from tests.translation.conftest import fill, save_target, submit
from translation.exchange.importer import apply_import, plan_import
from translation.exchange.xliff import build_xliff
from translation.machine import pretranslate
from translation.review import submit_for_review

ARABIC = 'query ($id: ID!) { guide(id: $id, locale: "ar") { title summary locale } }'


@pytest.fixture
def live_in_arabic(guide):
    """The guide, published in Arabic after review: ``[Aufenthalt]``."""
    translation = submit(guide, "ar")
    fill(translation)
    save_target(translation)
    return guide, translation


def arabic(client, guide):
    return data(client, ARABIC, {"id": str(guide.pk)})["guide"]


def approve(target, reviewer):
    state = WorkflowState.objects.get(object_id=str(target.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    state.current_task_state.approve(user=reviewer)


def test_a_submitted_translation_stays_private_until_approved(client, live_in_arabic, users):
    guide, translation = live_in_arabic
    assert arabic(client, guide)["title"] == "[Aufenthalt]"
    fill(translation, make=lambda text: f"NEU {text}")

    submit_for_review(translation, users.translator)
    target = Page.objects.get(pk=translation.get_target_instance().pk)
    assert target.live and target.has_unpublished_changes
    assert arabic(client, guide) == {"title": "[Aufenthalt]", "summary": "[Die Duldung erklärt.]", "locale": "ar"}

    approve(target, users.reviewer)
    assert arabic(client, guide) == {"title": "NEU Aufenthalt", "summary": "NEU Die Duldung erklärt.", "locale": "ar"}


def test_an_imported_file_stays_private_until_approved(client, live_in_arabic, users):
    guide, translation = live_in_arabic
    exported = build_xliff([translation], "de", "ar")
    returned = exported.replace(b"<source>Aufenthalt</source>", b"<source>Aufenthalt</source><target>Aufenthalt (Agentur)</target>")
    plan = plan_import(returned, "xliff", translation.target_locale)
    assert plan.ok, plan.errors
    assert apply_import(plan, user=users.translator) == 1

    assert arabic(client, guide)["title"] == "[Aufenthalt]"
    target = translation.get_target_instance()
    assert target.get_latest_revision_as_object().title == "Aufenthalt (Agentur)"
    # The address stays the one readers know.
    assert target.get_latest_revision_as_object().slug == target.slug

    submit_for_review(translation, users.translator)
    approve(target, users.reviewer)
    assert arabic(client, guide)["title"] == "Aufenthalt (Agentur)"


def test_a_machine_pretranslation_of_a_live_page_stays_private(client, live_in_arabic, users):
    guide, translation = live_in_arabic
    from wagtail_localize.models import StringTranslation

    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    pretranslate(guide, [translation.target_locale], user=users.translator)
    assert arabic(client, guide)["title"] == "[Aufenthalt]"
