"""
A mistake report reaches the owner of the item's source page by e-mail, over real SMTP,
in the owner's admin language; nobody is written to without an owner.
"""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from tests.api.helpers import gql
from tests.factories import GuidePageFactory

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
    UserProfile.get_for_user(owner)
    UserProfile.objects.filter(user=owner).update(preferred_language="en")
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
    assert "Hallo Ines Haber," in mail.text
    # Rendered with German active: the date of receipt is written the German way.
    with translation.override("de"):
        month = date_format(timezone.localdate(), "F Y")
    assert month in mail.text and month.split()[0] in {
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"
    }


def test_without_a_person_the_team_and_without_a_team_the_editorial_lead_is_told(
    client, site_tree, smtp_server, django_capture_on_commit_callbacks, django_user_model
):
    team = Group.objects.create(name="Team Wohnen")
    for name in ("anna", "ben"):
        django_user_model.objects.create_user(username=name, email=f"{name}@example.org", password="x").groups.add(team)
    lead = django_user_model.objects.create_user(username="leitung", email="leitung@example.org", password="x")
    lead.groups.add(Group.objects.get(name="Editorial lead"))
    teams_page = GuidePageFactory(parent=site_tree.guides, title="Wohngeld", content_owner=None, owner_team=team)
    orphan = GuidePageFactory(parent=site_tree.guides, title="Ohne Verantwortliche", content_owner=None)

    report(client, teams_page, "Der Antrag ist jetzt online.", django_capture_on_commit_callbacks)
    assert sorted(address for mail in smtp_server.wait_for(2) for address in mail.recipients) == ["anna@example.org", "ben@example.org"]
    report(client, orphan, "Die Telefonzeiten stimmen nicht.", django_capture_on_commit_callbacks)
    assert smtp_server.wait_for(3)[-1].recipients == ["leitung@example.org"]


def test_ratings_send_nothing(client, guide, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        gql(client, "mutation ($id: ID!) { rateItem(id: $id, helpful: false) { received } }", {"id": str(guide.pk)})
    assert smtp_server.messages == []
