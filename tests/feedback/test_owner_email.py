"""
A mistake report reaches the owner of the item's source page by e-mail, over real SMTP,
in the owner's admin language; nobody is written to without an owner.
"""

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from tests.api.helpers import gql

pytestmark = pytest.mark.django_db

REPORT = "mutation ($id: ID!, $text: String!) { reportMistake(id: $id, text: $text) { received } }"


def report(client, page, text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        body = gql(client, REPORT, {"id": str(page.pk), "text": text})
    assert body["data"] == {"reportMistake": {"received": True}}


def test_a_report_on_a_translation_reaches_the_source_pages_owner(
    client, english, owner, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    report(client, english, "The office moved to Burgplatz 1.", django_capture_on_commit_callbacks)
    [mail] = smtp_server.wait_for(1)
    assert mail.recipients == ["inhaberin@example.org"]
    assert "Registering your flat" in mail.subject
    assert "The office moved to Burgplatz 1." in mail.text
    assert "English" in mail.text and "Hello Ines Haber" in mail.text
    assert f"https://cms.example.org/admin/pages/{english.pk}/edit/" in mail.links()
    assert any(link.startswith("https://cms.example.org/admin/freshness/") for link in mail.links())


def test_the_email_is_in_the_owners_admin_language(client, guide, owner, smtp_server, django_capture_on_commit_callbacks):
    UserProfile.get_for_user(owner)
    UserProfile.objects.filter(user=owner).update(preferred_language="de")
    report(client, guide, "Die Frist ist falsch.", django_capture_on_commit_callbacks)
    [mail] = smtp_server.wait_for(1)
    assert "Die Frist ist falsch." in mail.text
    # Rendered with German active: the date of receipt is written the German way.
    with translation.override("de"):
        month = date_format(timezone.localdate(), "F Y")
    assert month in mail.text and month.split()[0] in {
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"
    }


def test_ratings_send_nothing_and_a_page_without_owner_writes_to_nobody(
    client, site_tree, smtp_server, django_capture_on_commit_callbacks
):
    from tests.factories import GuidePageFactory

    orphan = GuidePageFactory(parent=site_tree.guides, title="Ohne Verantwortliche", content_owner=None)
    with django_capture_on_commit_callbacks(execute=True):
        gql(client, "mutation ($id: ID!) { rateItem(id: $id, helpful: false) { received } }", {"id": str(orphan.pk)})
    report(client, orphan, "Die Telefonzeiten stimmen nicht.", django_capture_on_commit_callbacks)
    assert smtp_server.messages == []
