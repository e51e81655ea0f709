"""The freshness dashboard: what is due or overdue, filtered by owner, kind, topic and language; counts on the home page."""

import datetime

import pytest
from django.contrib.auth.models import Group
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from tests.factories import GuidePageFactory, PartnerPageFactory, PlaceFactory, TopicFactory, locale


def ago(months, days=0):
    return timezone.localdate() - relativedelta(months=months) - datetime.timedelta(days=days)


@pytest.fixture
def items(site_tree, publisher, django_user_model):
    other = django_user_model.objects.create_user(username="andere", password="x")
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    return {
        "fresh": GuidePageFactory(parent=site_tree.guides, title="Frisch", last_reviewed=ago(1), content_owner=publisher),
        "due": GuidePageFactory(
            parent=site_tree.guides, title="Fällig", last_reviewed=ago(6, 5), content_owner=publisher, topics=[housing]
        ),
        "overdue": PartnerPageFactory(parent=site_tree.partners, title="Überfällig", last_reviewed=ago(12, 60), content_owner=other),
        "place": PlaceFactory(name="Nie geprüft", last_reviewed=None),
        "other": other,
    }


def rows(client, **params):
    page = client.get(reverse("freshness:dashboard"), params)
    assert page.status_code == 200
    return {(item_id, state) for item_id, state in [
        (row.split('data-item="')[1].split('"')[0], row.split('data-state="')[1].split('"')[0])
        for row in page.content.decode().split("<tr ")[1:] if "data-item=" in row
    ]}


def test_lists_what_is_due_and_overdue(publisher_client, items):
    assert rows(publisher_client) == {
        (str(items["due"].pk), "due"), (str(items["overdue"].pk), "overdue"), (str(items["place"].pk), "due")
    }


def test_filters(publisher_client, publisher, items):
    assert rows(publisher_client, owner=publisher.pk) == {(str(items["due"].pk), "due")}
    assert rows(publisher_client, owner=items["other"].pk) == {(str(items["overdue"].pk), "overdue")}
    assert rows(publisher_client, kind="partnerpage") == {(str(items["overdue"].pk), "overdue")}
    assert rows(publisher_client, kind="place") == {(str(items["place"].pk), "due")}
    assert rows(publisher_client, topic="wohnen") == {(str(items["due"].pk), "due")}
    assert rows(publisher_client, language="en") == set()
    assert len(rows(publisher_client, language="de")) == 3


def test_counts_on_the_wagtail_dashboard(publisher_client, items):
    page = publisher_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("freshness:dashboard") in page
    assert "3 items are due for review, 1 overdue." in page


def test_still_correct_from_the_list_takes_it_off(publisher_client, items):
    url = reverse("freshness:dashboard")
    response = publisher_client.post(reverse("freshness:review_page", args=[items["due"].pk]), {"next": url})
    assert response["Location"] == url
    assert (str(items["due"].pk), "due") not in rows(publisher_client)


def test_partner_staff_see_neither_list_nor_counts(client, django_user_model, items):
    """Editors without publish permission anywhere (as partner staff) are kept out."""
    staff = django_user_model.objects.create_user(username="traeger", password="x")
    staff.groups.add(Group.objects.get(name="Editors"))
    client.force_login(staff)
    assert client.get(reverse("freshness:dashboard")).status_code in (302, 403)
    assert reverse("freshness:dashboard") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_by_owner_covers_teams(publisher_client, items):
    """An item owned by a team is found under the team; a made-up owner finds nothing (no error)."""
    from pages.models import GuidePage

    team = Group.objects.create(name="Team Wohnen")
    GuidePage.objects.filter(pk=items["due"].pk).update(content_owner=None, owner_team=team)
    assert rows(publisher_client, owner=f"team:{team.pk}") == {(str(items["due"].pk), "due")}
    assert rows(publisher_client, owner="team:x") == set()
    assert rows(publisher_client, owner="nobody") == set()
    page = publisher_client.get(reverse("freshness:dashboard")).content.decode()
    assert f'<option value="team:{team.pk}">Team Wohnen</option>' in page


def broken(url, *pages):
    """A checked address found broken, used on ``pages``."""
    from freshness.choices import LinkState
    from freshness.models import CheckedLink, LinkUse

    link = CheckedLink.objects.create(url=url, state=LinkState.BROKEN, status_code=404, consecutive_failures=2)
    LinkUse.objects.bulk_create(LinkUse(link=link, page=page, field="body") for page in pages)
    return link


def broken_link_ids(client, **params):
    page = client.get(reverse("freshness:dashboard"), params).content.decode()
    return {int(row.split('data-link="')[1].split('"')[0]) for row in page.split("<tr ")[1:] if "data-link=" in row}


def test_broken_links_of_the_filtered_pages_are_on_the_dashboard(publisher_client, publisher, items):
    """An owner sees the broken links of their own pages beside what is due, with the pages to fix."""
    mine = broken("https://weg.example/", items["fresh"])
    theirs = broken("https://auch-weg.example/", items["overdue"])

    assert broken_link_ids(publisher_client) == {mine.pk, theirs.pk}
    assert broken_link_ids(publisher_client, owner=publisher.pk) == {mine.pk}
    assert broken_link_ids(publisher_client, owner=items["other"].pk) == {theirs.pk}
    assert broken_link_ids(publisher_client, kind="guidepage") == {mine.pk}
    assert broken_link_ids(publisher_client, kind="place") == set()
    assert broken_link_ids(publisher_client, language="en") == set()

    page = publisher_client.get(reverse("freshness:dashboard"), {"owner": publisher.pk}).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[items["fresh"].pk]) in page
    assert 'href="#broken-links" data-section-count="links">1 broken link<' in page


def test_the_broken_links_list_costs_the_same_for_5_and_50_links(publisher_client, publisher, items):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert publisher_client.get(reverse("freshness:dashboard"), {"owner": publisher.pk}).status_code == 200
        return len(captured)

    for number in range(5):
        broken(f"https://weg.example/{number}", items["fresh"], items["due"])
    five = queries()
    for number in range(5, 50):
        broken(f"https://weg.example/{number}", items["fresh"], items["due"])
    assert queries() == five
