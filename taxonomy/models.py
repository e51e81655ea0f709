"""
The shared vocabulary every content type is tagged with.

Topics and audiences are translatable snippets (one row per locale, tied together by
``translation_key``), so readers see them in their own language. Pages and directory
entries point at the source-language term; the API maps a term to the reader's locale
through its translation key, which keeps filters stable across languages (the slug is
synchronised, never translated).

Spoken languages are not translated: they are shown by their own name (endonym), the
way a newcomer recognises their language on a list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """Fields and behaviour shared by topics and audiences."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Stable identifier used in API filters and URLs; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """A subject area from the council's list (arrival, asylum, housing, work …)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale"),
        ]


class Audience(TaxonomyTerm):
    """Who a piece of content is written for: newcomers, volunteers, schools, kitas …"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_per_locale"),
        ]


class SpokenLanguage(models.Model):
    """A language in which counselling or an event is offered (ISO 639 code)."""

    code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        help_text=_("ISO 639-1 code where one exists (ar), else ISO 639-3 (prs for Dari)."),
    )
    native_name = models.CharField(_("native name"), max_length=60)
    german_name = models.CharField(_("German name"), max_length=60)

    panels = [FieldPanel("code"), FieldPanel("native_name"), FieldPanel("german_name")]

    class Meta:
        ordering = ["german_name"]
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")

    def __str__(self):
        if self.native_name == self.german_name:
            return self.native_name
        return f"{self.german_name} ({self.native_name})"
