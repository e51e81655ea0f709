"""When items are due or overdue for review, per kind and with an item's own interval (freshness.cycles)."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta

from directory.models import Place
from freshness import cycles
from pages.models import GuidePage
from tests.factories import GuidePageFactory, PartnerPageFactory, PlaceFactory, ServicePageFactory

TODAY = datetime.date(2026, 12, 1)


def ago(months, days=0):
    return TODAY - relativedelta(months=months) - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("kind", "months"), [(GuidePageFactory, 6), (ServicePageFactory, 3), (PartnerPageFactory, 12)]
)
def test_each_kind_has_its_interval(site_tree, kind, months):
    parent = site_tree.guides if kind is GuidePageFactory else site_tree.partners
    if kind is ServicePageFactory:
        parent = PartnerPageFactory(parent=site_tree.partners)
    fresh = kind(parent=parent, last_reviewed=ago(months) + datetime.timedelta(days=1))
    due = kind(parent=parent, last_reviewed=ago(months))
    overdue = kind(parent=parent, last_reviewed=ago(months, days=40))
    assert [cycles.state(page, TODAY) for page in (fresh, due, overdue)] == ["fresh", "due", "overdue"]
    model = type(fresh)
    assert set(cycles.due(model, TODAY).filter(pk__in=[fresh.pk, due.pk, overdue.pk])) == {due, overdue}
    assert list(cycles.due(model, TODAY, overdue=True).filter(pk__in=[fresh.pk, due.pk, overdue.pk])) == [overdue]


def test_an_item_may_override_its_interval(site_tree):
    quick = GuidePageFactory(parent=site_tree.guides, last_reviewed=ago(1), review_interval_months=1)
    slow = GuidePageFactory(parent=site_tree.guides, last_reviewed=ago(7), review_interval_months=24)
    assert cycles.state(quick, TODAY) == "due" and cycles.state(slow, TODAY) == "fresh"
    assert list(cycles.due(GuidePage, TODAY).filter(pk__in=[quick.pk, slow.pk])) == [quick]


def test_never_reviewed_counts_from_first_publication(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, last_reviewed=None)
    GuidePage.objects.filter(pk=guide.pk).update(first_published_at=datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC))
    guide.refresh_from_db()
    assert cycles.state(guide, TODAY) == "due"
    assert cycles.state(guide, datetime.date(2026, 10, 31)) == "fresh"
    assert guide in cycles.due(GuidePage, TODAY)


def test_drafts_are_not_due(site_tree):
    draft = GuidePageFactory(parent=site_tree.guides, last_reviewed=ago(24), live=False)
    assert draft not in cycles.due(GuidePage, TODAY)


def test_a_place_never_reviewed_is_due(db):
    never = PlaceFactory(last_reviewed=None)
    fresh = PlaceFactory(last_reviewed=ago(11))
    assert cycles.state(never, TODAY) == "due" and cycles.state(fresh, TODAY) == "fresh"
    assert set(cycles.due(Place, TODAY)) == {never}
    assert not cycles.due(Place, TODAY, overdue=True).exists()
