"""
Interface labels for front ends (kiosk, widget), resolved along the locale fallback chain.

The API owner exposes ``interface_labels(code)`` as e.g.
``interfaceLabels(locale: String!): [InterfaceLabel!]!`` (key, text, locale): a kiosk
loads them once per language and never ships its own translations.
"""

from dataclasses import dataclass

from translation import locales as locale_info
from translation.models import InterfaceLabel


@dataclass(frozen=True)
class ResolvedLabel:
    key: str
    text: str
    locale: str


def interface_labels(code, keys=None):
    """
    ``{key: ResolvedLabel}`` in locale ``code``, each label in the first locale of the
    chain (``code``, its fallbacks, German) that has it. One query.
    """
    chain = locale_info.fallback_chain(code)
    if locale_info.source_code() not in chain:
        chain = (*chain, locale_info.source_code())
    rank = {language: index for index, language in enumerate(chain)}
    rows = InterfaceLabel.objects.filter(locale__language_code__in=chain)
    if keys is not None:
        rows = rows.filter(key__in=keys)
    resolved = {}
    for key, text, language in rows.values_list("key", "text", "locale__language_code"):
        current = resolved.get(key)
        if current is None or rank[language] < rank[current.locale]:
            resolved[key] = ResolvedLabel(key, text, language)
    return dict(sorted(resolved.items()))
