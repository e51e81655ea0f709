"""
``search``: one full-text search over every content type (guides, events, partners,
services), by ``public_content.search``. Each hit is returned in the reader's best
locale, once, in order of relevance.
"""

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment

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
        items = search_everything(
            reading.visibility, reading.chain(locale), query, with_relations=asks_for_relations(info)
        )
        return Connection[PageInterface].resolve_connection(items, info=info, first=first, after=after, locale=locale)


#: Fields every hit answers from its own row (or a per-batch loader): a result list made of
#: these, the usual one, reads no relations. Anything else (topics, an image, opening
#: hours behind ``openNow`` …) makes the hits load what their fields may need.
OWN_FIELDS = {
    "__typename", "id", "title", "slug", "translationKey", "firstPublishedAt", "lastPublishedAt",
    "seoTitle", "searchDescription", "urlPath", "locale", "availableLocales", "summary",
    "lastReviewed", "machineTranslated",
}


def asks_for_relations(info) -> bool:
    """Whether any field of a hit is not one of ``OWN_FIELDS``."""

    def below(selections, name):
        for selection in selections:
            if isinstance(selection, FragmentSpread | InlineFragment):
                yield from below(selection.selections, name)
            elif selection.name == name:
                yield from selection.selections

    def fields(selections):
        for selection in selections:
            if isinstance(selection, FragmentSpread | InlineFragment):
                yield from fields(selection.selections)
            else:
                yield selection.name

    nodes = below(below(info.selected_fields[0].selections, "edges"), "node")
    return any(name not in OWN_FIELDS for name in fields(nodes))
