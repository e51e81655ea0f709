from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreshnessConfig(AppConfig):
    name = "freshness"
    verbose_name = _("Freshness")

    def ready(self):
        # The link checker's admin hooks live beside its views; Wagtail only looks for
        # ``freshness.wagtail_hooks``, which the review cycles keep for their own.
        from freshness.links import wagtail_hooks  # noqa: F401
