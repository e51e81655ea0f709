"""
The background work of reader feedback: one e-mail to the item's owner per mistake report,
and the deletion of reports some days after they were resolved.

The e-mail is one per report, sent as it arrives (not a digest): reports are rare and a
mistake on a page about a deadline should be corrected the same day. It goes to the owners
of the item's source page (``owners``: the person, else the team, else the editorial lead),
each in their admin language, rendered in the worker from the row; so a report deleted
before the worker ran sends nothing. The report also waits on the freshness dashboard.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from freshness.feedback.owners import recipients_of


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def notify_owner(feedback_id: int):
    """E-mail the owners of the reported item about report ``feedback_id`` (if it still exists)."""
    report = Feedback.objects.filter(pk=feedback_id, kind=FeedbackKind.MISTAKE).select_related("page", "locale").first()
    if report is None:
        return
    context = {
        "report": report,
        "page_title": report.page.title,
        "language_name": report.locale.get_display_name(),
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[report.page_id])),
        "dashboard_url": admin_url(reverse("freshness:dashboard") + "#reader-reports"),
        "retention_days": settings.FRESHNESS_FEEDBACK_RETENTION_DAYS,
    }
    for person in recipients_of(report.page):
        with translation.override(person.language):
            text = render_to_string("freshness/feedback/email/report.txt", {**context, "name": person.name})
        subject, _, body = text.strip().partition("\n")
        EmailMessage(
            subject=" ".join(subject.split()), body=body.strip() + "\n", from_email=settings.DEFAULT_FROM_EMAIL, to=[person.email]
        ).send()


#: Ratings older than this are deleted too: the dashboard reads the last 90 days only.
RATINGS_KEPT_DAYS = 366


def purge_resolved(now=None):
    """
    Delete reports resolved more than ``FRESHNESS_FEEDBACK_RETENTION_DAYS`` ago, and ratings
    older than ``RATINGS_KEPT_DAYS``; returns how many rows went.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FRESHNESS_FEEDBACK_RETENTION_DAYS)
    reports, _ = Feedback.objects.filter(kind=FeedbackKind.MISTAKE, resolved_at__lt=cutoff).delete()
    ratings, _ = (
        Feedback.objects.exclude(kind=FeedbackKind.MISTAKE)
        .filter(created_at__lt=now - datetime.timedelta(days=RATINGS_KEPT_DAYS))
        .delete()
    )
    return reports + ratings
