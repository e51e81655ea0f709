"""
What the link checker knows: one row per address used in content, with where it is used
and what the last checks found. Readers who follow a dead link to the Ausländerbehörde
lose a day; editors should learn of it from us first.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from freshness.choices import FeedbackKind, LinkError, LinkKind, LinkState, ReminderKind


class CheckedLink(models.Model):
    """
    One address (a web address, or a Wagtail document's download address) and the result
    of its last check. The counters say how long it has been failing, so that a server
    down for one night is told apart from a page that is gone.
    """

    url = models.CharField(_("address"), max_length=2000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices, default=LinkKind.WEB)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=LinkState.choices, default=LinkState.UNCHECKED, db_index=True
    )
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    final_url = models.CharField(_("final address"), max_length=2000, blank=True)
    error = models.CharField(_("error"), max_length=12, choices=LinkError.choices, blank=True)
    error_detail = models.CharField(_("error detail"), max_length=255, blank=True)
    last_checked = models.DateTimeField(_("last checked"), null=True, blank=True)
    first_failed = models.DateTimeField(_("failing since"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)

    class Meta:
        ordering = ["url"]
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")

    def __str__(self):
        return self.url

    def record(self, outcome, when):
        """Keep the outcome of a check made at ``when`` (``freshness.links.check.Outcome``)."""
        self.last_checked = when
        self.state = outcome.state
        self.status_code = outcome.status_code
        self.final_url = outcome.final_url
        self.error = outcome.error
        self.error_detail = outcome.detail[:255]
        if outcome.state == LinkState.BROKEN:
            self.consecutive_failures += 1
            self.first_failed = self.first_failed or when
        else:
            self.consecutive_failures = 0
            self.first_failed = None
        self.save()


class LinkUse(models.Model):
    """A page that uses a checked address, and in which field (a StreamField counts as one)."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="uses")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    field = models.CharField(_("field"), max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "page", "field"], name="freshness_link_use_once")]
        verbose_name = _("link use")


class Reminder(models.Model):
    """
    That a weekly digest reminded someone of an item (a page or place due for review, a
    broken link, a translation of a page into one language), in which week, and whether
    the item was overdue then.

    The record makes the digest idempotent (what was reminded this week is not sent again
    if the task runs twice) and lets escalation count: an item overdue in two digests in a
    row, with no review since the earlier one, goes to the editorial lead.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=ReminderKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language_code = models.CharField(_("language"), max_length=12, blank=True)
    week = models.DateField(_("week"), help_text=_("Monday of the digest's week."))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    overdue = models.BooleanField(_("overdue"), default=False)
    escalated = models.BooleanField(_("escalated"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "language_code", "week"], name="freshness_reminder_once_a_week"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="freshness_reminder_item")]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self):
        return f"{self.kind} {self.content_type_id}:{self.object_id} {self.language_code} {self.week}"



#: The longest report a reader may send.
TEXT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """
    One rating or mistake report of one page, in the translation the reader read (reader
    feedback, ``freshness.feedback``). Kept as rows (not counters) so the dashboard can
    look at the last 90 days, and a report can be resolved and then deleted on its own.

    No personal data: no client address, e-mail address, name or account is stored with a
    row (the hourly limits count keyed hashes in Redis only, ``public_content.ratelimit``).
    A report's text is plain text, shown to the editorial team and the item's owners only,
    never to the public, and deleted ``FRESHNESS_FEEDBACK_RETENTION_DAYS`` after it was
    resolved (``freshness.feedback.tasks.purge_resolved``).
    """

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=FeedbackKind.choices)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The open reports (dashboard, homepage count) and the purge of resolved ones.
            models.Index(fields=["kind", "resolved_at"], name="freshness_feedback_open"),
            # The "not helpful" shares of the last 90 days, per page.
            models.Index(fields=["created_at", "page"], name="freshness_feedback_recent"),
        ]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page_id} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self):
        return self.kind == FeedbackKind.MISTAKE and self.resolved_at is None
