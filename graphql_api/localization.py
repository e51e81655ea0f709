"""
Locale resolution: which translation of an item a reader gets.

A reader asks for one locale; ``translation.locales`` gives its fallback chain
(``prs → fa → de``). Every item is returned in the first locale of the chain in which it
exists (publicly, for pages), and says which one that is. Lists never hold two
translations of one item.

This is done in SQL, not per item: the candidate rows are those in the chain's locales;
each gets its rank in the chain, and a row is dropped when a better-ranked row with the
same ``translation_key`` exists (an anti-join, ``NOT EXISTS``). That keeps pagination,
``totalCount`` and ordering in the database.
"""

from collections import defaultdict

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.models import Place, ServicePage
from pages.models import EventPage

from graphql_api.errors import ApiError, ErrorCode
from translation import locales

DEFAULT_LOCALE = locales.source_code()


def locale_chain(code: str | None) -> tuple[str, ...]:
    """The requested locale followed by its fallbacks; German when none is asked for."""
    code = code or DEFAULT_LOCALE
    try:
        return locales.fallback_chain(code)
    except KeyError:
        raise ApiError(
            _("Unknown locale '%(code)s'. The locales field lists the available ones.") % {"code": code},
            ErrorCode.UNKNOWN_LOCALE,
        ) from None


def rank_in_chain(chain):
    """An SQL expression: 0 for the requested locale, 1 for the first fallback …"""
    return Case(
        *[When(locale__language_code=code, then=Value(rank)) for rank, code in enumerate(chain)],
        default=Value(len(chain)),
        output_field=IntegerField(),
    )


def best_translations(queryset, chain):
    """
    Keep, for each ``translation_key`` in ``queryset``, only the row in the best-ranked
    locale of ``chain``. ``queryset`` must already be filtered for visibility.
    """
    candidates = queryset.filter(locale__language_code__in=chain).annotate(locale_rank=rank_in_chain(chain))
    better = candidates.filter(
        translation_key=OuterRef("translation_key"), locale_rank__lt=OuterRef("locale_rank")
    )
    return candidates.exclude(Exists(better.values("pk")))


#: What to load with a related object of each model, so nested lists stay flat.
RELATED_PREFETCH = {
    "directory.Place": ("rooms",),
    "directory.PartnerPage": ("places", "topics", "languages"),
    "directory.ServicePage": ("places", "topics", "languages"),
}


class Localizer:
    """
    Maps related translatable objects (topics, places, partners …) to the reader's
    locale, for a whole batch of nodes in one query per model.

    Translated pages point at the *source-language* topics, places and partners; the
    reader should see them in their own locale, with the same fallback as the items.
    """

    def __init__(self, context):
        self.context = context
        self._cache = defaultdict(dict)  # (model, chain) -> {translation_key: obj or None}
        self._available = {}  # translation_key -> [locale codes]
        self._keys = {}  # (id(batch), attribute) -> (batch, keys); the batch is kept so its id stays unique

    def resolve(self, model, keys, *, pages=False):
        """Return ``{translation_key: object}`` for ``keys`` in the current chain."""
        chain = self.context.chain
        cache = self._cache[(model, chain)]
        missing = {key for key in keys if key not in cache}
        if missing:
            queryset = model._default_manager.filter(translation_key__in=missing)
            if pages:
                queryset = self.context.visibility.public(queryset)
            queryset = best_translations(queryset, chain).select_related("locale")
            queryset = queryset.prefetch_related(*RELATED_PREFETCH.get(model._meta.label, ()))
            found = {obj.translation_key: obj for obj in queryset}
            # Their own nested fields then load for all of them at once, too.
            self.context.remember_batch(found.values())
            for key in missing:
                cache[key] = found.get(key)
        return {key: cache[key] for key in keys if cache.get(key) is not None}

    def _batch_keys(self, node, attribute, keys_of):
        """The translation keys behind ``attribute`` over ``node``'s batch, computed once per batch."""
        batch = self.context.batch_of(node)
        cache_key = (id(batch), attribute)
        if cache_key not in self._keys:
            self._keys[cache_key] = (batch, {key for item in batch for key in keys_of(item)})
        return self._keys[cache_key][1]

    def related_list(self, node, attribute, model, *, pages=False):
        """
        The objects of a (prefetched) many-to-many ``attribute`` of ``node``, mapped to the
        reader's locale. Keys are collected over the node's whole batch, so a list of 100
        items costs the same single query as a list of 5.
        """
        keys = self._batch_keys(
            node, attribute, lambda item: [obj.translation_key for obj in getattr(item, attribute).all()]
        )
        found = self.resolve(model, keys, pages=pages)
        result, seen = [], set()
        for obj in getattr(node, attribute).all():
            mapped = found.get(obj.translation_key)
            if mapped is not None and mapped.translation_key not in seen:
                seen.add(mapped.translation_key)
                result.append(mapped)
        return result

    def related_one(self, node, attribute, model, *, pages=False):
        """The same for a (select_related) foreign key."""
        keys = self._batch_keys(
            node,
            attribute,
            lambda item: [getattr(item, attribute).translation_key]
            if getattr(item, f"{attribute}_id", None) is not None and getattr(item, attribute) is not None
            else [],
        )
        target = getattr(node, attribute) if getattr(node, f"{attribute}_id", None) else None
        if target is None:
            return None
        return self.resolve(model, keys, pages=pages).get(target.translation_key)

    def available_locales(self, node):
        """Locales in which each node of the batch is public; one query per batch."""
        batch = self.context.batch_of(node)
        missing = {item.translation_key for item in batch} - self._available.keys()
        if missing:
            rows = (
                self.context.visibility.public(Page.objects.filter(translation_key__in=missing))
                .order_by("locale__language_code")
                .values_list("translation_key", "locale__language_code")
            )
            for key in missing:
                self._available[key] = []
            for key, code in rows:
                self._available[key].append(code)
        return self._available[node.translation_key]

    def opening_places(self, service):
        """Places of the opening intervals of ``service``'s batch, in the reader's locale."""
        keys = self._batch_keys(
            service,
            "opening_hours.place",
            lambda item: [row.place.translation_key for row in item.opening_hours.all() if row.place_id],
        )
        return self.resolve(Place, keys)

    def services_of(self, partner):
        """Public services of each partner in the batch, in the reader's locale; one query."""
        batch = self.context.batch_of(partner)
        chain = self.context.chain
        cache = self._cache[("services_of", chain)]
        missing = {item.translation_key for item in batch} - cache.keys()
        if missing:
            services = best_translations(
                self.context.visibility.public(ServicePage.objects.filter(provider__translation_key__in=missing)),
                chain,
            )
            services = (
                services.select_related("locale", "provider", "image")
                .prefetch_related("topics", "places", "audiences", "languages")
                .order_by("title", "pk")
            )
            for key in missing:
                cache[key] = []
            for service in services:
                cache[service.provider.translation_key].append(service)
            self.context.remember_batch([service for key in missing for service in cache[key]])
        return cache[partner.translation_key]

    def events_for(self, occurrence):
        """The full event of each occurrence of the batch (a page of ``events``), in one go."""
        cache = self._cache["events_for"]
        missing = {item.event_id for item in self.context.batch_of(occurrence)} - cache.keys()
        if missing:
            events = list(
                EventPage.objects.filter(pk__in=missing)
                .select_related("locale", "image", "place", "organiser")
                .prefetch_related("topics", "audiences", "languages", "cancellations", "image__renditions")
            )
            self.context.remember_batch(events)
            cache.update({event.pk: event for event in events})
        return cache[occurrence.event_id]
