"""Flat admin listings of partners and services, built on the shared content page listing."""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from directory.choices import Appointment, Cost, PartnerKind
from directory.models import PartnerPage, ServicePage
from pages.views import ContentPageFilterSet, ContentPageListingViewSet


class PartnerPageFilterSet(ContentPageFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=PartnerKind.choices, widget=CheckboxSelectMultiple
    )

    class Meta:
        model = PartnerPage
        fields = []


class PartnerPageListingViewSet(ContentPageListingViewSet):
    model = PartnerPage
    icon = "group"
    name = "partners"
    menu_label = _("Partners")
    filterset_class = PartnerPageFilterSet
    columns = ContentPageListingViewSet.columns + [
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind", width="15%"),
    ]


class ServicePageFilterSet(ContentPageFilterSet):
    cost = django_filters.MultipleChoiceFilter(label=_("Cost"), choices=Cost.choices, widget=CheckboxSelectMultiple)
    appointment = django_filters.MultipleChoiceFilter(
        label=_("Appointment"), choices=Appointment.choices, widget=CheckboxSelectMultiple
    )

    class Meta:
        model = ServicePage
        fields = []


class ServicePageListingViewSet(ContentPageListingViewSet):
    model = ServicePage
    icon = "help"
    name = "services"
    menu_label = _("Services")
    filterset_class = ServicePageFilterSet
