"""
Kiosk screens in the admin: a list that shows which are offline and which have no secret,
the secret shown once (after creating a screen, and by the "New secret" action), and a
dashboard panel.
"""

from django.contrib.admin.utils import quote
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from .models import KioskScreen

NEW_SECRET_ACTION = "kiosk.new_secret"


def display_url(request, screen, raw_secret):
    """The address to open once on the display: the secret travels in the fragment only."""
    return request.build_absolute_uri(reverse("kiosk:screen", args=[screen.slug])) + f"#secret={raw_secret}"


def secret_issued_response(request, screen, raw_secret, index_url):
    return TemplateResponse(
        request,
        "kiosk/admin/secret_issued.html",
        {
            "screen": screen,
            "raw_secret": raw_secret,
            "display_url": display_url(request, screen, raw_secret),
            "index_url": index_url,
        },
    )


class SecretIssuingCreateView(CreateView):
    """Saves the screen, then shows the address with its secret once instead of redirecting."""

    def save_action(self):
        response = super().save_action()
        raw_secret = getattr(self.object, "raw_secret", None)
        if self.expects_json_response or not raw_secret:
            return response
        return secret_issued_response(self.request, self.object, raw_secret, self.get_success_url())


class NewSecretView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseObjectMixin, View):
    """
    GET asks for confirmation; POST gives the screen a new secret (the old one stops
    working at once) and shows it once.
    """

    permission_required = "change"
    template_name = "kiosk/admin/new_secret.html"
    page_title = _("New secret")
    header_icon = "key"
    index_url_name = None
    edit_url_name = None
    new_secret_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": KioskScreen._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.edit_url_name, args=[quote(self.object.pk)]), "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(
            screen=self.object,
            action_url=reverse(self.new_secret_url_name, args=[quote(self.object.pk)]),
            edit_url=reverse(self.edit_url_name, args=[quote(self.object.pk)]),
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        raw_secret = self.object.set_new_secret()
        self.object.save(update_fields=["secret_hash"])
        log(self.object, NEW_SECRET_ACTION, user=request.user)
        return secret_issued_response(request, self.object, raw_secret, reverse(self.index_url_name))


class KioskScreenIndexView(IndexView):
    new_secret_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            url = reverse(self.new_secret_url_name, args=[quote(instance.pk)])
            buttons.append(MenuItem(_("New secret"), url=url, icon_name="key", priority=25))
        return buttons


class KioskScreenEditView(EditView):
    new_secret_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            url = reverse(self.new_secret_url_name, args=[quote(self.object.pk)])
            buttons.append(Button(_("New secret"), url=url, icon_name="key", priority=15))
        return buttons


class KioskScreenViewSet(SnippetViewSet):
    model = KioskScreen
    icon = "desktop"
    menu_label = _("Kiosk screens")
    add_to_admin_menu = True
    menu_order = 900
    index_view_class = KioskScreenIndexView
    add_view_class = SecretIssuingCreateView
    edit_view_class = KioskScreenEditView
    list_display = [
        "name",
        "place",
        StatusTagColumn(
            "connection_label",
            label=_("Connection"),
            primary=lambda screen: screen.is_online,
        ),
        "last_seen",
        StatusTagColumn(
            "secret_label",
            label=_("Secret"),
            primary=lambda screen: screen.has_secret,
        ),
    ]
    list_filter = ["place"]

    def get_queryset(self, request):
        return KioskScreen.objects.select_related("place")

    def get_common_view_kwargs(self, **kwargs):
        # Passed on only to the views that have the attribute (ours).
        return super().get_common_view_kwargs(new_secret_url_name=self.get_url_name("new_secret"), **kwargs)

    @property
    def new_secret_view(self):
        return self.construct_view(NewSecretView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"new-secret/<{self.pk_path_converter}:pk>/", self.new_secret_view, name="new_secret"),
        ]


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


@hooks.register("register_log_actions")
def register_kiosk_log_actions(actions):
    actions.register_action(NEW_SECRET_ACTION, _("New secret"), _("New secret made"))


register_snippet(KioskScreenViewSet)
