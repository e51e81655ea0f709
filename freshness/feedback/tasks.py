"""
The background work of reader feedback: one e-mail to the item's owner per mistake report,
and the deletion of reports some days after they were resolved.

The e-mail is one per report, sent as it arrives (not a digest): reports are rare and a
mistake on a page about a deadline should be corrected the same day. It is rendered in the
worker, in the owner's admin language, from the row; so a report deleted before the worker
ran sends nothing. Without an owner (or one without an e-mail address) nobody is written
to: the report waits on the freshness dashboard, which the editorial team reads.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from freshness.feedback.choices import FeedbackKind
from freshness.feedback.models import Feedback
from freshness.feedback.owners import language_of, owner_of


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def notify_owner(feedback_id: int):
    """E-mail the owner of the reported item about report ``feedback_id`` (if it and they still exist)."""
    report = Feedback.objects.filter(pk=feedback_id, kind=FeedbackKind.MISTAKE).select_related("page", "locale").first()
    if report is None:
        return
    owner = owner_of(report.page)
    if owner is None:
        return
    language = language_of(owner)
    context = {
        "report": report,
        "owner": owner,
        "page_title": report.page.title,
        "language_name": report.locale.get_display_name(),
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[report.page_id])),
        "dashboard_url": admin_url(reverse("freshness:dashboard") + "#reader-reports"),
        "retention_days": settings.FRESHNESS_FEEDBACK_RETENTION_DAYS,
    }
    with translation.override(language):
        text = render_to_string("freshness/feedback/email/report.txt", context)
    subject, _, body = text.strip().partition("\n")
    EmailMessage(
        subject=" ".join(subject.split()), body=body.strip() + "\n", from_email=settings.DEFAULT_FROM_EMAIL, to=[owner.email]
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
