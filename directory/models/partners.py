"""
Partners (Träger, Vereine, Initiativen, migrant self-organisations, public offices).

A partner is a page, with its services (and optionally its events) as child pages. That
tree is what later lets a partner's own staff edit exactly their profile, services and
events through Wagtail's page permissions on their subtree, with changes going through
moderation; see docs/architecture.md.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from directory.choices import PartnerKind
from pages.blocks import RICH_TEXT_FEATURES
from pages.models import ContentPage
from pages.models.home import IndexPage
from pages.models.mixins import content_tabs


class PartnerIndexPage(IndexPage):
    """Holds the partner profiles of a locale."""

    subpage_types = ["directory.PartnerPage"]

    class Meta:
        verbose_name = _("partner index")


class PartnerPage(ContentPage):
    """The profile of an organisation that works with the Welcome Centre."""

    kind = models.CharField(_("kind"), max_length=30, choices=PartnerKind.choices)
    about = RichTextField(_("about"), features=RICH_TEXT_FEATURES, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    places = ParentalManyToManyField("directory.Place", verbose_name=_("places"), blank=True, related_name="+")

    content_panels = (
        ContentPage.content_panels
        + ContentPage.summary_panels
        + [
            FieldPanel("kind"),
            FieldPanel("logo"),
            FieldPanel("about"),
            MultiFieldPanel(
                [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
            ),
            FieldPanel("places", widget=forms.CheckboxSelectMultiple),
        ]
    )
    edit_handler = content_tabs(content_panels)

    search_fields = ContentPage.search_fields + [
        index.SearchField("about"),
        index.FilterField("kind"),
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("places"),
        SynchronizedField("phone"),
    ]

    parent_page_types = ["directory.PartnerIndexPage"]
    subpage_types = ["directory.ServicePage", "pages.EventPage"]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


