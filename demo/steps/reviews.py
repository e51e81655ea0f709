"""
Owners and review dates for every demo item, spread over the states the freshness
dashboard shows: fresh, due and overdue (issue 15). Owners are the demo's editor, the
partner's staff for their partner's pages, and a team for the guides on residence and
asylum law; the editor is also the editorial lead, who receives escalations.

Items get an owner once (those without one), so loading the demo again changes nothing.
Dates are written with ``UPDATE``: a review is not an edit and adds no revision.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from demo.content.partners import EDITABLE_PARTNER
from demo.steps.permissions import USERNAME as PARTNER_USERNAME
from freshness.cycles import FRESH, OVERDUE, REVIEWED_MODELS, interval_months
from freshness.reminders.recipients import EDITORIAL_LEAD_GROUP
from pages.models import GuidePage

EDITOR_USERNAME = "redaktion-demo"
STATES = (FRESH, "due", OVERDUE)
#: Guides on these topics are kept by a team, not a person.
TEAM_NAME = "Team Aufenthalt und Asyl"
TEAM_TOPICS = ["aufenthalt", "asyl"]


def review_date(model, state, today):
    """A last review that puts an item of ``model`` into ``state`` on ``today``."""
    due_day = today - relativedelta(months=interval_months(model))
    if state == FRESH:
        return today - datetime.timedelta(days=10)
    if state == OVERDUE:
        return due_day - datetime.timedelta(days=settings.FRESHNESS_OVERDUE_AFTER_DAYS + 30)
    return due_day - datetime.timedelta(days=5)


def editor():
    """The demo's editorial account (no password: it owns content and signs demo actions)."""
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"first_name": "Demo", "last_name": "Redaktion", "email": "redaktion-demo@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def team():
    """A team that owns the guides on residence and asylum law: reminders go to its members."""
    group, _created = Group.objects.get_or_create(name=TEAM_NAME)
    group.user_set.add(editor())
    return group


def create_review_states(context):
    editor_user = editor()
    # The demo's editor leads the editorial team: unowned items and escalations reach her.
    Group.objects.get_or_create(name=EDITORIAL_LEAD_GROUP)[0].user_set.add(editor_user)
    partner_user = get_user_model().objects.filter(username=PARTNER_USERNAME).first()
    partner_path = context.partners[EDITABLE_PARTNER].path
    team_owned = set(GuidePage.objects.filter(topics__slug__in=TEAM_TOPICS).values_list("pk", flat=True))
    today = timezone.localdate()
    made = 0
    for model in REVIEWED_MODELS:
        unowned = model.objects.filter(content_owner=None, owner_team=None).order_by("pk")
        for index, item in enumerate(unowned):
            owner = {"content_owner": editor_user}
            if model is GuidePage and item.pk in team_owned:
                owner = {"owner_team": team()}
            elif getattr(item, "path", "").startswith(partner_path) and partner_user:
                owner = {"content_owner": partner_user}
            state = STATES[index % len(STATES)]
            model.objects.filter(pk=item.pk).update(**owner, last_reviewed=review_date(model, state, today))
            made += 1
    return made
