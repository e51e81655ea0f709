"""
The default moderation workflow stays on: an editor without publishing rights cannot
publish, and "Submit for moderation" puts the page into Wagtail's "Moderators approval".
"""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from pages.models import GuidePage
from tests.admin import forms
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory

DEFAULT_WORKFLOW = "Moderators approval"


def add_guide(client, site_tree, action):
    url = reverse("wagtailadmin_pages:add", args=["pages", "guidepage", site_tree.guides.pk])
    return client.post(url, {**forms.guide_data(), action: action.removeprefix("action-")})


def test_workflows_are_enabled_in_settings():
    assert settings.WAGTAIL_WORKFLOW_ENABLED is True
    assert getattr(settings, "WAGTAIL_MODERATION_ENABLED", True) is True


def test_default_workflow_covers_every_content_type(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    pages = [
        site_tree.home,
        site_tree.guides,
        GuidePageFactory(parent=site_tree.guides),
        EventPageFactory(parent=site_tree.events),
        partner,
        ServicePageFactory(parent=partner),
        EventPageFactory(parent=partner),
    ]

    workflows = {page.get_workflow() for page in pages}

    assert {workflow.name for workflow in workflows} == {DEFAULT_WORKFLOW}
    (workflow,) = workflows
    assert workflow.active
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()


def test_submitting_for_moderation_starts_the_workflow(contributor_client, contributor, site_tree):
    response = add_guide(contributor_client, site_tree, "action-submit")

    assert response.status_code == 302
    guide = GuidePage.objects.get(slug="anmeldung")
    assert not guide.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(guide.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == DEFAULT_WORKFLOW
    assert state.requested_by == contributor
    assert state.current_task_state.task.name == DEFAULT_WORKFLOW


def test_editor_without_publish_permission_cannot_publish_directly(contributor_client, site_tree):
    response = add_guide(contributor_client, site_tree, "action-publish")

    guide = GuidePage.objects.get(slug="anmeldung")
    assert response.status_code == 302
    assert not guide.live
    assert guide.has_unpublished_changes


def test_moderator_approval_publishes_the_submitted_page(contributor_client, publisher, site_tree):
    add_guide(contributor_client, site_tree, "action-submit")
    guide = GuidePage.objects.get(slug="anmeldung")
    state = guide.current_workflow_state

    state.current_task_state.task.on_action(state.current_task_state, publisher, "approve")
    guide.refresh_from_db()

    assert guide.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_partner_edit_form_offers_submit_for_moderation(contributor_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)

    response = contributor_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk]))

    assert response.status_code == 200
    assert 'name="action-submit"' in response.content.decode()
    assert 'name="action-publish"' not in response.content.decode()
