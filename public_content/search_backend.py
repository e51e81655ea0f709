"""
Wagtail's database search backend, on PostgreSQL with the text search configuration of
each item's own language.

Wagtail indexes every object with one configuration for the whole site. Our content is
in a dozen languages: German text must be stemmed as German ("Beratungen" finds
"Beratung"), Arabic as Arabic (with and without the article), and languages PostgreSQL
has no stemmer for as ``simple``. So each item is indexed with the configuration of its
locale (``search_config`` in ``settings.WELCOME_LOCALES``), and ``search_in`` searches one
locale with that locale's configuration. Every search term is a prefix, so a word also
finds the compounds it begins ("Wohnung" finds "Wohnungssuche", "Kind" "Kinderbetreuung").

On PostgreSQL a search for the best ``limit`` items ranks a bounded set of candidates:
the first ``limit`` items whose title matches and the first ``limit`` whose text matches,
found through the index's GIN indexes, instead of ranking every match. A word in half the documents
("Beratung") otherwise made each search rank all of them, so its time grew with the
content; now it stays flat. Most relevant stays most relevant while a word matches fewer
items than the bound; beyond it, the best of a sample is shown, and a second word narrows
the search to what the reader means.

On other databases (the SQLite quick start) this is Wagtail's own database backend,
searched per locale the same way, without stemming.
"""

import re
from collections import defaultdict
from contextlib import contextmanager
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText

from translation import locales


def config_of(code) -> str:
    try:
        return locales.get(code).search_config
    except KeyError:
        return "simple"


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The PostgreSQL backend below on PostgreSQL, else Wagtail's database backend."""
    if connection.vendor == "postgresql":
        return LocaleSearchBackend(params)
    return DatabaseSearchBackend(params)


def search_in(backend, code, text, queryset, limit):
    """``(object, score)`` pairs of ``queryset`` (one locale's items) matching ``text``, best first, at most ``limit``."""
    if isinstance(backend, LocaleSearchBackend):
        config = config_of(code)
        queryset = queryset.filter(pk__in=candidates(queryset, text, config, limit))
        with backend.configured(config):
            return [(item, item._score) for item in backend.search(text, queryset).annotate_score("_score")[:limit]]
    return [(item, item._score or 0) for item in backend.search(text, queryset).annotate_score("_score")[:limit]]


def prefix_tsquery(text, config, combine, *, invert=False):
    """``text``'s words, each a prefix of an indexed word, combined with ``and_`` or ``or_``."""
    terms = [term for term in re.split(r"[\s\-]+", text) if term]
    if not terms:
        return None
    lexemes = reduce(combine, (Lexeme(term, invert=invert, prefix=True) for term in terms))
    return SearchQuery(lexemes, search_type="raw", config=config)


def candidates(queryset, text, config, limit):
    """
    Primary keys of at most ``limit`` items of ``queryset`` matching ``text`` by title and
    ``limit`` matching by body: what the backend's ranking then orders, and as long as fewer
    items match, every match. Each part is read through a GIN index and stops at
    ``limit``; membership of ``queryset`` is checked per index entry by primary key, so a
    locale's other thousands of items are never scanned. The keys are read first (one
    query) so that the ranking query is planned for a known, small set of items.

    Several words must all match, as in the ranking, but may be split between title and
    text.
    """
    terms = [term for term in re.split(r"[\s\-]+", text) if term]
    if not terms:
        return []
    model = queryset.model
    pk_field = model._meta.pk.target_field if model._meta.pk.is_relation else model._meta.pk
    entries = (
        IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
        .annotate(object_pk=Cast("object_id", output_field=pk_field.__class__()))
        # A scalar subquery, not a join: PostgreSQL then probes one item per entry read.
        .annotate(listed=Subquery(queryset.order_by().filter(pk=OuterRef("object_pk")).values("pk")[:1]))
        .filter(listed__isnull=False)
        .values_list("object_pk", flat=True)
    )
    every = prefix_tsquery(text, config, and_)
    if len(terms) == 1:
        title_matches = entries.filter(title=every)[:limit]
        body_matches = entries.filter(body=every)[:limit]
        return list(title_matches.union(body_matches))
    # Each word in the title or the text: the GIN indexes find exactly the entries that
    # have every word somewhere; title and text together are then checked as the ranking does.
    each_word = reduce(and_, (Q(title=word) | Q(body=word) for word in (prefix_tsquery(t, config, and_) for t in terms)))
    both = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    # The same bound as one word's two parts.
    return list(entries.filter(each_word).annotate(both=both).filter(both=every)[:limit * 2])


class LocaleIndex(PostgresIndex):
    """Indexes each item with its locale's configuration (items of one call grouped by it)."""

    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for(obj)].append(obj)
        for config, group in groups.items():
            with self.backend.configured(config):
                super().add_items(model, group)


class PrefixQueryCompiler(PostgresSearchQueryCompiler):
    """Plain-text searches match every term as a prefix of an indexed (stemmed) word."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        combine = and_ if query.operator == "and" else or_
        return prefix_tsquery(query.query_string, config, combine, invert=invert)


class LocaleSearchBackend(PostgresSearchBackend):
    index_class = LocaleIndex
    query_compiler_class = PrefixQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Without a locale (documents, images, the admin's own searches): the source language.
        self.config = params.get("SEARCH_CONFIG") or config_of(locales.source_code())
        self._codes = None

    def config_for(self, obj) -> str:
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if self._codes is None or locale_id not in self._codes:
            self._codes = dict(Locale.objects.values_list("pk", "language_code"))
        return config_of(self._codes.get(locale_id))

    @contextmanager
    def configured(self, config):
        """Index or search with ``config`` for the duration of the block."""
        previous, self.config = self.config, config
        try:
            yield
        finally:
            self.config = previous
