"""
Full-text search over public content, with Wagtail's search backend (the database
backend by default; OpenSearch when configured).

The backend only filters on declared filter fields (``live``, ``locale``), so it yields
*candidates*: translation keys of items whose text in a locale of the reader's chain
matches, best first. Visibility and the choice of translation are then applied by the
same queryset every other list uses, never skipped.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from directory.models import PartnerPage, ServicePage
from pages.models import EventPage, GuidePage
from public_content.batches import adopt
from public_content.errors import InvalidRequest
from public_content.locales import best_translations

#: Matches considered for a ``search`` argument of a list; beyond that, refine the words.
MAX_LIST_MATCHES = 500
#: Hits of the search across every type considered at most.
MAX_HITS = 200
MAX_QUERY_LENGTH = 200
SEARCHABLE = (GuidePage, EventPage, PartnerPage, ServicePage)


def search_keys(model, chain, text, limit=MAX_LIST_MATCHES):
    """Translation keys of ``model`` items whose text in a locale of ``chain`` matches ``text``, best first."""
    locale_ids = list(Locale.objects.filter(language_code__in=chain).values_list("pk", flat=True))
    candidates = model.objects.filter(live=True, locale_id__in=locale_ids)
    keys = []
    for page in get_search_backend().search(text, candidates)[:limit]:
        if page.translation_key not in keys:
            keys.append(page.translation_key)
    return keys


def matching(queryset, chain, text):
    """Narrow a list to items matching ``text`` (nothing to do without words)."""
    if not text:
        return queryset
    return queryset.filter(translation_key__in=search_keys(queryset.model, chain, text))


def search_everything(visibility, chain, text):
    """
    Public guides, events, partners and services matching ``text``, each once, in the
    best locale of ``chain``, by relevance: one query per content type, not per hit.
    """
    text = text.strip()
    if not text or len(text) > MAX_QUERY_LENGTH:
        raise InvalidRequest(
            _("The search words must be 1 to %(max)d characters long.") % {"max": MAX_QUERY_LENGTH}
        )
    keys = search_keys(Page, chain, text, limit=MAX_HITS)
    if not keys:
        return []
    best = best_translations(
        visibility.public(Page.objects.filter(translation_key__in=keys).type(*SEARCHABLE)), chain
    ).values_list("pk", "content_type_id", "translation_key")
    by_type, rank = {}, {}
    for pk, content_type_id, key in best:
        by_type.setdefault(content_type_id, []).append(pk)
        rank[pk] = keys.index(key)
    items = []
    for model in SEARCHABLE:
        ids = by_type.get(ContentType.objects.get_for_model(model).pk)
        if ids:
            items.extend(
                model.objects.filter(pk__in=ids)
                .select_related("locale", "image")
                .prefetch_related("topics", "image__renditions")
            )
    items.sort(key=lambda item: rank[item.pk])
    return adopt(items, chain)
