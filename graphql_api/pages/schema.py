from collections.abc import Iterable

import strawberry
import strawberry_django
from wagtail.models import Page

from graphql_api.context import Info
from graphql_api.lookups import find
from graphql_api.ordering import PageOrder
from graphql_api.pages.interface import PageInterface
from graphql_api.pages.types import GuideType
from graphql_api.pagination import MAX_PAGE_SIZE, Connection, public
from pages.models import GuidePage
from public_content import filters
from public_content.search import matching


@strawberry.type
class Query:
    @strawberry.field(description="Any public page by id or by path below the home page, in the reader's locale.")
    def page(
        self, info: Info, id: strawberry.ID | None = None, url_path: str | None = None, locale: str | None = None
    ) -> PageInterface | None:
        return find(Page, info, locale, id=id, url_path=url_path)

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
        chain = info.context.reading.chain(locale)
        queryset = filters.tagged(info.context.reading.pages(GuidePage, chain), topic=topic, audience=audience)
        queryset = matching(queryset, chain, search)
        return public(filters.ordered(queryset, PageOrder.name_of(order)))

    @strawberry.field(description="One guide by id or slug, in the reader's locale or its fallback.")
    def guide(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> GuideType | None:
        return find(GuidePage, info, locale, id=id, slug=slug)
