"""The root of each locale tree and the index pages that hold each content type."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .headless import HeadlessPageMixin


class HomePage(HeadlessPageMixin, Page):
    """
    The root of one locale's tree. wagtail-localize creates one per locale when the home
    page is translated; every other page lives below it.
    """

    intro = models.TextField(_("welcome text"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.GuideIndexPage", "pages.EventIndexPage", "directory.PartnerIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class IndexPage(HeadlessPageMixin, Page):
    """Abstract base of the section pages that group one content type."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class GuideIndexPage(IndexPage):
    """Holds all guides of a locale."""

    subpage_types = ["pages.GuidePage"]

    class Meta:
        verbose_name = _("guide index")


class EventIndexPage(IndexPage):
    """Holds the events the Welcome Centre publishes itself (partners keep theirs below their profile)."""

    subpage_types = ["pages.EventPage"]

    class Meta:
        verbose_name = _("event index")
