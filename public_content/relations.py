"""
Related objects in the reader's locale, loaded for a whole batch at once.

Translated pages point at the *source-language* topics, places and partners (the
relations are synchronised fields, docs/architecture.md); the reader should see them in
their own locale, with the same fallback as the items. ``Relations`` maps them through
their ``translation_key``, one query per model and chain for every item of a batch
(``public_content.batches``), so a list of 100 items costs what a list of 5 costs.
Related pages go through the same visibility rule as everything else: a draft partner
never appears as a service's provider.
"""

from collections import defaultdict

from django.db.models import Prefetch
from wagtail.models import Page

from public_content import dependencies
from public_content.batches import adopt, batch_of
from public_content.locales import best_translations

#: What to load with a related object of each model, so nested lists stay flat.
PAGE_PREFETCH = ("image__renditions", "places", "topics", "audiences", "languages")
RELATED_PREFETCH = {
    "directory.Place": ("rooms",),
    "directory.PartnerPage": (*PAGE_PREFETCH, "logo__renditions"),
    "directory.ServicePage": (*PAGE_PREFETCH, "provider", "opening_hours__place", "opening_exceptions"),
    "pages.EventPage": (
        "image__renditions", "topics", "audiences", "languages", "cancellations", "place", "organiser"
    ),
    "pages.GuidePage": ("image__renditions", "topics", "audiences", "languages"),
}

#: Where ``listed`` keeps the prefetched objects of a relation on each item.
LISTED_PREFIX = "_listed_"


def listed(lookup: str, queryset) -> Prefetch:
    """
    Prefetch ``lookup`` (``"topics"``, ``"image__renditions"``) with ``queryset`` into a
    plain list on each item, which ``prefetched`` reads. Django's own prefetch hands each
    item its share as a queryset, built with its own filter per item (and a manager per
    read), which for a page of 20 guides cost more than the query that loaded them.
    (strawberry-django's optimizer merges two hints for one path through their querysets.)
    """
    attribute = lookup.rsplit("__", 1)[-1]
    return Prefetch(lookup, queryset=queryset, to_attr=LISTED_PREFIX + attribute)


def listed_terms(attribute: str, model) -> Prefetch:
    """
    ``listed`` for translatable snippets (topics, audiences). A term already in the
    reader's first locale is its own best translation (``Relations.translated``, which
    knows it by its ``locale_id``), which for readers of the source language saves a query.
    """
    return listed(attribute, model._default_manager.all())


def prefetched(item, attribute):
    """The objects of the relation ``attribute`` of ``item``, from ``listed``'s list if it ran."""
    objects = getattr(item, LISTED_PREFIX + attribute, None)
    return getattr(item, attribute).all() if objects is None else objects


class Relations:
    """Per request: caches of related objects by (model, chain) and translation key."""

    def __init__(self, visibility):
        self.visibility = visibility
        self._found = defaultdict(dict)  # (model, chain) -> {translation_key: object or None}
        self._keys = {}  # (id(batch), path) -> (batch, keys); the batch is kept so its id stays unique
        self._available = {}  # translation_key -> [locale codes]
        self._children = defaultdict(dict)  # (model, field, chain) -> {parent key: [objects]}
        self._by_pk = defaultdict(dict)  # (model, chain) -> {pk: object}
        self._streams = {}  # (id(batch), attribute) -> (batch, {id(item): StreamValue})
        self._answers = {}  # (id(batch), path) -> (batch, {id(item): answer})

    def translated(self, model, keys, chain, *, pages=False, loaded=()):
        """
        ``{translation_key: object}`` for ``keys``, each in the best locale of ``chain``.
        A snippet among ``loaded`` (objects the items point at) that is in the chain's
        first locale is its own best translation, ``(translation_key, locale)`` being
        unique, unless it has relations of its own to load; a page still has to pass the
        visibility rule, so it is read again.
        """
        cache = self._found[(model, chain)]
        # Terms with nothing more to load (no ``RELATED_PREFETCH``) need not be read again.
        if not pages and model._meta.label not in RELATED_PREFETCH:
            first_locale = self.visibility.locale_ids.get(chain[0])
            first = [obj for obj in loaded if obj.translation_key not in cache and obj.locale_id == first_locale]
            adopt(first, chain)
            cache.update((obj.translation_key, obj) for obj in first)
        missing = {key for key in keys if key not in cache}
        if missing:
            queryset = model._default_manager.filter(translation_key__in=missing)
            if pages:
                queryset = self.visibility.public(queryset, chain)
            queryset = best_translations(queryset, chain, self.visibility.locale_ids).select_related("locale")
            queryset = queryset.prefetch_related(*RELATED_PREFETCH.get(model._meta.label, ()))
            found = {obj.translation_key: obj for obj in queryset}
            # Their own nested fields then load for all of them at once, too.
            adopt(found.values(), chain)
            for key in missing:
                cache[key] = found.get(key)
        return {key: cache[key] for key in keys if cache.get(key) is not None}

    def _batch_keys(self, item, path, keys_of):
        """The translation keys behind ``path`` over ``item``'s batch, computed once per batch."""
        batch = batch_of(item)
        cache_key = (id(batch), path)
        if cache_key not in self._keys:
            self._keys[cache_key] = (batch, {key for each in batch.items for key in keys_of(each)})
        return batch, self._keys[cache_key][1]

    def _per_item(self, item, path, answer_batch):
        """
        ``answer_batch(batch)`` — ``{id(each): answer}`` for every item of ``item``'s batch —
        computed once per batch and path; each item's field is then a lookup. Resolving a
        relation item by item cost more in Python (querysets built per item) than its SQL.
        """
        batch = batch_of(item)
        cache_key = (id(batch), path)
        if cache_key not in self._answers:
            self._answers[cache_key] = (batch, answer_batch(batch))
        return self._answers[cache_key][1][id(item)]

    def per_batch(self, item, name, answer_batch):
        """
        ``answer_batch(batch)`` (``{id(each): answer}``) once per batch and ``name``, for a
        loader of another app (a listing's matches): each item's field is then a lookup.
        """
        return self._per_item(item, f"own:{name}", answer_batch)

    def many(self, item, attribute, model, *, pages=False):
        """
        The objects of a (prefetched) many-to-many ``attribute`` of ``item``, mapped to the
        reader's locale, in their stored order, each once.
        """

        def answer_batch(batch):
            # A batch may mix types (search results): items without the relation have none.
            stored = {
                id(each): list(prefetched(each, attribute)) if hasattr(each, attribute) else []
                for each in batch.items
            }
            loaded = [obj for objects in stored.values() for obj in objects]
            keys = {obj.translation_key for obj in loaded}
            found = self.translated(model, keys, batch.chain, pages=pages, loaded=loaded)
            answers = {}
            for each, objects in stored.items():
                mapped = (found.get(obj.translation_key) for obj in objects)
                # Two stored objects may map to one (a topic and its translation): once each.
                answers[each] = list({obj.translation_key: obj for obj in mapped if obj is not None}.values())
            return answers

        return self._per_item(item, f"many:{attribute}", answer_batch)

    def one(self, item, attribute, model, *, pages=False):
        """The same for a (select_related) foreign key; ``None`` when unset or not public."""

        def answer_batch(batch):
            stored = {
                id(each): getattr(each, attribute) if getattr(each, f"{attribute}_id", None) is not None else None
                for each in batch.items
            }
            keys = {obj.translation_key for obj in stored.values() if obj is not None}
            found = self.translated(model, keys, batch.chain, pages=pages)
            return {each: found.get(obj.translation_key) if obj is not None else None for each, obj in stored.items()}

        return self._per_item(item, f"one:{attribute}", answer_batch)

    def through_rows(self, item, rows, attribute, model):
        """
        Objects behind ``attribute`` of the (prefetched) inline ``rows`` of each item of the
        batch, e.g. the place of each opening interval: ``{translation_key: object}``.
        """
        batch, keys = self._batch_keys(
            item,
            f"{rows}.{attribute}",
            lambda each: [
                getattr(row, attribute).translation_key
                for row in (getattr(each, rows).all() if hasattr(each, rows) else ())
                if getattr(row, f"{attribute}_id") is not None
            ],
        )
        return self.translated(model, keys, batch.chain)

    def children(self, item, model, field, *, order=("title", "pk")):
        """
        Public pages of ``model`` whose ``field`` points at any translation of ``item``
        (a partner's services), in the reader's locale, for the whole batch in one query
        (and one per relation of ``RELATED_PREFETCH``).
        """
        batch = batch_of(item)
        dependencies.read_list(model)
        cache = self._children[(model, field, batch.chain)]
        missing = {each.translation_key for each in batch.items} - cache.keys()
        if missing:
            queryset = self.visibility.public(
                model.objects.filter(**{f"{field}__translation_key__in": missing}), batch.chain
            )
            queryset = (
                best_translations(queryset, batch.chain, self.visibility.locale_ids)
                .select_related("locale", field)
                .prefetch_related(*RELATED_PREFETCH.get(model._meta.label, ()))
                .order_by(*order)
            )
            for key in missing:
                cache[key] = []
            for child in queryset:
                cache[getattr(child, field).translation_key].append(child)
            adopt([child for key in missing for child in cache[key]], batch.chain)
        return cache[item.translation_key]

    def stream(self, item, attribute, *, prepare=None):
        """
        The StreamField ``attribute`` of ``item``, read for the whole batch at once: Wagtail
        reads the chosen pages, images and documents of each stream on its own (a query per
        chooser and item); here one query per chooser serves every stream of the batch.
        ``prepare`` is called once with all the batch's streams (to load what they point at).
        """
        batch = batch_of(item)
        cache_key = (id(batch), attribute)
        if cache_key not in self._streams:
            items = [each for each in batch.items if getattr(each, attribute, None) is not None]
            streams = [getattr(each, attribute) for each in items]
            if streams:
                streams = streams[0].stream_block.bulk_to_python([list(value.raw_data) for value in streams])
                if prepare is not None:
                    prepare(streams)
            self._streams[cache_key] = (batch, {id(each): value for each, value in zip(items, streams, strict=True)})
        return self._streams[cache_key][1].get(id(item), getattr(item, attribute))

    def by_pk(self, model, pks, chain, *, select=(), prefetch=()):
        """Objects of ``model`` by primary key (already known to be public), cached per request."""
        cache = self._by_pk[(model, chain)]
        missing = set(pks) - cache.keys()
        if missing:
            found = list(
                model.objects.filter(pk__in=missing).select_related(*select).prefetch_related(*prefetch)
            )
            adopt(found, chain)
            cache.update({obj.pk: obj for obj in found})
        return cache

    def available_locales(self, item):
        """Locales in which each item of the batch is public; one query per batch."""
        batch = batch_of(item)
        missing = {each.translation_key for each in batch.items} - self._available.keys()
        if missing:
            rows = (
                self.visibility.public(Page.objects.filter(translation_key__in=missing))
                .order_by("locale__language_code")
                .values_list("translation_key", "locale__language_code")
            )
            for key in missing:
                self._available[key] = []
            for key, code in rows:
                self._available[key].append(code)
        return self._available[item.translation_key]


