from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedConfig(AppConfig):
    """Partner embedding: API keys, CORS and rate limits, the widget and calendar feeds."""

    name = "embed"
    verbose_name = _("Partner embedding")
    default_auto_field = "django.db.models.BigAutoField"
