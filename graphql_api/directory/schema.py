from collections.abc import Iterable
from datetime import datetime

import strawberry
import strawberry_django
from strawberry_django.optimizer import optimize

from directory.models import PartnerPage, Place, ServicePage
from graphql_api.context import Info
from graphql_api.directory.enums import PartnerKindEnum
from graphql_api.directory.types import PartnerType, PlaceType, ServiceType
from graphql_api.lookups import find, parse_id
from graphql_api.ordering import PageOrder
from graphql_api.pagination import MAX_PAGE_SIZE, Connection, public
from public_content import filters
from public_content.search import matching


@strawberry.input(name="NearInput", description="A point and a radius; results carry `distanceKm`.")
class NearInput:
    lat: float
    lon: float
    km: float = 2.0


@strawberry.type
class Query:
    @strawberry_django.connection(Connection[PartnerType], max_results=MAX_PAGE_SIZE)
    def partners(
        self,
        info: Info,
        locale: str | None = None,
        topic: str | None = None,
        kind: PartnerKindEnum | None = None,
        language: str | None = None,
        search: str | None = None,
        order: PageOrder | None = None,
    ) -> Iterable[PartnerPage]:
        chain = info.context.reading.chain(locale)
        queryset = filters.tagged(info.context.reading.pages(PartnerPage, chain), topic=topic, language=language)
        if kind:
            queryset = queryset.filter(kind=kind.value)
        queryset = matching(queryset, chain, search)
        return public(filters.ordered(queryset, PageOrder.name_of(order)))

    @strawberry.field(description="One partner by id or slug, in the reader's locale or its fallback.")
    def partner(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> PartnerType | None:
        return find(PartnerPage, info, locale, id=id, slug=slug)

    @strawberry_django.connection(Connection[ServiceType], max_results=MAX_PAGE_SIZE)
    def services(
        self,
        info: Info,
        locale: str | None = None,
        topic: str | None = None,
        language: str | None = None,
        partner: strawberry.ID | None = None,
        near: NearInput | None = None,
        open_at: datetime | None = None,
        search: str | None = None,
        order: PageOrder | None = None,
    ) -> Iterable[ServicePage]:
        chain = info.context.reading.chain(locale)
        queryset = filters.tagged(info.context.reading.pages(ServicePage, chain), topic=topic, language=language)
        if partner is not None:
            queryset = filters.of_partner(queryset, "provider", parse_id(partner))
        if open_at is not None:
            queryset = filters.open_at(queryset, open_at)
        queryset = matching(queryset, chain, search)
        if near is not None:
            return public(filters.near(queryset, near.lat, near.lon, near.km))
        return public(filters.ordered(queryset, PageOrder.name_of(order)))

    @strawberry.field(description="One service by id or slug, in the reader's locale or its fallback.")
    def service(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> ServiceType | None:
        return find(ServicePage, info, locale, id=id, slug=slug)

    @strawberry.field(description="One place by id (of any of its translations), in the reader's locale.")
    def place(self, info: Info, id: strawberry.ID, locale: str | None = None) -> PlaceType | None:
        reading = info.context.reading
        chain = reading.chain(locale)
        return reading.first(optimize(reading.snippet(Place, chain, id=parse_id(id)), info), chain)
