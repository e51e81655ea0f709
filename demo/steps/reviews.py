"""
Owners and review dates for every demo item, spread over the states the freshness
dashboard shows: fresh, due and overdue (issue 15).

Items get an owner once (those without one), so loading the demo again changes nothing.
Dates are written with ``UPDATE``: a review is not an edit and adds no revision.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.content.partners import EDITABLE_PARTNER
from demo.steps.permissions import USERNAME as PARTNER_USERNAME
from freshness.cycles import FRESH, OVERDUE, REVIEWED_MODELS, interval_months

EDITOR_USERNAME = "redaktion-demo"
STATES = (FRESH, "due", OVERDUE)


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


def create_review_states(context):
    editor_user = editor()
    partner_user = get_user_model().objects.filter(username=PARTNER_USERNAME).first()
    partner_path = context.partners[EDITABLE_PARTNER].path
    today = timezone.localdate()
    made = 0
    for model in REVIEWED_MODELS:
        for index, item in enumerate(model.objects.filter(content_owner=None).order_by("pk")):
            below_partner = getattr(item, "path", "").startswith(partner_path)
            owner = partner_user if below_partner and partner_user else editor_user
            state = STATES[index % len(STATES)]
            model.objects.filter(pk=item.pk).update(content_owner=owner, last_reviewed=review_date(model, state, today))
            made += 1
    return made
