"""Fields every editorial page shares, declared once."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages import review_cycles
from pages.forms import ContentPageForm

from .headless import HeadlessPageMixin


class Reviewed(models.Model):
    """
    Who keeps an item correct, when it was last checked and how often it must be.

    Shared by every page a reader reads and by places (a snippet), so that freshness is
    computed the same way for all of them (``freshness.cycles``). The interval defaults per
    type (``settings.FRESHNESS_REVIEW_MONTHS``); the override is for the few items that
    change faster or slower than their kind, such as a guide on a law about to change.
    """

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that everything on this page is still correct."),
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who keeps this page correct and is asked when it is due for review."),
    )
    owner_team = models.ForeignKey(
        "auth.Group",
        verbose_name=_("responsible team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A team that keeps this page correct: its members are asked when no responsible person is set."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review every (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Leave empty for the usual interval of this kind of content."),
    )

    review_field_panels = [
        FieldPanel("last_reviewed"),
        FieldPanel("content_owner"),
        FieldPanel("owner_team"),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        abstract = True


class ContentPage(HeadlessPageMixin, Reviewed, Page):
    """
    Abstract base of every page a reader reads: guides, events, partners and services.

    Summary, image, topics, audiences, spoken languages, the *last reviewed* date and the
    responsible person live here
    so that freshness can be reported across all content types the same way: a volunteer
    platform died of stale data before, and this is how we see it coming.
    """

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two plain sentences shown in lists, search results and on kiosks."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    audiences = ParentalManyToManyField(
        "taxonomy.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="+",
        help_text=_("Whom it is for: newcomers, volunteers, schools, employers …"),
    )
    languages = ParentalManyToManyField(
        "taxonomy.SpokenLanguage",
        verbose_name=_("languages spoken"),
        blank=True,
        related_name="+",
        help_text=_("Languages in which readers are served in person: by staff, at the event, at the contact points."),
    )
    summary_panels = [FieldPanel("summary"), FieldPanel("image")]
    review_panels = [
        MultiFieldPanel(
            Reviewed.review_field_panels,
            heading=_("Review"),
        )
    ]
    classification_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.FilterField("last_reviewed"),
    ]

    # Many-to-many fields are not synchronised by wagtail-localize unless declared.
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("audiences"),
        SynchronizedField("languages"),
    ]

    base_form_class = ContentPageForm

    class Meta:
        abstract = True

    def clean(self):
        """
        Readers reach an item by its slug in their language (the API's ``guide(slug:)``,
        the website's ``/<language>/services/<slug>/``), but Wagtail keeps a slug unique
        only among siblings: two services of two partners could share one, and one of them
        would never be found. So a slug is unique per kind of page and language.
        """
        super().clean()
        taken = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.slug and self.locale_id and taken.exists():
            raise ValidationError(
                {"slug": _("Another %(kind)s in this language already has this slug.") % {"kind": self._meta.verbose_name}}
            )

    @property
    def is_due_for_review(self):
        """Due or overdue by its review cycle (``pages.review_cycles``, the dashboard's rule)."""
        return review_cycles.state(self) != review_cycles.FRESH


def content_tabs(content_panels):
    """Tabs shared by every content page: content, classification, review, promote, settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(ContentPage.classification_panels, heading=_("Classification")),
            ObjectList(ContentPage.review_panels, heading=_("Review")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
