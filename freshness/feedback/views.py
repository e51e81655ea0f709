"""
Reader feedback on the freshness dashboard: the open mistake reports (item, language,
text, date) with a "Resolved" button, and per item the share of "not helpful" among its
ratings of the last 90 days, highest first.

Both lists are one query each, whatever their length (the report's page and language by
join, the shares by one aggregate), and their counts are on the homepage panel.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from freshness.permissions import may_see

#: The longest lists the dashboard shows; the counts are complete.
LIMIT = 200
#: Ratings younger than this count towards the "not helpful" share.
RATING_DAYS = 90


def open_reports(pages=None):
    """Mistake reports nobody marked resolved, newest first; about ``pages`` (a condition on ``page_id``) if given."""
    reports = Feedback.objects.filter(kind=FeedbackKind.MISTAKE, resolved_at=None).select_related("page", "locale")
    if pages is not None:
        reports = reports.filter(pages)
    return reports.order_by("-created_at")


def open_report_count():
    return Feedback.objects.filter(kind=FeedbackKind.MISTAKE, resolved_at=None).count()


def not_helpful_shares(pages=None, now=None):
    """
    ``{page_id, title, language, ratings, not_helpful, share}`` per rated page (each
    translation on its own) over the last ``RATING_DAYS`` days, the highest share first;
    of ``pages`` (a condition on ``page_id``) if given.
    """
    since = (now or timezone.now()) - datetime.timedelta(days=RATING_DAYS)
    ratings = Feedback.objects.filter(kind__in=[FeedbackKind.HELPFUL, FeedbackKind.NOT_HELPFUL], created_at__gte=since)
    if pages is not None:
        ratings = ratings.filter(pages)
    rows = (
        ratings.values("page_id")
        .annotate(
            title=F("page__title"),
            language=F("locale__language_code"),
            ratings=Count("pk"),
            not_helpful=Count("pk", filter=Q(kind=FeedbackKind.NOT_HELPFUL)),
        )
        .annotate(share=Cast(F("not_helpful"), FloatField()) / Cast(F("ratings"), FloatField()))
        .order_by("-share", "-ratings", "title")
    )
    return rows[:LIMIT]


def dashboard_context(pages=None):
    """What the dashboard's reader-feedback section shows, about ``pages`` (the dashboard's filters)."""
    return {
        "reports": open_reports(pages)[:LIMIT],
        "shares": not_helpful_shares(pages),
        "rating_days": RATING_DAYS,
    }


@require_POST
def resolve(request, feedback_id):
    """Mark a report resolved (corrected, or nothing was wrong): it leaves the list and is deleted later."""
    if not may_see(request.user):
        raise PermissionDenied
    report = get_object_or_404(Feedback, pk=feedback_id, kind=FeedbackKind.MISTAKE)
    if report.resolved_at is None:
        Feedback.objects.filter(pk=report.pk).update(resolved_at=timezone.now(), resolved_by=request.user)
    messages.success(request, _("The report on '%(item)s' is marked as resolved.") % {"item": report.page.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "freshness:dashboard"
    return redirect(target)
