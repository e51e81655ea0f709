"""
Flat admin listings of content pages, with the filters editors need to find stale content.

The page explorer shows one branch of one locale tree at a time. Finding "guides about
housing that nobody has checked for a year, in any language" needs a flat listing of one
page type across all trees: Wagtail's own page listing (bulk actions, status, locale
filter) plus our filters for topic and review state.
"""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale

from pages import review_cycles
from pages.models import EventPage, GuidePage
from taxonomy.models import Audience, Topic


def source_terms(model):
    """
    The terms of the default (source) locale: translated pages keep pointing at these,
    so filtering by them finds a page in every language.
    """

    def queryset(request):
        return model.objects.filter(locale=Locale.get_default())

    return queryset


class ContentPageFilterSet(PageFilterSet):
    """Filters every content page listing shares: topic and review state."""

    topics = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic"),
        queryset=source_terms(Topic),
        widget=CheckboxSelectMultiple,
        method="filter_related",
    )
    due_for_review = django_filters.BooleanFilter(
        label=_("Due for review"),
        method="filter_due_for_review",
    )

    def filter_related(self, queryset, name, value):
        """Pages tagged with any of the chosen terms, without duplicate rows (a subquery, not a join)."""
        if not value:
            return queryset
        tagged = queryset.model.objects.filter(**{f"{name}__in": value}).values("pk")
        return queryset.filter(pk__in=tagged)

    def filter_due_for_review(self, queryset, name, value):
        """The review cycle's rule (``pages.review_cycles``), as on the freshness dashboard."""
        if value is None:
            return queryset
        due = review_cycles.due(queryset.model).values("pk")
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)


class ContentPageListingViewSet(PageListingViewSet):
    """A flat listing of one content page type with its *last reviewed* date as a column."""

    columns = PageListingViewSet.columns + [
        DateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed", width="12%"),
    ]


class GuidePageFilterSet(ContentPageFilterSet):
    audiences = django_filters.ModelMultipleChoiceFilter(
        label=_("Written for"),
        queryset=source_terms(Audience),
        widget=CheckboxSelectMultiple,
        method="filter_related",
    )

    class Meta:
        model = GuidePage
        fields = []


class GuidePageListingViewSet(ContentPageListingViewSet):
    model = GuidePage
    icon = "doc-full"
    name = "guides"
    menu_label = _("Guides")
    filterset_class = GuidePageFilterSet


class EventPageFilterSet(ContentPageFilterSet):
    start = django_filters.DateFromToRangeFilter(label=_("Starts"), widget=DateRangePickerWidget)

    class Meta:
        model = EventPage
        fields = []


class EventPageListingViewSet(ContentPageListingViewSet):
    model = EventPage
    icon = "calendar"
    name = "events"
    menu_label = _("Events")
    filterset_class = EventPageFilterSet
    columns = ContentPageListingViewSet.columns + [
        DateColumn("start", label=_("Starts"), sort_key="start", width="12%"),
    ]
