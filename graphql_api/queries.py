"""
Building blocks of the root fields: a visible, locale-resolved queryset of a page model,
a single item by id or slug, full-text matching, and the allow-listed orderings.
"""

from enum import Enum

import strawberry
from django.db.models import Subquery
from strawberry_django.optimizer import optimize
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from graphql_api.context import Info
from graphql_api.localization import best_translations, locale_chain

#: Matches considered for a ``search`` argument of a list; beyond that, refine the words.
MAX_SEARCH_MATCHES = 500


@strawberry.enum(name="PageOrder", description="Orderings a list accepts; ties are broken by id.")
class PageOrder(Enum):
    TITLE = "title"
    NEWEST = "-first_published_at"
    RECENTLY_REVIEWED = "-last_reviewed"


def localized(model, info: Info, locale: str | None):
    """Public pages of ``model``, each in the best locale of the reader's chain."""
    chain = locale_chain(locale)
    info.context.chain = chain
    visible = info.context.visibility.public(model.objects.all())
    return best_translations(visible, chain)


def ordered(queryset, order: PageOrder | None):
    order = order or PageOrder.TITLE
    return queryset.order_by(order.value, "pk")


def matching(queryset, model, info: Info, text: str | None):
    """Narrow to items whose text in any locale of the chain matches ``text``."""
    if not text:
        return queryset
    return queryset.filter(translation_key__in=search_keys(model, info, text))


def search_keys(model, info: Info, text: str, limit=MAX_SEARCH_MATCHES):
    """
    Translation keys of the items whose text in a locale of the chain matches, best
    first. The search backend only filters on declared filter fields (``live``,
    ``locale``), so visibility is applied by the caller's queryset, never skipped.
    """
    locale_ids = list(Locale.objects.filter(language_code__in=info.context.chain).values_list("pk", flat=True))
    candidates = model.objects.filter(live=True, locale_id__in=locale_ids)
    hits = get_search_backend().search(text, candidates)[:limit]
    keys = []
    for page in hits:
        if page.translation_key not in keys:
            keys.append(page.translation_key)
    return keys


def find_one(model, info: Info, locale: str | None, id=None, slug=None):
    """
    One item by id (of any of its translations) or slug (in any locale of the chain),
    returned in the reader's best locale; ``None`` when it is not public.
    """
    queryset = localized(model, info, locale)
    if id is not None:
        keys = model.objects.filter(pk=id).values("translation_key")
    elif slug:
        keys = model.objects.filter(slug=slug, locale__language_code__in=info.context.chain).values(
            "translation_key"
        )
    else:
        return None
    queryset = queryset.filter(translation_key__in=Subquery(keys)).order_by("locale_rank", "pk")
    item = optimize(queryset, info).first()
    if item is not None:
        info.context.remember_batch([item])
    return item
