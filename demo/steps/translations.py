"""
English, Arabic and Ukrainian translations of part of the pages, via wagtail-localize.

The home and section pages are translated first (every other translation lives below
them), then partners before their services and events.
"""

from demo.content.events import EVENTS
from demo.content.guides import GUIDES
from demo.content.partners import PARTNERS
from demo.content.services import SERVICES
from demo.content.tree import HOME, INDEXES
from demo.keys import demo_text
from demo.localize import translate


def _fields(data, language):
    """The translated fields of one content item, with the demo mark on its summary."""
    fields = dict(data["translations"][language])
    if "summary" in fields:
        fields["summary"] = demo_text(fields["summary"], language)
    return fields


def _translate_all(pages, items, locales):
    made = 0
    for data in items:
        if "translations" not in data:
            continue
        page = pages[data["key"]]
        for locale in locales:
            if page.get_translation_or_none(locale) is None:
                translate(page, locale, _fields(data, locale.language_code))
                made += 1
    return made


def create_translations(context):
    locales = context.target_locales
    made = _translate_all({HOME["key"]: context.home}, [HOME], locales)
    made += _translate_all(context.indexes, INDEXES, locales)
    made += _translate_all(context.partners, PARTNERS, locales)
    made += _translate_all(context.services, SERVICES, locales)
    made += _translate_all(context.guides, GUIDES, locales)
    made += _translate_all(context.events, EVENTS, locales)
    return made
