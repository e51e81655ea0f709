"""
``search``: one full-text search over every content type (guides, events, partners,
services), by ``public_content.search``. Each hit is returned in the reader's best
locale, once, in order of relevance.
"""

import strawberry

from graphql_api.context import Info
from graphql_api.pages.interface import PageInterface
from graphql_api.pagination import Connection
from public_content.search import search_everything


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
        reading = info.context.reading
        items = search_everything(reading.visibility, reading.chain(locale), query)
        return Connection[PageInterface].resolve_connection(items, info=info, first=first, after=after, locale=locale)
