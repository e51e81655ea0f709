"""Every demo item has an owner and a review date, and the dashboard has each state to show."""

from collections import Counter

from freshness import cycles

from .conftest import load_demo


def test_every_item_has_an_owner_and_a_review_date(demo_db):
    for model in cycles.REVIEWED_MODELS:
        assert model.objects.exists(), model
        assert not model.objects.filter(content_owner=None).exists(), model
        assert not model.objects.filter(last_reviewed=None).exists(), model


def test_fresh_due_and_overdue_of_each_kind(demo_db):
    for model in cycles.REVIEWED_MODELS:
        states = Counter(cycles.state(item) for item in model.objects.all())
        assert set(states) == {cycles.FRESH, cycles.DUE, cycles.OVERDUE}, model
        assert cycles.due(model).exists() and cycles.due(model, overdue=True).exists(), model


def test_loading_again_keeps_owners_and_dates(demo_db):
    def reviews():
        return {
            model: sorted(model.objects.values_list("pk", "content_owner_id", "last_reviewed"))
            for model in cycles.REVIEWED_MODELS
        }

    before = reviews()
    assert "owners and review dates (fresh, due, overdue): up to date" in load_demo()
    assert reviews() == before
