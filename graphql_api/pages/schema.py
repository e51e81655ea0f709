from collections.abc import Iterable

import strawberry
import strawberry_django
from wagtail.models import Page

from graphql_api.context import Info
from graphql_api.localization import best_translations, locale_chain
from graphql_api.pages.interface import PageInterface
from graphql_api.pages.types import GuideType
from graphql_api.pagination import MAX_PAGE_SIZE, Connection
from graphql_api.queries import PageOrder, find_one, localized, matching, ordered
from pages.models import GuidePage


def parse_id(value):
    """Ids are database ids; anything else finds nothing, like a missing item."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def find_page(info: Info, locale: str | None, id=None, url_path: str | None = None):
    chain = locale_chain(locale)
    info.context.chain = chain
    visibility = info.context.visibility
    if id is not None:
        keys = Page.objects.filter(pk=parse_id(id)).values("translation_key")
    elif url_path is not None:
        suffix = "/" + "".join(f"{part}/" for part in url_path.strip("/").split("/") if part)
        roots = Page.objects.filter(path__in=visibility.scope[1])
        full_paths = [root.url_path.rstrip("/") + suffix for root in roots]
        keys = Page.objects.filter(url_path__in=full_paths, locale__language_code__in=chain).values(
            "translation_key"
        )
    else:
        return None
    best = (
        best_translations(visibility.public(Page.objects.filter(translation_key__in=keys)), chain)
        .order_by("locale_rank", "pk")
        .first()
    )
    if best is None:
        return None
    page = best.specific
    info.context.remember_batch([page])
    return page


@strawberry.type
class Query:
    @strawberry.field(description="Any public page by id or by path below the home page, in the reader's locale.")
    def page(
        self, info: Info, id: strawberry.ID | None = None, url_path: str | None = None, locale: str | None = None
    ) -> PageInterface | None:
        return find_page(info, locale, id=id, url_path=url_path)

    @strawberry_django.connection(Connection[GuideType], max_results=MAX_PAGE_SIZE)
    def guides(
        self,
        info: Info,
        locale: str | None = None,
        topic: str | None = None,
        audience: str | None = None,
        search: str | None = None,
        order: PageOrder | None = None,
    ) -> Iterable[GuidePage]:
        queryset = localized(GuidePage, info, locale)
        if topic:
            queryset = queryset.filter(pk__in=GuidePage.objects.filter(topics__slug=topic).values("pk"))
        if audience:
            queryset = queryset.filter(pk__in=GuidePage.objects.filter(audiences__slug=audience).values("pk"))
        queryset = matching(queryset, GuidePage, info, search)
        return ordered(queryset, order)

    @strawberry.field(description="One guide by id or slug, in the reader's locale or its fallback.")
    def guide(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> GuideType | None:
        return find_one(GuidePage, info, locale, id=parse_id(id) if id is not None else None, slug=slug)
