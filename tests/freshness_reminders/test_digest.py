"""
The weekly digest: one e-mail per owner (the person, else the team's active members, else
the editorial lead) with their due and overdue items, edit and "Still correct" links and
the broken links in their pages, in their admin language; nobody gets an empty e-mail.
"""

from django.urls import reverse

from freshness.choices import LinkState
from freshness.models import CheckedLink, LinkUse
from tests.factories import GuidePageFactory, PlaceFactory
from tests.freshness_reminders.conftest import DUE, OVERDUE, person


def test_a_person_gets_their_due_and_overdue_items_with_links(week, site_tree, django_user_model, settings):
    anna = person(django_user_model, "anna")
    overdue = GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    due = GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=DUE, content_owner=anna)

    sent = week.run()

    assert set(sent) == {"anna@example.org"}
    text = sent["anna@example.org"].text
    base = settings.WAGTAILADMIN_BASE_URL
    assert text.index("Overdue for review") < text.index("Aufenthalt") < text.index("Due for review") < text.index("Wohnen")
    for page in (overdue, due):
        assert base + reverse("wagtailadmin_pages:edit", args=[page.pk]) in text
        assert f"Still correct: {base}{reverse('freshness:review_page', args=[page.pk])}" in text


def test_a_team_is_asked_when_no_person_is_set(week, site_tree, team):
    group, members = team
    GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=DUE, owner_team=group)

    sent = week.run()

    # Every active member with an address; not the inactive one, not the one without.
    assert set(sent) == {"berta@example.org", "carl@example.org"}
    assert "Wohnen" in sent["carl@example.org"].text


def test_the_person_comes_before_the_team(week, site_tree, team, django_user_model):
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=DUE, content_owner=anna, owner_team=team[0])
    assert set(week.run()) == {"anna@example.org"}


def test_the_editorial_lead_gets_what_nobody_owns(week, site_tree, django_user_model):
    gone = person(django_user_model, "ehemalig", active=False)
    PlaceFactory(name="Stadthaus", last_reviewed=None)
    GuidePageFactory(parent=site_tree.guides, title="Verwaist", last_reviewed=DUE, content_owner=gone)

    sent = week.run()

    assert set(sent) == {"leitung@example.org"}
    text = sent["leitung@example.org"].text
    assert "Stadthaus" in text and "Verwaist" in text and "never reviewed" in text


def test_broken_links_reach_the_owner_of_the_page(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna")
    fresh = GuidePageFactory(parent=site_tree.guides, title="Frisch", content_owner=anna)
    broken = CheckedLink.objects.create(url="https://example.org/weg", state=LinkState.BROKEN, status_code=404)
    working = CheckedLink.objects.create(url="https://example.org/da", state=LinkState.OK, status_code=200)
    LinkUse.objects.create(link=broken, page=fresh, field="body")
    LinkUse.objects.create(link=broken, page=fresh, field="summary")
    LinkUse.objects.create(link=working, page=fresh, field="body")

    sent = week.run()

    assert set(sent) == {"anna@example.org"}
    text = sent["anna@example.org"].text
    assert text.count("https://example.org/weg (404)") == 1 and "Frisch" in text
    assert "https://example.org/da" not in text and "Due for review" not in text


def test_nobody_gets_an_empty_email(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Frisch", content_owner=anna)
    assert week.run() == {}
    assert week.outcome.digests == []


def test_the_email_is_in_the_recipients_admin_language(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna", language="en")
    bruno = person(django_user_model, "bruno", language="de")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=DUE, content_owner=anna)
    GuidePageFactory(parent=site_tree.guides, title="Arbeit", last_reviewed=DUE, content_owner=bruno)

    sent = week.run()

    assert "Still correct: http" in sent["anna@example.org"].text
    assert "Noch aktuell: http" in sent["bruno@example.org"].text
    assert "Still correct: http" not in sent["bruno@example.org"].text
