"""
Full-text search over public content, with Wagtail's search backend (the database
backend by default; OpenSearch when configured).

The backend only filters on declared filter fields (``live``, ``locale``), so it yields
*candidates*: translation keys of items whose text in a locale of the reader's chain
matches, best first. Visibility and the choice of translation are then applied by the
same queryset every other list uses, never skipped.
"""

import re
import unicodedata
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from directory.models import PartnerPage, ServicePage
from pages.models import EventPage, GuidePage
from public_content import dependencies
from public_content.batches import adopt
from public_content.errors import InvalidRequest
from public_content.locales import best_translations
from public_content.relations import RELATED_PREFETCH
from public_content.search_backend import search_in

#: Matches considered for a ``search`` argument of a list; beyond that, refine the words.
MAX_LIST_MATCHES = 500
#: Hits of the search across every type considered at most.
MAX_HITS = 200
MAX_QUERY_LENGTH = 200
#: Words of one search at most; more words do not find better results, only cost more.
MAX_WORDS = 20
SEARCHABLE = (GuidePage, EventPage, PartnerPage, ServicePage)
#: What a search backend might read as syntax (quotes, operators, brackets …): searched as spaces.
NOT_A_WORD = re.compile(r"[^\w\s-]+|(?<!\w)-|-(?!\w)")


def words(text):
    """
    The words of a reader's search, as plain text for the backend: letters, digits and
    inner hyphens of any script, nothing a backend could read as syntax.
    ``InvalidRequest`` for no words, too long a text, too many words, or text that is not
    valid Unicode (a lone surrogate) or holds control characters (a NUL byte).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise too_long_or_empty() from None
    if len(text) > MAX_QUERY_LENGTH or any(unicodedata.category(char) == "Cc" and not char.isspace() for char in text):
        raise too_long_or_empty()
    found = NOT_A_WORD.sub(" ", text).split()
    if not found or len(found) > MAX_WORDS:
        raise too_long_or_empty()
    return " ".join(found)


def too_long_or_empty():
    return InvalidRequest(
        _("The search words must be 1 to %(max)d characters long, at most %(words)d words, of letters and digits.")
        % {"max": MAX_QUERY_LENGTH, "words": MAX_WORDS}
    )


def search_keys(model, chain, text, limit=MAX_LIST_MATCHES):
    """
    Translation keys of ``model`` items whose text in a locale of ``chain`` matches ``text``,
    best first. Each locale is searched with its own language's rules (stemming on
    PostgreSQL, ``public_content.search_backend``); the hits are merged by score.
    """
    # The worker indexes a publication a moment after it: no purge can announce that.
    dependencies.read_search_index()
    backend = get_search_backend()
    scored = []
    for locale in Locale.objects.filter(language_code__in=chain):
        # Only the keys are wanted: reading whole pages for up to 200 hits cost more than the search.
        candidates = model.objects.filter(live=True, locale_id=locale.pk).only("translation_key")
        scored.extend(search_in(backend, locale.language_code, text, candidates, limit))
    keys = {}  # a dict keeps the order of relevance and finds a key in constant time
    for page, _score in sorted(scored, key=lambda hit: -float(hit[1] or 0)):
        keys.setdefault(page.translation_key, None)
    return list(keys)[:limit]


def matching(queryset, chain, text):
    """Narrow a list to items matching ``text`` (``None`` or an empty text: no narrowing)."""
    if text is None or text == "":
        return queryset
    return queryset.filter(translation_key__in=search_keys(queryset.model, chain, words(text)))


def search_everything(visibility, chain, text, *, with_relations=True):
    """
    Public guides, events, partners and services matching ``text``, each once, in the
    best locale of ``chain``, by relevance (``Hits``: the pages of a slice are read when it
    is taken, one query per content type, not per hit). ``with_relations=False`` when the
    reader shows only the hits' own fields: nothing related is read then.
    """
    for model in SEARCHABLE:
        dependencies.read_list(model)
    keys = search_keys(Page, chain, words(text), limit=MAX_HITS)
    if not keys:
        return []
    position = {key: index for index, key in enumerate(keys)}
    best = best_translations(
        visibility.public(Page.objects.filter(translation_key__in=keys).type(*SEARCHABLE), chain),
        chain,
        visibility.locale_ids,
    ).values_list("pk", "content_type_id", "translation_key")
    ranked = sorted(best, key=lambda row: position[row[2]])
    return Hits([(pk, content_type_id) for pk, content_type_id, _key in ranked], chain, with_relations=with_relations)


class Hits(Sequence):
    """
    Search results in order of relevance, as ``(id, content type)``; a slice reads its pages
    (with what their fields need, ``RELATED_PREFETCH``) and adopts them as one batch. A page
    of 20 results so costs 20 pages, not every hit of the search.
    """

    def __init__(self, hits, chain, *, with_relations=True):
        self._hits = hits
        self._chain = chain
        self._with_relations = with_relations

    def __len__(self):
        return len(self._hits)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._read(self._hits[index])
        return self._read([self._hits[index]])[0]

    def _read(self, hits):
        order = {pk: position for position, (pk, _type) in enumerate(hits)}
        items = []
        for model in SEARCHABLE:
            content_type_id = ContentType.objects.get_for_model(model).pk
            ids = [pk for pk, type_id in hits if type_id == content_type_id]
            if ids:
                queryset = model.objects.filter(pk__in=ids).select_related("locale")
                if self._with_relations:
                    queryset = queryset.prefetch_related(*RELATED_PREFETCH[model._meta.label])
                items.extend(queryset)
        items.sort(key=lambda item: order[item.pk])
        return adopt(items, self._chain)
