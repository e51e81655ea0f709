"""
The kiosk's interface strings, translated server-side with gettext and handed to the
page as JSON for every language the screen offers, so switching language needs no
request and keeps working offline.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

STRINGS = {
    "chooseLanguage": _("Choose your language"),
    "topics": _("Topics"),
    "openNow": _("Open now"),
    "openNowNearby": _("Counselling open now, here and nearby"),
    "noneOpen": _("Nothing is open right now."),
    "today": _("Today"),
    "thisWeek": _("This week"),
    "noEvents": _("No events."),
    "guides": _("Guides"),
    "back": _("Back"),
    "home": _("Start"),
    "scanToOpen": _("Scan to open on your phone"),
    "loading": _("Loading …"),
    "offline": _("No connection. Showing content from %(age)s ago; trying again."),
    "minutes": _("%(n)s min"),
    "hours": _("%(n)s h"),
    "unavailable": _("This content is not available right now."),
    "online": _("online"),
    "announcement": _("Announcement"),
    "services": _("Services"),
    "events": _("Events"),
}


def strings_for(codes):
    """``{locale code: {key: text}}`` for the given locales."""
    result = {}
    for code in codes:
        with translation.override(code):
            result[code] = {key: str(text) for key, text in STRINGS.items()}
    return result
