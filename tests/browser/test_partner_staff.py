"""
Partner self-service in a real browser, with real e-mail: an editor invites a partner's
staff member, the invitation arrives over SMTP, she sets her password from its link,
changes her service's text and submits it for review; an editor approves it in the admin
and the API shows the change.
"""

import json
import re
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import Group

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from directory.models import PartnerIndexPage, ServicePage, StaffInvitation
from tests.browser.helpers import screenshot
from tests.factories import PartnerPageFactory, ServicePageFactory

STAFF_EMAIL = "lena.vogel@nachbarschaft-ost.example"
PASSWORD = "Laubenpieper-2026!"
NEW_SUMMARY = "Mieterberatung jetzt auch am Samstag, 10 bis 13 Uhr."


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user(username="redaktion-e2e", password="geheim-e2e-2026")
    user.groups.add(Group.objects.get(name="Moderators"))
    yield user
    user.delete()


@pytest.fixture
def service(db, content):
    """A partner and service of this test's own: the package's content stays as the other tests expect it."""
    index = PartnerIndexPage.objects.get(locale__language_code="de")
    partner = PartnerPageFactory(parent=index, title="Nachbarschaftshilfe Ost", slug="nachbarschaft-ost")
    service = ServicePageFactory(parent=partner, title="Mieterberatung", slug="mieterberatung", summary="Beratung zu Miete.")
    yield service
    for invitation in StaffInvitation.objects.filter(team__partner=partner).select_related("user", "team__group"):
        invitation.user.delete()
    group = partner.team.group
    partner.delete()
    group.delete()


def log_in(page, url, username, password):
    page.goto(url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def api_summary(url, service_id):
    query = '{ service(id: "%s") { title summary } }' % service_id
    with urllib.request.urlopen(f"{url}/graphql/?{urllib.parse.urlencode({'query': query})}", timeout=10) as response:
        return json.load(response)["data"]["service"]


def test_invite_set_password_edit_submit_approve_live(browser, server, service, editor, smtp_server, settings, screenshot_dir):
    settings.WAGTAILADMIN_BASE_URL = server.url
    partner = service.get_parent()
    contexts = [browser.new_context(locale="en-GB", timezone_id="Europe/Berlin") for _ in range(2)]
    desk, staff = (context.new_page() for context in contexts)
    try:
        # 1. The editor opens the partner in the admin and invites Lena from its header menu.
        log_in(desk, server.url, editor.username, "geheim-e2e-2026")
        desk.goto(f"{server.url}/admin/pages/{partner.pk}/edit/")
        desk.locator("#w-slim-header-buttons").get_by_role("button").last.click()
        desk.get_by_role("link", name="Invite staff").click()
        desk.fill("#id_email", STAFF_EMAIL)
        desk.fill("#id_name", "Lena Vogel")
        desk.select_option("#id_language", "en")
        desk.locator("form[data-invite-form] button[type=submit]").click()
        desk.wait_for_load_state("networkidle")
        expect(desk.locator(f"tr[data-invitation='{STAFF_EMAIL}']")).to_contain_text("invited")
        screenshot(desk, screenshot_dir, "partner-staff-invited")

        # 2. The e-mail arrives over SMTP; Lena sets her password from its link and lands on her partner.
        smtp_server.wait_for(1)
        (invitation,) = smtp_server.to(STAFF_EMAIL)
        link = next(link for link in invitation.links() if "/admin/welcome/" in link)
        staff.goto(link)
        staff.fill("#id_new_password1", "kurz")
        staff.fill("#id_new_password2", "kurz")
        staff.locator("main form button[type=submit]").click()
        expect(staff.locator("main")).to_contain_text("too short")
        staff.fill("#id_new_password1", PASSWORD)
        staff.fill("#id_new_password2", PASSWORD)
        staff.locator("main form button[type=submit]").click()
        staff.wait_for_url(re.compile(rf"/admin/pages/{partner.pk}/$"))
        expect(staff.locator("main")).to_contain_text("Mieterberatung")

        # 3. She changes her service's summary and submits it for review; she has no "Publish".
        staff.goto(f"{server.url}/admin/pages/{service.pk}/edit/")
        staff.fill("#id_summary", NEW_SUMMARY)
        expect(staff.locator("button[name=action-publish]")).to_have_count(0)
        staff.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()
        staff.locator("button[name=action-submit]").click()
        staff.wait_for_load_state("networkidle")
        assert ServicePage.objects.get(pk=service.pk).current_workflow_state is not None
        staff.goto(f"{server.url}/admin/")
        expect(staff.locator("#partner-changes, [data-change]").first).to_be_visible()
        expect(staff.locator("tr[data-change=in_review]")).to_contain_text("Mieterberatung")
        screenshot(staff, screenshot_dir, "partner-staff-dashboard")
        assert api_summary(server.url, service.pk)["summary"] == "Beratung zu Miete."  # not live before approval

        # 4. The editor approves it from the dashboard's "awaiting your review" panel.
        desk.goto(f"{server.url}/admin/")
        row = desk.locator("tr", has_text="Mieterberatung")
        row.locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
        row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
        expect(desk.locator(f"button[data-workflow-action-url*='/action/{service.pk}/approve/']")).to_have_count(0)
        live = ServicePage.objects.get(pk=service.pk)
        assert live.summary == NEW_SUMMARY and not live.has_unpublished_changes

        # 5. The change is live: the API answers with it.
        assert api_summary(server.url, service.pk)["summary"] == NEW_SUMMARY
    finally:
        for context in contexts:
            context.close()
