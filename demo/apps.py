from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """
    Demo content for a fresh install (``manage.py load_demo``).

    Kept in an app of its own so that production can leave it out of INSTALLED_APPS;
    it has no models and nothing else imports it.
    """

    name = "demo"
    verbose_name = _("Demo content")
