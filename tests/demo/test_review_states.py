"""Every demo item has an owner and a review date, and the dashboard has each state to show."""

from collections import Counter

from django.contrib.auth.models import Group

from demo.steps.reviews import EDITOR_USERNAME, TEAM_NAME, TEAM_TOPICS
from freshness import cycles
from freshness.reminders.recipients import EDITORIAL_LEAD_GROUP
from pages.models import GuidePage

from .conftest import load_demo


def test_every_item_has_an_owner_and_a_review_date(demo_db):
    for model in cycles.REVIEWED_MODELS:
        assert model.objects.exists(), model
        assert not model.objects.filter(content_owner=None, owner_team=None).exists(), model
        assert not model.objects.filter(last_reviewed=None).exists(), model


def test_a_team_owns_the_guides_on_residence_and_asylum_and_the_editor_leads(demo_db):
    team_owned = GuidePage.objects.filter(owner_team__name=TEAM_NAME)
    assert team_owned.exists() and not team_owned.exclude(content_owner=None).exists()
    assert set(team_owned.values_list("pk", flat=True)) == set(
        GuidePage.objects.filter(topics__slug__in=TEAM_TOPICS).values_list("pk", flat=True)
    )
    members = {user.username for user in Group.objects.get(name=TEAM_NAME).user_set.all()}
    assert members == {EDITOR_USERNAME}
    assert Group.objects.get(name=EDITORIAL_LEAD_GROUP).user_set.filter(username=EDITOR_USERNAME).exists()


def test_fresh_due_and_overdue_of_each_kind(demo_db):
    for model in cycles.REVIEWED_MODELS:
        states = Counter(cycles.state(item) for item in model.objects.all())
        assert set(states) == {cycles.FRESH, cycles.DUE, cycles.OVERDUE}, model
        assert cycles.due(model).exists() and cycles.due(model, overdue=True).exists(), model


def test_loading_again_keeps_owners_and_dates(demo_db):
    def reviews():
        return {
            model: sorted(model.objects.values_list("pk", "content_owner_id", "owner_team_id", "last_reviewed"))
            for model in cycles.REVIEWED_MODELS
        }

    before = reviews()
    assert "owners and review dates (fresh, due, overdue): up to date" in load_demo()
    assert reviews() == before
