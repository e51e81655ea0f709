"""
``search``: one full-text search over every content type (guides, events, partners,
services) with Wagtail's search backend (the database backend by default; OpenSearch
when configured). Each hit is returned in the reader's best locale, once, in order of
relevance.
"""

import strawberry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from directory.models import PartnerPage, ServicePage
from graphql_api.context import Info
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.localization import best_translations, locale_chain
from graphql_api.pages.interface import PageInterface
from graphql_api.pagination import Connection
from graphql_api.queries import search_keys
from pages.models import EventPage, GuidePage

SEARCHABLE = (GuidePage, EventPage, PartnerPage, ServicePage)
#: Hits considered at most; a reader refines the words rather than paging past this.
MAX_HITS = 200
MAX_QUERY_LENGTH = 200


def search_pages(info: Info, query: str, locale: str | None):
    query = query.strip()
    if not query or len(query) > MAX_QUERY_LENGTH:
        raise ApiError(
            _("The search words must be 1 to %(max)d characters long.") % {"max": MAX_QUERY_LENGTH},
            ErrorCode.BAD_USER_INPUT,
        )
    info.context.chain = locale_chain(locale)
    keys = search_keys(Page, info, query, limit=MAX_HITS)
    if not keys:
        return []
    best = best_translations(
        info.context.visibility.public(
            Page.objects.filter(translation_key__in=keys).type(*SEARCHABLE)
        ),
        info.context.chain,
    ).values_list("pk", "content_type_id", "translation_key")
    by_model = {}
    rank = {}
    for pk, content_type_id, key in best:
        by_model.setdefault(content_type_id, []).append(pk)
        rank[pk] = keys.index(key)
    items = []
    for model in SEARCHABLE:
        ids = by_model.get(ContentType.objects.get_for_model(model).pk)
        if not ids:
            continue
        items.extend(
            model.objects.filter(pk__in=ids)
            .select_related("locale", "image")
            .prefetch_related("topics", "image__renditions")
        )
    items.sort(key=lambda item: rank[item.pk])
    info.context.remember_batch(items)
    return items


@strawberry.type
class Query:
    @strawberry.field(description="Full-text search across guides, events, partners and services.")
    def search(
        self,
        info: Info,
        query: str,
        locale: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PageInterface]:
        items = search_pages(info, query, locale)
        return Connection[PageInterface].resolve_connection(items, info=info, first=first, after=after)
