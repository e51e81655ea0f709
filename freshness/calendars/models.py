"""
What the calendar import keeps: the partners' feeds with the outcome of their last import,
and one row per event UID a feed has carried, tying it to its page.
"""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from directory.widgets import PartnerChooser
from freshness.calendars.choices import EventState, FeedError, FeedResult


class CalendarFeed(models.Model):
    """
    A partner's iCalendar address. The editorial team adds it (partners send it to them);
    the fields below the panels are written by the import only, and show editors whether
    the feed works and what it brought.
    """

    partner = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Its events are created below this partner's profile."),
    )
    url = models.URLField(
        _("iCalendar address"),
        max_length=2000,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("An http:// or https:// address of an .ics file (for webcal:// write https://)."),
    )
    active = models.BooleanField(_("import"), default=True, help_text=_("Untick to pause the import."))

    last_attempt = models.DateTimeField(_("last import"), null=True, blank=True, editable=False)
    last_success = models.DateTimeField(_("last successful import"), null=True, blank=True, editable=False)
    result = models.CharField(
        _("result"), max_length=10, choices=FeedResult.choices, default=FeedResult.NEVER, editable=False
    )
    error = models.CharField(_("error"), max_length=10, choices=FeedError.choices, blank=True, editable=False)
    error_detail = models.CharField(_("error detail"), max_length=255, blank=True, editable=False)
    counts = models.JSONField(_("counts"), default=dict, blank=True, editable=False)
    # Conditional GET: the server's validators of the last answer, and a hash of its body
    # for servers that send none.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("partner", widget=PartnerChooser),
        FieldPanel("url"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["url"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [models.UniqueConstraint(fields=["partner", "url"], name="calendars_feed_once_per_partner")]

    def __str__(self):
        return self.url

    def forget_validators(self):
        """After an address change the old ETag and hash say nothing about the new one."""
        self.etag = self.last_modified = self.content_hash = ""


class ImportedEvent(models.Model):
    """
    One event UID of one feed, and the page it became. ``fingerprint`` is what the feed
    said last time (the mapped field values): a field whose page value still equals it was
    not touched by an editor and may follow the feed; any other is kept, and a change in
    the feed is recorded in ``conflicts`` instead. A row whose page was deleted in the CMS
    stays, so the next import does not bring the event back.
    """

    feed = models.ForeignKey(CalendarFeed, verbose_name=_("feed"), on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(_("UID"), max_length=255)
    page = models.OneToOneField(
        "pages.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calendar_import",
    )
    state = models.CharField(_("state"), max_length=10, choices=EventState.choices, default=EventState.ACTIVE)
    fingerprint = models.JSONField(default=dict)
    conflicts = models.JSONField(_("conflicts"), default=list, blank=True)
    notes = models.JSONField(_("notes"), default=list, blank=True)
    location = models.CharField(_("location in the feed"), max_length=255, blank=True)
    first_imported = models.DateTimeField(_("first imported"), auto_now_add=True)
    last_changed = models.DateTimeField(_("last changed by the feed"), null=True, blank=True)

    class Meta:
        ordering = ["feed", "uid"]
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")
        constraints = [models.UniqueConstraint(fields=["feed", "uid"], name="calendars_event_uid_once_per_feed")]

    def __str__(self):
        return self.uid

    @property
    def needs_attention(self):
        return bool(self.conflicts) or self.state != EventState.ACTIVE
