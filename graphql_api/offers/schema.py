"""
Root fields of help offers and requests: ``offers``, ``requests`` and ``listing``.

Both lists take the same arguments and differ only in direction; the rules (what is
public, which translation, the filters, search) are ``offers.reading``'s, shared with
every other reader of listings.
"""

from collections.abc import Iterable

import strawberry
import strawberry_django
from strawberry_django.optimizer import optimize

from graphql_api.context import Info
from graphql_api.lookups import parse_id
from graphql_api.offers.enums import DistrictEnum, ListingKindEnum
from graphql_api.offers.types import ListingType
from graphql_api.pagination import MAX_PAGE_SIZE, Connection, public
from offers import reading as offers_reading
from offers.choices import Direction
from offers.models import Listing


def _listings(info: Info, direction, locale, kind, topic, district, language, partner, search):
    chain = info.context.reading.chain(locale)
    queryset = offers_reading.listings(
        direction,
        chain,
        kind=kind.value if kind else None,
        topic=topic,
        district=district.value if district else None,
        language=language,
        partner=parse_id(partner),
    )
    return public(offers_reading.matching(queryset, chain, search))


@strawberry.type
class Query:
    @strawberry_django.connection(
        Connection[ListingType],
        max_results=MAX_PAGE_SIZE,
        description="Public help offers, newest first, each in the reader's locale, its fallback or its own language.",
    )
    def offers(
        self,
        info: Info,
        locale: str | None = None,
        kind: ListingKindEnum | None = None,
        topic: str | None = None,
        district: DistrictEnum | None = None,
        language: str | None = None,
        partner: strawberry.ID | None = None,
        search: str | None = None,
    ) -> Iterable[Listing]:
        return _listings(info, Direction.OFFER, locale, kind, topic, district, language, partner, search)

    @strawberry_django.connection(
        Connection[ListingType],
        max_results=MAX_PAGE_SIZE,
        description="Public requests for help, newest first, each in the reader's locale, its fallback or its own language.",
    )
    def requests(
        self,
        info: Info,
        locale: str | None = None,
        kind: ListingKindEnum | None = None,
        topic: str | None = None,
        district: DistrictEnum | None = None,
        language: str | None = None,
        partner: strawberry.ID | None = None,
        search: str | None = None,
    ) -> Iterable[Listing]:
        return _listings(info, Direction.REQUEST, locale, kind, topic, district, language, partner, search)

    @strawberry.field(
        description=(
            "One public offer or request by the id of any of its translations: in the reader's locale, its"
            " fallback, else the language it was written in."
        )
    )
    def listing(self, info: Info, id: strawberry.ID, locale: str | None = None) -> ListingType | None:
        reading = info.context.reading
        chain = reading.chain(locale)
        return reading.first(optimize(offers_reading.one(parse_id(id), chain), info), chain)
