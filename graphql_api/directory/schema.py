from collections.abc import Iterable
from datetime import datetime

import strawberry
import strawberry_django
from strawberry_django.optimizer import optimize

from directory.models import PartnerPage, Place, ServicePage
from graphql_api.context import Info
from graphql_api.directory.enums import PartnerKindEnum
from graphql_api.directory import filters
from graphql_api.directory.filters import NearInput
from graphql_api.directory.types import PartnerType, PlaceType, ServiceType
from graphql_api.localization import best_translations, locale_chain
from graphql_api.pages.schema import parse_id
from graphql_api.pagination import MAX_PAGE_SIZE, Connection
from graphql_api.queries import PageOrder, find_one, localized, matching, ordered


def with_topic(queryset, model, topic):
    if not topic:
        return queryset
    return queryset.filter(pk__in=model.objects.filter(topics__slug=topic).values("pk"))


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
        queryset = with_topic(localized(PartnerPage, info, locale), PartnerPage, topic)
        if kind:
            queryset = queryset.filter(kind=kind.value)
        if language:
            queryset = queryset.filter(pk__in=PartnerPage.objects.filter(languages__code=language).values("pk"))
        return ordered(matching(queryset, PartnerPage, info, search), order)

    @strawberry.field(description="One partner by id or slug, in the reader's locale or its fallback.")
    def partner(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> PartnerType | None:
        return find_one(PartnerPage, info, locale, id=parse_id(id) if id is not None else None, slug=slug)

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
        queryset = with_topic(localized(ServicePage, info, locale), ServicePage, topic)
        if language:
            queryset = queryset.filter(pk__in=ServicePage.objects.filter(languages__code=language).values("pk"))
        if partner is not None:
            partner_keys = PartnerPage.objects.filter(pk=parse_id(partner)).values("translation_key")
            queryset = queryset.filter(provider__translation_key__in=partner_keys)
        if open_at is not None:
            queryset = filters.open_at(queryset, open_at)
        queryset = matching(queryset, ServicePage, info, search)
        if near is not None:
            return filters.near(queryset, near).order_by("near_distance", "title", "pk")
        return ordered(queryset, order)

    @strawberry.field(description="One service by id or slug, in the reader's locale or its fallback.")
    def service(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> ServiceType | None:
        return find_one(ServicePage, info, locale, id=parse_id(id) if id is not None else None, slug=slug)

    @strawberry.field(description="One place by id (of any of its translations), in the reader's locale.")
    def place(self, info: Info, id: strawberry.ID, locale: str | None = None) -> PlaceType | None:
        chain = locale_chain(locale)
        info.context.chain = chain
        keys = Place.objects.filter(pk=parse_id(id)).values("translation_key")
        queryset = best_translations(Place.objects.filter(translation_key__in=keys), chain)
        return optimize(queryset, info).first()
