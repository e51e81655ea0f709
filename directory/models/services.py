"""
Services (Beratungsangebote): counselling and help a partner offers at its places.

A service is a child page of its provider's profile. ``provider`` repeats that parent as
a foreign key, kept in step on every save, because lists of services filter and join on
the provider and a tree lookup per row would cost a query each.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from directory.choices import Appointment, Channel, Cost, Weekday
from directory.forms import ServicePageForm
from directory.opening_hours import DatedException, Interval, is_open_at, next_opening
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import ContentPage
from pages.models.mixins import content_tabs


class ServicePage(ContentPage):
    """A counselling or help offer: who offers it, where, when, in which languages."""

    provider = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("provider"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    places = ParentalManyToManyField("directory.Place", verbose_name=_("places"), blank=True, related_name="+")
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("cost details"), max_length=150, blank=True)
    appointment = models.CharField(
        _("appointment"), max_length=12, choices=Appointment.choices, default=Appointment.NOT_NEEDED
    )
    in_person = models.BooleanField(Channel.IN_PERSON.label, default=True)
    by_phone = models.BooleanField(Channel.PHONE.label, default=False)
    by_video = models.BooleanField(Channel.VIDEO.label, default=False)
    by_email = models.BooleanField(Channel.EMAIL.label, default=False)
    by_chat = models.BooleanField(Channel.CHAT.label, default=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_url = models.URLField(_("booking or contact link"), blank=True)
    accessibility_notes = models.TextField(
        _("accessibility notes"), blank=True, help_text=_("Anything beyond the place's own notes.")
    )

    content_panels = (
        ContentPage.content_panels
        + ContentPage.summary_panels
        + [
            FieldPanel("description"),
            FieldPanel("places", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
                    FieldPanel("appointment"),
                    FieldRowPanel(
                        [
                            FieldPanel("in_person"),
                            FieldPanel("by_phone"),
                            FieldPanel("by_video"),
                            FieldPanel("by_email"),
                            FieldPanel("by_chat"),
                        ],
                        heading=_("Channels"),
                    ),
                ],
                heading=_("How it works"),
            ),
            MultiFieldPanel(
                [FieldPanel("phone"), FieldPanel("email"), FieldPanel("contact_url")], heading=_("Contact")
            ),
            InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Weekly interval")),
            InlinePanel("opening_exceptions", heading=_("Exceptions"), label=_("Holiday or closure")),
            FieldPanel("accessibility_notes"),
        ]
    )
    edit_handler = content_tabs(content_panels)
    base_form_class = ServicePageForm

    search_fields = ContentPage.search_fields + [
        index.SearchField("description"),
        index.FilterField("provider"),
        index.FilterField("cost"),
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("places"),
        SynchronizedField("phone"),
    ]

    parent_page_types = ["directory.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def full_clean(self, *args, **kwargs):
        self._follow_parent()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        # Drafts (and wagtail-localize's translated copies) are saved without full_clean,
        # so the provider is set here as well; a partial save leaves it alone.
        if kwargs.get("update_fields") is None:
            self._follow_parent()
        return super().save(*args, **kwargs)

    def _follow_parent(self):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.provider_id = parent.pk

    @property
    def channels(self):
        flags = {
            Channel.IN_PERSON: self.in_person,
            Channel.PHONE: self.by_phone,
            Channel.VIDEO: self.by_video,
            Channel.EMAIL: self.by_email,
            Channel.CHAT: self.by_chat,
        }
        return [channel for channel, offered in flags.items() if offered]

    def is_open_at(self, moment):
        return is_open_at(*self.opening_rules(), moment)

    def next_opening(self, moment):
        """The first opening at or after ``moment`` in the next month (``opening_hours.next_opening``)."""
        return next_opening(*self.opening_rules(), moment)

    def opening_rules(self):
        """The weekly intervals and dated exceptions, as the pure rules of ``opening_hours`` take them."""
        intervals = [row.as_interval() for row in self.opening_hours.all()]
        exceptions = [row.as_exception() for row in self.opening_exceptions.all()]
        return intervals, exceptions


class OpeningInterval(Orderable):
    """One weekly opening interval, e.g. Tuesdays 9:00–12:00 at the Stadthaus."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only needed when the service is offered at several places."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("place")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening interval")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})

    def as_interval(self):
        return Interval(self.weekday, self.opens, self.closes, self.place_id)


class OpeningException(Orderable):
    """A dated change to the weekly pattern: a holiday, a closure, or special hours."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_exceptions")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty for a single day."))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=150, blank=True, help_text=_("E.g. 'Christmas holidays'."))

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        if not self.closed:
            if not self.opens or not self.closes:
                errors["opens"] = _("Give opening and closing times, or tick 'closed'.")
            elif self.closes <= self.opens:
                errors["closes"] = _("Closing time must be after opening time.")
        if errors:
            raise ValidationError(errors)

    def as_exception(self):
        return DatedException(
            self.start_date, self.end_date or self.start_date, self.closed, self.opens, self.closes
        )
