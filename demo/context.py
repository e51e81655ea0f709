"""
What the loading steps hand on to each other: the objects made so far, by key.

Steps fill it in order (taxonomy before pages, partners before services), so a later step
refers to ``context.topics["asyl"]`` instead of querying again.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale

from demo.content.taxonomy import LANGUAGES


@dataclass
class DemoContext:
    source_locale: Locale
    target_locales: list
    topics: dict = field(default_factory=dict)
    audiences: dict = field(default_factory=dict)
    spoken: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    collection: object = None
    home: object = None
    indexes: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    guides: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)

    @classmethod
    def start(cls):
        """German is the source; English, Arabic and Ukrainian are the demo's translations."""
        return cls(
            source_locale=Locale.objects.get(language_code=LANGUAGES[0]),
            target_locales=list(Locale.objects.filter(language_code__in=LANGUAGES[1:]).order_by("pk")),
        )

    def pick(self, mapping, keys):
        return [mapping[key] for key in keys]
