"""
What readers tell us about an item: helpful or not, or that something on it is wrong.

No personal data: no client address, e-mail address, name or account is stored with a
row (the hourly limits count keyed hashes in Redis only, ``public_content.ratelimit``).
A report's text is plain text typed by a reader, shown to the editorial team and the
item's owner only, never to the public, and deleted ``FRESHNESS_FEEDBACK_RETENTION_DAYS``
after it was resolved (``freshness.feedback.tasks.purge_resolved``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from freshness.feedback.choices import FeedbackKind

#: The longest report a reader may send.
TEXT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """
    One rating or mistake report of one page, in the translation the reader read. Kept as
    rows (not counters) so the dashboard can look at the last 90 days, and a report can be
    resolved and then deleted on its own.
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
