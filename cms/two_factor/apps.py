from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """An app of its own so that Wagtail finds its hooks and Django its templates; no models."""

    name = "cms.two_factor"
    label = "two_factor"
    verbose_name = _("Two-factor login")
