"""Guides (Ratgeber, Handreichungen): structured, step-by-step information on a topic."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import GuideBodyBlock

from .mixins import ContentPage, content_tabs


class GuidePage(ContentPage):
    """
    A guide for newcomers, or for the people who help them (volunteers, schools, kitas,
    sports clubs, employers, landlords): the audience says whom it addresses.
    """

    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + ContentPage.summary_panels + [FieldPanel("body")]
    edit_handler = content_tabs(content_panels)

    search_fields = ContentPage.search_fields + [
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
