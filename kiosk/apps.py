from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KioskConfig(AppConfig):
    """Touch screens in the Stadthaus, fed by the public GraphQL API."""

    name = "kiosk"
    verbose_name = _("Kiosk displays")
    default_auto_field = "django.db.models.BigAutoField"
