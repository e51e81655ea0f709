"""
Every interface string of our front ends (kiosk, widget, later the website), declared once.

A key names the string for code and for translators; its default is an English gettext
message, so our catalogues (``locale/``, ``kiosk/locale/``, ``embed/locale/``) translate it
as before. Translators override the text of any key in any locale with an *Interface
label* snippet; ``translation.labels`` resolves the two along the fallback chain.

Keys are ``<front end>.<camelCase>``: ``common.*`` is shown by every front end, the rest
by one. A front end receives ``common.*`` and its own strings without the namespace
(``kiosk.chooseLanguage`` → ``chooseLanguage``), so the two must never share a name.

The defaults are marked with ``gettext_noop``: they are extracted like any message, and
translated when a reader's locale is known (into many locales per request).
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, gettext_noop

COMMON = "common"

#: key → English msgid (the gettext default).
STRINGS = {
    # Shared by the kiosk and the widget.
    "common.events": gettext_noop("Events"),
    "common.guides": gettext_noop("Guides"),
    "common.loading": gettext_noop("Loading …"),
    "common.online": gettext_noop("online"),
    "common.services": gettext_noop("Services"),
    "common.sourceUpdated": gettext_noop("The German version was updated on %(date)s; this translation may be out of date."),
    "common.unavailable": gettext_noop("This content is not available right now."),
    # Kiosk screens in the Stadthaus.
    "kiosk.announcement": gettext_noop("Announcement"),
    "kiosk.back": gettext_noop("Back"),
    "kiosk.chooseLanguage": gettext_noop("Choose your language"),
    "kiosk.home": gettext_noop("Start"),
    "kiosk.hours": gettext_noop("%(n)s h"),
    "kiosk.minutes": gettext_noop("%(n)s min"),
    "kiosk.noEvents": gettext_noop("No events."),
    "kiosk.noneOpen": gettext_noop("Nothing is open right now."),
    "kiosk.offline": gettext_noop("No connection. Showing content from %(age)s ago; trying again."),
    "kiosk.openNow": gettext_noop("Open now"),
    "kiosk.openNowNearby": gettext_noop("Counselling open now, here and nearby"),
    "kiosk.scanToOpen": gettext_noop("Scan to open on your phone"),
    "kiosk.thisWeek": gettext_noop("This week"),
    "kiosk.today": gettext_noop("Today"),
    "kiosk.topics": gettext_noop("Topics"),
    # The partner widget.
    "widget.empty": gettext_noop("Nothing to show right now."),
    "widget.source": gettext_noop("Information from the Welcome Centre Leipzig"),
}

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def choices():
    """The keys as choices of the snippet's key field, each with its default text (in the admin's language)."""
    return [(key, format_lazy("{} — {}", key, gettext_lazy(message))) for key, message in STRINGS.items()]


def short_key(key):
    """The name a front end reads: ``kiosk.chooseLanguage`` → ``chooseLanguage``."""
    return key.split(".", 1)[1]


def shown_by(key, front_end):
    """Whether ``front_end`` (``kiosk``, ``widget``) shows the string ``key``."""
    return key.split(".", 1)[0] in {COMMON, front_end}


def placeholders(text):
    """The ``%(name)s`` placeholders a front end fills into ``text``."""
    return set(PLACEHOLDER.findall(text))
