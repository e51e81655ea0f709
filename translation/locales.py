"""
The one accessor for locale metadata (native name, text direction, fallback chain).

The data lives in ``settings.WELCOME_LOCALES`` so that settings, the Locale data
migration, the GraphQL layer and this app agree on one list; code should ask this module
rather than walk the list itself.
"""

from dataclasses import dataclass
from django.conf import settings


@dataclass(frozen=True)
class LocaleInfo:
    code: str
    name: str
    direction: str
    fallbacks: tuple
    #: The PostgreSQL text search configuration of the language ("simple": no stemming).
    search_config: str = "simple"

    @property
    def is_rtl(self):
        return self.direction == "rtl"

    @property
    def chain(self):
        """The codes a reader of this locale is served, in order (itself first)."""
        return (self.code, *self.fallbacks)


def _by_code():
    # Built on each call (13 entries): cheap, and honours override_settings in tests.
    return {
        entry["code"]: LocaleInfo(
            entry["code"], entry["name"], entry["direction"], tuple(entry["fallbacks"]), entry.get("search_config", "simple")
        )
        for entry in settings.WELCOME_LOCALES
    }


def all_locales():
    """Every content locale, in the order of the settings (source first)."""
    return list(_by_code().values())


def get(code):
    """The metadata of one locale; ``KeyError`` for a code we do not publish in."""
    return _by_code()[code]


def source_code():
    """The language every item is written in first (German)."""
    return settings.WELCOME_LOCALES[0]["code"]


def target_codes():
    """Every locale translations are made into."""
    return [info.code for info in all_locales() if info.code != source_code()]


def native_name(code):
    return get(code).name


def direction(code):
    return get(code).direction


def fallback_chain(code):
    """``code`` followed by its fallbacks, e.g. ``("prs", "fa", "de")``."""
    return get(code).chain


def choices():
    """``(code, native name)`` pairs for form fields, in the order of the settings."""
    return [(info.code, info.name) for info in all_locales()]
