from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    """An app of its own (with its own migrations) inside ``freshness``: the layer it belongs to."""

    name = "freshness.calendars"
    label = "calendars"
    verbose_name = _("Calendar import")
    default_auto_field = "django.db.models.BigAutoField"
