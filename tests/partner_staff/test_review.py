"""
A partner's staff change their service in the admin: they can only submit it for review,
see where it stands on their dashboard, and the editorial team's approval publishes it.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import ServicePage
from directory.staff import invitations
from directory.staff.changes import partner_changes, partners_of
from tests.admin import forms
from tests.factories import ServicePageFactory


@pytest.fixture
def staff(partner, publisher):
    invitation = invitations.invite(partner, "lena@bruecke.example", "Lena", "en", invited_by=publisher)
    return invitations.accept(invitation, "Sommer-Fest-2026!")


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def service_of(partner):
    return ServicePage.objects.child_of(partner).get(slug="sozialberatung")


def edit(client, service, action, **extra):
    data = forms.service_data(title="Sozialberatung", slug="sozialberatung", **extra)
    if action:
        data[action] = action.removeprefix("action-")
    return client.post(reverse("wagtailadmin_pages:edit", args=[service.pk]), data)


def test_staff_cannot_publish_only_submit(staff_client, partner):
    service = service_of(partner)

    edit(staff_client, service, "action-publish", summary="Jetzt auch samstags.")
    service.refresh_from_db()
    assert service.summary != "Jetzt auch samstags." and service.has_unpublished_changes
    assert service.current_workflow_state is None

    response = edit(staff_client, service, "action-submit", summary="Jetzt auch samstags.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(service.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    service.refresh_from_db()
    assert service.summary != "Jetzt auch samstags."  # the live page is unchanged until approved


def test_their_dashboard_shows_the_state_of_their_changes(staff_client, staff, partner):
    service = service_of(partner)
    edit(staff_client, service, "action-submit", summary="Jetzt auch samstags.")
    draft = ServicePageFactory(parent=partner, title="Neue Beratung", slug="neu")
    draft.title = "Neue Beratung (Entwurf)"
    draft.save_revision(user=staff)

    dashboard = staff_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Your partner&#x27;s changes" in dashboard or "Your partner's changes" in dashboard
    assert 'data-change="in_review"' in dashboard and 'data-change="draft"' in dashboard
    assert "Sozialberatung" in dashboard
    rows = {page.pk: code for page, code, _label in partner_changes(partners_of(staff))}
    assert rows == {service.pk: "in_review", draft.pk: "draft"}


def test_the_panel_is_not_for_the_editorial_team(publisher_client):
    assert 'id="partner-changes"' not in publisher_client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_panel_costs_the_same_for_many_changes(staff, partner, django_assert_max_num_queries):
    for number in range(12):
        page = ServicePageFactory(parent=partner, title=f"Angebot {number}", slug=f"angebot-{number}")
        page.save_revision(user=staff)
        if number % 2:
            page.get_workflow().start(page, staff)
    partners = partners_of(staff)
    with django_assert_max_num_queries(3):
        rows = partner_changes(partners)
    assert len(rows) == 12


def test_the_editorial_team_approves_and_the_change_is_live(staff_client, publisher, partner):
    service = service_of(partner)
    edit(staff_client, service, "action-submit", summary="Jetzt auch samstags.")
    state = service_of(partner).current_workflow_state

    state.current_task_state.task.on_action(state.current_task_state, publisher, "approve")

    service = service_of(partner)
    assert service.live and not service.has_unpublished_changes
    assert service.summary == "Jetzt auch samstags."
