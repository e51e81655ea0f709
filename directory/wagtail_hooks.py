"""
Admin for the directory: places as a snippet (rooms edited inline), and flat listings of
partner and service pages next to the page explorer.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import Place
from directory.staff import admin as staff_admin  # noqa: F401  (partner self-service: its hooks)
from directory.views import PartnerPageListingViewSet, ServicePageListingViewSet


class PlaceViewSet(SnippetViewSet):
    """Places with their rooms; the panels (rooms inline) come from ``Place.panels``."""

    model = Place
    icon = "site"
    menu_label = _("Places")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "name",
        "street",
        "district",
        Column("accessibility", label=_("Wheelchair access"), accessor="get_accessibility_display"),
        UpdatedAtColumn(),
    ]
    list_filter = ["accessibility", "city", "district"]
    list_export = ["name", "street", "postcode", "city", "district", "latitude", "longitude", "accessibility"]
    ordering = ["name"]
    copy_view_enabled = True
    inspect_view_enabled = True


class DirectoryViewSetGroup(ViewSetGroup):
    """Partners and services across all locales, filterable by kind, topic and review state."""

    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 200
    items = (PartnerPageListingViewSet, ServicePageListingViewSet)


register_snippet(PlaceViewSet)


@hooks.register("register_admin_viewset")
def register_directory_listings():
    return DirectoryViewSetGroup()
