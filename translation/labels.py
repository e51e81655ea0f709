"""
The interface strings a reader sees: the catalogue's defaults with translators' overrides.

For every key of ``translation.interface_strings`` and a locale, walk the locale's fallback
chain (German last). At each locale an *Interface label* snippet in that locale wins, else
our gettext translation into that locale if the catalogues have one, else go on to the
next locale. The result says which locale each text is really in, so a front end can set
``dir`` from it. Keys in the database that the catalogue does not declare are ignored.

Used by the kiosk page, the widget script and the API's ``interfaceLabels``; one SQL query
per call, whatever the number of keys and locales.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import trans_real

from translation import locales as locale_info
from translation.interface_strings import STRINGS, short_key, shown_by
from translation.models import InterfaceLabel

#: The language of the msgids themselves: English needs no catalogue to have every string.
MSGID_LANGUAGE = "en"


@dataclass(frozen=True)
class ResolvedLabel:
    key: str
    text: str
    locale: str


def interface_labels(code):
    """``{key: ResolvedLabel}`` of every catalogue key in locale ``code``. One query."""
    return interface_labels_for([code])[code]


def interface_labels_for(codes):
    """``{code: {key: ResolvedLabel}}`` for several locales (a kiosk's, the widget's): one query."""
    chains = {code: _chain(code) for code in codes}
    overrides = _overrides({language for chain in chains.values() for language in chain})
    gettext_texts = {}
    return {code: _resolve(chain, overrides, gettext_texts) for code, chain in chains.items()}


def front_end_strings(codes, front_end):
    """
    ``{code: {short key: text}}``: what a front end's script reads, e.g. the kiosk's
    ``strings.chooseLanguage`` (``common.*`` and ``<front_end>.*`` without the namespace).
    """
    return {
        code: {short_key(key): label.text for key, label in labels.items() if shown_by(key, front_end)}
        for code, labels in interface_labels_for(codes).items()
    }


def _chain(code):
    chain = locale_info.fallback_chain(code)
    source = locale_info.source_code()
    return chain if source in chain else (*chain, source)


def _overrides(languages):
    rows = InterfaceLabel.objects.filter(locale__language_code__in=languages, key__in=STRINGS)
    return {(key, language): text for key, language, text in rows.values_list("key", "locale__language_code", "text")}


def _resolve(chain, overrides, gettext_texts):
    resolved = {}
    for key, message in sorted(STRINGS.items()):
        for language in chain:
            if (key, language) in overrides:
                resolved[key] = ResolvedLabel(key, overrides[key, language], language)
                break
            if (message, language) not in gettext_texts:
                gettext_texts[message, language] = gettext_translation(message, language)
            text = gettext_texts[message, language]
            if text is not None:
                resolved[key] = ResolvedLabel(key, text, language)
                break
        else:
            # Not even German has it: the English msgid, and say so.
            resolved[key] = ResolvedLabel(key, message, MSGID_LANGUAGE)
    return resolved


def gettext_translation(message, code):
    """
    Our catalogues' translation of ``message`` into locale ``code``, or ``None`` when they have none.

    Django's gettext never answers "none": for a message a language lacks it answers in
    ``LANGUAGE_CODE`` (German), and a locale with a subtag (``de-x-ls``) reads its base
    language's catalogue. So the message is looked up in the locale's own merged catalogue
    (``DjangoTranslation._catalog``, Django's, the apps' and ``locale/``), and a text that
    is only the base language's does not count as the locale's own.
    """
    language = code.split("-")[0]
    if language == MSGID_LANGUAGE:
        with translation.override(code):
            return translation.gettext(message)
    catalogue = trans_real.translation(code)._catalog
    if message not in catalogue:
        return None
    text = catalogue[message]
    if language != code and text == gettext_translation(message, language):
        return None
    return text
