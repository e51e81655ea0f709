"""
When an item is due for review, and which items are.

An item is *due* when its interval has passed since it was last reviewed, or, if nobody
ever reviewed it, since it was first published (a place, which is never published, is due
at once). It is *overdue* when it has been due for longer than
``settings.FRESHNESS_OVERDUE_AFTER_DAYS``. The interval is the item's own
``review_interval_months`` or its kind's in ``settings.FRESHNESS_REVIEW_MONTHS``.

The same rule twice: for one item in Python (``state``), and for lists in SQL (``due``),
so a list of thousands never loads every item to ask each. It lives here, below every
app that asks (the page listings' "due for review" filter, ``ContentPage.is_due_for_review``,
the freshness dashboard and reminders), so that all of them give the same answer.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import DateField, F, Q
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

FRESH, DUE, OVERDUE = "fresh", "due", "overdue"


def interval_months(item_or_model, override=None):
    """The item's own interval, else its kind's default."""
    if override is None and not isinstance(item_or_model, type):
        override = item_or_model.review_interval_months
    return override or settings.FRESHNESS_REVIEW_MONTHS[item_or_model._meta.model_name]


def reviewed_on(item):
    """The date the cycle counts from: the last review, else the first publication."""
    if item.last_reviewed is not None:
        return item.last_reviewed
    published = getattr(item, "first_published_at", None)
    return timezone.localdate(published) if published else None


def due_on(item):
    """The day the item becomes due (``None``: at once, it was never reviewed)."""
    start = reviewed_on(item)
    return None if start is None else start + relativedelta(months=interval_months(item))


def state(item, today=None):
    """``FRESH``, ``DUE`` or ``OVERDUE``."""
    today = today or timezone.localdate()
    day = due_on(item)
    if day is None:
        return DUE
    if today < day:
        return FRESH
    return OVERDUE if (today - day).days > settings.FRESHNESS_OVERDUE_AFTER_DAYS else DUE


def annotated(model):
    """The model's items with ``reviewed_on``; pages only when live (a draft needs no review)."""
    if hasattr(model, "first_published_at"):
        start = Coalesce("last_reviewed", Cast("first_published_at", DateField()))
        return model.objects.live().annotate(reviewed_on=start)
    return model.objects.annotate(reviewed_on=F("last_reviewed"))


def due(model, today=None, *, overdue=False):
    """The model's items that are due (or, with ``overdue``, overdue) on ``today``."""
    today = today or timezone.localdate()
    grace = datetime.timedelta(days=settings.FRESHNESS_OVERDUE_AFTER_DAYS + 1 if overdue else 0)
    items = annotated(model)
    overrides = items.exclude(review_interval_months=None).values_list("review_interval_months", flat=True)
    condition = Q(review_interval_months=None, reviewed_on__lte=today - relativedelta(months=interval_months(model)) - grace)
    for months in set(overrides):
        condition |= Q(review_interval_months=months, reviewed_on__lte=today - relativedelta(months=months) - grace)
    if not overdue:
        condition |= Q(reviewed_on=None)
    return items.filter(condition)
