"""Kiosk screens in the admin: a list that shows which are offline, and a dashboard panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KioskScreen


class KioskScreenViewSet(SnippetViewSet):
    model = KioskScreen
    icon = "desktop"
    menu_label = _("Kiosk screens")
    add_to_admin_menu = True
    menu_order = 900
    list_display = [
        "name",
        "place",
        StatusTagColumn(
            "connection_label",
            label=_("Connection"),
            primary=lambda screen: screen.is_online,
        ),
        "last_seen",
    ]
    list_filter = ["place"]

    def get_queryset(self, request):
        return KioskScreen.objects.select_related("place")


class OfflineKiosksPanel(Component):
    """Shown on the dashboard only while a screen is offline: nobody needs 'all fine'."""

    name = "offline_kiosks"
    order = 90
    template_name = "kiosk/admin/offline_panel.html"

    def __init__(self, screens):
        self.screens = screens

    def get_context_data(self, parent_context):
        return {"screens": self.screens}


@hooks.register("construct_homepage_panels")
def add_offline_kiosks_panel(request, panels):
    if not request.user.has_perm("kiosk.change_kioskscreen"):
        return
    screens = list(KioskScreen.offline().select_related("place"))
    if screens:
        panels.append(OfflineKiosksPanel(screens))


register_snippet(KioskScreenViewSet)
