from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Translation workflow around wagtail-localize: status, overview, agencies, review."""

    name = "translation"
    verbose_name = _("Translation workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers are connected here, not at import time of the models.
        from translation import review

        review.connect_signals()
