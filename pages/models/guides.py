"""Guides (Ratgeber, Handreichungen): structured, step-by-step information on a topic."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import GuideBodyBlock

from .mixins import ContentPage, content_tabs


class GuidePage(ContentPage):
    """
    A guide for newcomers, or for the people who help them (volunteers, schools, kitas,
    sports clubs, employers, landlords): the audience says whom it addresses.
    """

    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)
    audiences = ParentalManyToManyField(
        "taxonomy.Audience", verbose_name=_("written for"), blank=True, related_name="+"
    )

    content_panels = ContentPage.content_panels + ContentPage.summary_panels + [FieldPanel("body")]
    classification_panels = ContentPage.classification_panels + [
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple)
    ]
    edit_handler = content_tabs(content_panels, classification_panels)

    search_fields = ContentPage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("audiences")
    ]

    parent_page_types = ["pages.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
