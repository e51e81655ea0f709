"""The orderings a list accepts, as a GraphQL enum over ``public_content.filters.ORDERINGS``."""

from enum import Enum

import strawberry


@strawberry.enum(name="PageOrder", description="Orderings a list accepts; ties are broken by id.")
class PageOrder(Enum):
    TITLE = "title"
    NEWEST = "newest"
    RECENTLY_REVIEWED = "recently_reviewed"

    @staticmethod
    def name_of(order: "PageOrder | None") -> str:
        return (order or PageOrder.TITLE).value
