from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from graphql_api.preview.views import preview_token_view


@hooks.register("register_admin_urls")
def preview_token_urls():
    return [path("preview-token/<int:page_id>/", preview_token_view, name="graphql_preview_token")]


@hooks.register("register_page_header_buttons")
def preview_token_button(page, user, view_name=None, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Preview on front ends"),
        reverse("graphql_preview_token", args=[page.pk]),
        priority=70,
        icon_name="view",
    )
