"""Editors see broken and moved links in a report, with the pages to fix, and a count on the dashboard."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from freshness.choices import LinkError, LinkState
from freshness.models import CheckedLink, LinkUse
from tests.factories import GuidePageFactory


@pytest.fixture
def links(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden")
    now = timezone.now()
    for url, state, extra in [
        ("https://gone.example/", LinkState.BROKEN, {"status_code": 404, "consecutive_failures": 3, "first_failed": now}),
        ("https://slow.example/", LinkState.BROKEN, {"error": LinkError.TIMEOUT, "consecutive_failures": 1}),
        ("https://old.example/", LinkState.MOVED, {"status_code": 200, "final_url": "https://new.example/"}),
        ("https://fine.example/", LinkState.OK, {"status_code": 200}),
    ]:
        link = CheckedLink.objects.create(url=url, state=state, last_checked=now, **extra)
        LinkUse.objects.create(link=link, page=guide, field="body")
    return guide


def test_the_report_lists_broken_and_moved_links_with_the_pages_to_edit(admin_client, links):
    html = admin_client.get(reverse("freshness_links:report")).content.decode()

    for url in ["https://gone.example/", "https://slow.example/", "https://old.example/", "https://new.example/"]:
        assert url in html
    assert "https://fine.example/" not in html
    assert reverse("wagtailadmin_pages:edit", args=[links.pk]) in html
    assert "Wohnung finden" in html
    assert "Keine Antwort in der Wartezeit" in html  # the timeout, in words (German admin)


def test_the_report_filters_by_state(admin_client, links):
    html = admin_client.get(reverse("freshness_links:report"), {"state": LinkState.MOVED}).content.decode()
    assert "https://old.example/" in html
    assert "https://gone.example/" not in html


def test_the_dashboard_counts_broken_links(admin_client, links):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 defekte Links" in html
    assert f'{reverse("freshness_links:report")}?state=broken' in html


def test_the_dashboard_says_nothing_while_no_link_is_broken(admin_client, site_tree):
    assert "?state=broken" not in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_someone_who_writes_no_pages_cannot_see_the_report(client, django_user_model, links):
    user = django_user_model.objects.create_user("kiosk", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("freshness_links:report"))
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
