"""The widget's few interface strings, in every locale, injected into widget.js when served."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

STRINGS = {
    "services": _("Services"),
    "events": _("Events"),
    "guides": _("Guides"),
    "empty": _("Nothing to show right now."),
    "unavailable": _("This content is not available right now."),
    "loading": _("Loading …"),
    "online": _("online"),
    "source": _("Information from the Welcome Centre Leipzig"),
}


def all_strings():
    result = {}
    for entry in settings.WELCOME_LOCALES:
        with translation.override(entry["code"]):
            result[entry["code"]] = {key: str(text) for key, text in STRINGS.items()}
    return result
