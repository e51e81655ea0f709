"""
Places: where services are offered and events happen.

A place is a snippet, not a page: it has no page of its own to read, many services and
events share it, and it changes rarely. It is translatable so that directions and
accessibility notes reach readers in their language.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.models import Reviewed


class Accessibility(models.TextChoices):
    FULL = "full", _("Step-free access")
    PARTIAL = "partial", _("Partly accessible")
    NONE = "none", _("Not accessible")
    UNKNOWN = "unknown", _("Not known")


class Place(TranslatableMixin, RevisionMixin, Reviewed, index.Indexed, ClusterableModel):
    """An address with coordinates, accessibility information and bookable rooms."""

    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100, default="Leipzig")
    district = models.CharField(_("district"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees north, e.g. 51.340 for the Stadthaus."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees east, e.g. 12.372 for the Stadthaus."),
    )
    accessibility = models.CharField(
        _("wheelchair access"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.UNKNOWN,
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Entrances, lifts, toilets, hearing loops: what a visitor needs to know."),
    )
    directions = models.TextField(
        _("directions"), blank=True, help_text=_("Public transport stops and how to find the entrance.")
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("district"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("directions"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility"), FieldPanel("accessibility_notes")],
            heading=_("Accessibility"),
        ),
        InlinePanel("rooms", heading=_("Rooms"), label=_("Room")),
        MultiFieldPanel(Reviewed.review_field_panels, heading=_("Review")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("street"),
        index.SearchField("district"),
        index.FilterField("locale"),
    ]

    # Addresses stay as written on the street sign; translators get the name and the texts.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("directions"),
        TranslatableField("accessibility_notes"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("district"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("accessibility"),
        SynchronizedField("rooms"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return f"{self.name}, {self.street}"

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"


class Room(Orderable):
    """A room at a place; the Stadthaus lends rooms to partner events free of charge."""

    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("Number of people."))
    bookable_by_partners = models.BooleanField(
        _("bookable by partners"), default=False, help_text=_("Free of charge for partner events.")
    )
    notes = models.CharField(_("notes"), max_length=255, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("capacity"),
        FieldPanel("bookable_by_partners"),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return self.name
