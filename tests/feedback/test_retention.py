"""Resolved reports are deleted ``FRESHNESS_FEEDBACK_RETENTION_DAYS`` after resolution, ratings after a year; open reports stay."""

import datetime

import pytest
from django.utils import timezone

from freshness.choices import FeedbackKind
from freshness.feedback.tasks import purge_resolved
from freshness.models import Feedback

pytestmark = pytest.mark.django_db


def test_resolved_reports_are_deleted_after_the_retention_period(guide, settings):
    settings.FRESHNESS_FEEDBACK_RETENTION_DAYS = 30
    now = timezone.now()

    def row(kind=FeedbackKind.MISTAKE, resolved_days_ago=None):
        resolved = now - datetime.timedelta(days=resolved_days_ago) if resolved_days_ago is not None else None
        return Feedback.objects.create(page=guide, locale=guide.locale, kind=kind, text="Falsch.", resolved_at=resolved)

    old, recent, still_open = row(resolved_days_ago=31), row(resolved_days_ago=29), row()
    rating = row(kind=FeedbackKind.NOT_HELPFUL)
    old_rating = row(kind=FeedbackKind.HELPFUL)
    Feedback.objects.filter(pk=old_rating.pk).update(created_at=now - datetime.timedelta(days=367))
    assert purge_resolved(now) == 2
    assert set(Feedback.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk, rating.pk}
    assert old.pk not in Feedback.objects.values_list("pk", flat=True)
