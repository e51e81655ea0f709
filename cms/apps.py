from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CMSConfig(AppConfig):
    """Project-level pieces that belong to no content domain: operations commands, health."""

    name = "cms"
    verbose_name = _("Welcome platform")
