"""Admin menu for editorial pages: flat listings of guides and events next to the explorer."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from pages.views import EventPageListingViewSet, GuidePageListingViewSet


class EditorialViewSetGroup(ViewSetGroup):
    """Guides and events across all locales, filterable by topic and review state."""

    menu_label = _("Editorial")
    menu_icon = "doc-full"
    menu_order = 150
    items = (GuidePageListingViewSet, EventPageListingViewSet)


@hooks.register("register_admin_viewset")
def register_editorial_listings():
    return EditorialViewSetGroup()
