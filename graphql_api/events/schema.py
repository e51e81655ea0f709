"""
``events``: occurrences, not pages (``public_content.events``), in start order,
paginated over dates. Times are given in Leipzig time (Europe/Berlin, with its offset).
"""

from datetime import datetime
from typing import Annotated

import strawberry

from graphql_api.context import Info
from graphql_api.events.types import EventOccurrenceType, EventType
from graphql_api.lookups import find, parse_id
from graphql_api.pagination import Connection
from pages.models import EventPage
from public_content import events


@strawberry.type
class Query:
    @strawberry.field(description="Event dates in a window (default: the next 31 days, at most 92), by start time.")
    def events(
        self,
        info: Info,
        locale: str | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        topic: str | None = None,
        partner: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[EventOccurrenceType]:
        reading = info.context.reading
        chain = reading.chain(locale)
        start, end = events.window(from_, to)
        found = events.occurrences(
            reading.pages(EventPage, chain), start, end, topic=topic, partner=parse_id(partner)
        )
        nodes = [EventOccurrenceType.of(occurrence) for occurrence in found]
        return Connection[EventOccurrenceType].resolve_connection(
            nodes, info=info, first=first, after=after, locale=locale
        )

    @strawberry.field(description="One event by id or slug, in the reader's locale or its fallback.")
    def event(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> EventType | None:
        return find(EventPage, info, locale, id=id, slug=slug)
