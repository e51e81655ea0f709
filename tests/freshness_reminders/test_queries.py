"""Building the digests costs the same number of queries for 5 items as for 50, whoever owns them."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from freshness.choices import LinkState
from freshness.models import CheckedLink, LinkUse
from freshness.reminders import digest
from tests.factories import GuidePageFactory, PlaceFactory
from tests.freshness_reminders.conftest import DUE, OVERDUE, TODAY, person


def add_items(parent, django_user_model, count, start):
    """``count`` due items and broken links, owned in turn by a new person, a new team and nobody."""
    for number in range(start, start + count):
        kind = number % 3
        owner = {}
        if kind == 0:
            owner["content_owner"] = person(django_user_model, f"person{number}")
        elif kind == 1:
            team = Group.objects.create(name=f"Team {number}")
            person(django_user_model, f"member{number}", group=team)
            owner["owner_team"] = team
        page = GuidePageFactory(parent=parent, last_reviewed=OVERDUE if number % 2 else DUE, **owner)
        link = CheckedLink.objects.create(url=f"https://example.org/{number}", state=LinkState.BROKEN, status_code=404)
        LinkUse.objects.create(link=link, page=page, field="body")
        PlaceFactory(last_reviewed=None, **owner)


def queries_to_build():
    ContentType.objects.clear_cache()  # both counts start from a cold cache, whichever test ran before
    with CaptureQueriesContext(connection) as queries:
        found = digest.build(TODAY)
        for each in found.digests.values():
            [(row.item.locale.language_code, str(row.item)) for row in each.items]
            [(row.link.url, row.page.title) for row in each.links]
    return len(queries), found


def test_the_digest_build_does_not_grow_per_item(site_tree, lead, django_user_model):
    add_items(site_tree.guides, django_user_model, 5, 0)
    few, found = queries_to_build()
    assert len(found.nonempty()) == 4 + 1  # two people, one team member, and the lead (for the rest)

    add_items(site_tree.guides, django_user_model, 45, 5)
    many, found = queries_to_build()
    assert len(found.marks) == 50 * 3
    assert many == few, f"{few} queries for 5 items, {many} for 50"
    assert few <= 30
