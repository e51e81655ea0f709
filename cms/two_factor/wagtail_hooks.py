from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import devices, urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(urls, namespace="two_factor"))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """On the account page ("More actions"): turn it on, or manage it."""
    if devices.is_enabled(request.user):
        return {
            "url": reverse("two_factor:manage"),
            "label": _("Two-factor login is on"),
            "help_text": _("Turn it off, or make new recovery codes."),
        }
    return {
        "url": reverse("two_factor:setup"),
        "label": _("Turn on two-factor login"),
        "help_text": _("After your password, a code from an app on your phone: a stolen password alone no longer opens your account."),
    }
