"""
Events (Veranstaltungen, interkulturelle Angebote, Schulungen, Sprachkurse).

An event is either single or recurring. A recurring event keeps one RFC 5545 rule
(``RRULE``) and a list of cancelled dates, so a weekly language café is one page that
editors maintain, not fifty; the API expands it into occurrences. The rule is applied
to wall-clock time in Europe/Berlin so that a course at 18:00 stays at 18:00 across the
change to and from summer time.

Two rules make every consumer (API, feeds, kiosk, widget) agree on the dates:

- **The start is the first date.** The form refuses a start that the rule would not
  produce ("every Friday" starting on a Saturday) and names the rule's first date
  instead; events saved before that rule still count their start as a date, as RFC 5545
  and calendar programs do.
- **A date-only ``UNTIL`` includes that day** (``UNTIL=20270630``: the course on the
  evening of 30 June still takes place), in the API as in the feeds.
"""

import re
from datetime import datetime
from datetime import timezone as dt_timezone

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import RICH_TEXT_FEATURES
from pages.panels import NextDatesPanel

from .mixins import ContentPage, content_tabs

#: Frequencies an editor may use; sub-daily rules would expand into thousands of rows.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
#: Parts that would repeat an event several times a day: its time of day comes from ``start``.
SUB_DAILY_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND"}


class Registration(models.TextChoices):
    NONE = "none", _("No registration needed")
    RECOMMENDED = "recommended", _("Registration recommended")
    REQUIRED = "required", _("Registration required")


def parse_recurrence(rule, dtstart):
    """
    Parse an RRULE for an event starting at ``dtstart`` (naive local time).

    Raises ``ValidationError`` with a message an editor can act on; the admin form and
    the model's ``clean`` share it.
    """
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = dict(part.split("=", 1) for part in text.upper().split(";") if "=" in part)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10.")
        )
    if SUB_DAILY_PARTS & parts.keys():
        raise ValidationError(_("The time of day comes from the start; remove BYHOUR, BYMINUTE and BYSECOND."))
    # INTERVAL=0 makes dateutil repeat the first date forever (an endless loop on expansion).
    if "INTERVAL" in parts and not (parts["INTERVAL"].isdigit() and int(parts["INTERVAL"]) >= 1):
        raise ValidationError(_("INTERVAL must be a whole number of at least 1."))
    try:
        return rrulestr(_until_in_local_time(text), dtstart=dtstart)
    except (ValueError, TypeError, OverflowError) as error:
        raise ValidationError(
            _("This is not a valid recurrence rule (RFC 5545): %(error)s"), params={"error": error}
        ) from error


def _until_in_local_time(text):
    """
    Calendar programs write UNTIL in UTC (``UNTIL=20270630T215959Z``); the rule runs on naive
    Berlin wall-clock time, with which dateutil refuses a UTC end. Convert it. A date-only
    UNTIL (``UNTIL=20270630``) means "up to and including that day": the end of that day.
    """

    def to_local(match):
        utc = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=dt_timezone.utc)
        return "UNTIL=" + timezone.localtime(utc).strftime("%Y%m%dT%H%M%S")

    text = re.sub(r"UNTIL=(\d{8}T\d{6})Z", to_local, text, flags=re.IGNORECASE)
    return re.sub(r"UNTIL=(\d{8})(?![\dT])", r"UNTIL=\1T235959", text, flags=re.IGNORECASE)


def first_date(rule, dtstart):
    """
    The first date ``rule`` produces from ``dtstart`` on (naive local time), or ``None``.
    Dates of a rule are whole seconds (dateutil drops microseconds), and so is this one.
    """
    dtstart = dtstart.replace(microsecond=0)
    return parse_recurrence(rule, dtstart).after(dtstart, inc=True)


class EventPage(ContentPage):
    """A single or recurring event, at a place or online, organised by a partner."""

    start = models.DateTimeField(_("starts"), help_text=_("Date and time in Leipzig (Europe/Berlin)."))
    end = models.DateTimeField(_("ends"))
    recurrence_rule = models.CharField(
        _("repeats"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional RFC 5545 rule. Every Tuesday ten times: FREQ=WEEKLY;BYDAY=TU;COUNT=10. "
            "Every first Monday until June: FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630."
        ),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    room = models.ForeignKey(
        "directory.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("A room of the place, for example one lent to a group in the Stadthaus."),
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For events held online."))
    organiser = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Left empty for events below a partner's profile: that partner organises them."),
    )
    registration = models.CharField(
        _("registration"), max_length=12, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_info = models.TextField(_("how to register"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(_("cost"), max_length=150, blank=True, help_text=_("E.g. '5 €, reduced 2 €'."))

    content_panels = (
        ContentPage.content_panels
        + ContentPage.summary_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                    FieldPanel("recurrence_rule"),
                    InlinePanel("cancellations", heading=_("Cancelled dates"), label=_("Cancelled date")),
                    NextDatesPanel(heading=_("Next dates")),
                ],
                heading=_("When"),
            ),
            MultiFieldPanel([FieldPanel("place"), FieldPanel("room"), FieldPanel("online_url")], heading=_("Where")),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("organiser"),
                    FieldPanel("registration"),
                    FieldPanel("registration_url"),
                    FieldPanel("registration_info"),
                    FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost")]),
                ],
                heading=_("Organisation"),
            ),
        ]
    )
    edit_handler = content_tabs(content_panels)

    search_fields = ContentPage.search_fields + [
        index.SearchField("description"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("recurrence_rule"),
    ]

    parent_page_types = ["pages.EventIndexPage", "directory.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.recurrence_rule and self.start:
            try:
                first = first_date(self.recurrence_rule, self._local(self.start))
            except ValidationError as error:
                errors["recurrence_rule"] = error.messages
            else:
                if first is None:
                    errors["recurrence_rule"] = _("This rule gives no date at all from the start on.")
                elif first != self._local(self.start).replace(microsecond=0):
                    errors["start"] = _(
                        "The start must be the first date of the series, but this rule begins on "
                        "%(date)s. Start on that date, or change the rule."
                    ) % {"date": formats.date_format(first, "l, j F Y, H:i")}
        if not self.place_id and not self.online_url:
            errors["place"] = _("Choose a place or give an online link.")
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        # An event below a partner's profile is organised by that partner unless said otherwise.
        if not self.organiser_id:
            parent = self.get_parent() if self.path else None
            if parent is not None and parent.specific_class._meta.label == "directory.PartnerPage":
                self.organiser_id = parent.pk
        super().full_clean(*args, **kwargs)

    @staticmethod
    def _local(value):
        return timezone.localtime(value).replace(tzinfo=None)

    def occurrences(self, window_start, window_end):
        """
        The (start, end) pairs of this event that overlap ``[window_start, window_end)``,
        in Europe/Berlin, without cancelled dates. A single event yields itself.
        """
        cancelled = {cancellation.date for cancellation in self.cancellations.all()}
        return occurrences_of(self.start, self.end, self.recurrence_rule, window_start, window_end, cancelled)


def occurrences_of(start, end, recurrence_rule, window_start, window_end, cancelled=frozenset()):
    """
    ``EventPage.occurrences`` from the columns alone, for lists that expand hundreds of
    events without building a page instance for each (``public_content.events``).
    """
    local_zone = timezone.get_current_timezone()
    duration = end - start
    if not recurrence_rule:
        starts = [start]
    else:
        tz = timezone.get_default_timezone()
        local_start = start.astimezone(local_zone).replace(tzinfo=None, microsecond=0)
        rule = parse_recurrence(recurrence_rule, local_start)
        local_from = (window_start - duration).astimezone(local_zone).replace(tzinfo=None)
        local_to = window_end.astimezone(local_zone).replace(tzinfo=None)
        naive_starts = set(rule.between(local_from, local_to, inc=True))
        if local_from <= local_start <= local_to:
            # The start is always a date of its series (RFC 5545's DTSTART), even when
            # an older event's start does not fit its rule.
            naive_starts.add(local_start)
        starts = [timezone.make_aware(naive, tz) for naive in sorted(naive_starts)]
    return [
        (begin, begin + duration)
        for begin in starts
        if begin < window_end and begin + duration > window_start and begin.astimezone(local_zone).date() not in cancelled
    ]


class EventCancellation(Orderable):
    """A date on which a recurring event does not take place (RFC 5545 EXDATE)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=150, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("reason")])]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled date")
        verbose_name_plural = _("cancelled dates")
