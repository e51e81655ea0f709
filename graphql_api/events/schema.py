"""
``events``: occurrences, not pages. A weekly course is one page but many dates; a reader
asking for next week wants each date, in start order, paginated over dates. Times are
given in Leipzig time (Europe/Berlin, with its UTC offset).
"""

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Annotated

import strawberry
from django.db.models import Q
from django.utils import timezone
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from directory.models import PartnerPage
from graphql_api.context import Info
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.events.types import EventOccurrenceType, EventType
from graphql_api.pages.schema import parse_id
from graphql_api.pagination import Connection
from graphql_api.queries import find_one, localized
from pages.models import EventCancellation, EventPage

DEFAULT_WINDOW = timedelta(days=31)
MAX_WINDOW = timedelta(days=92)


def event_window(start, end):
    start = start or timezone.now()
    end = end or start + DEFAULT_WINDOW
    if end <= start or end - start > MAX_WINDOW:
        raise ApiError(
            _("'to' must be after 'from' and at most %(days)d days later.") % {"days": MAX_WINDOW.days},
            ErrorCode.BAD_USER_INPUT,
        )
    return start, end


def event_occurrences(info: Info, locale, start, end, topic=None, partner=None):
    """
    All occurrences in the window, sorted, as light objects. Only the columns the
    expansion needs are read here; the full events (with topics, place, image …) are
    loaded by ``EventOccurrenceType.event`` for the page of occurrences actually shown.
    """
    queryset = localized(EventPage, info, locale).filter(start__lt=end).filter(
        ~Q(recurrence_rule="") | Q(end__gt=start)
    )
    if topic:
        queryset = queryset.filter(pk__in=EventPage.objects.filter(topics__slug=topic).values("pk"))
    if partner is not None:
        keys = PartnerPage.objects.filter(pk=parse_id(partner)).values("translation_key")
        queryset = queryset.filter(organiser__translation_key__in=keys)
    rows = list(queryset.values_list("pk", "title", "start", "end", "recurrence_rule"))
    cancelled = defaultdict(set)
    for page_id, day in EventCancellation.objects.filter(page_id__in=[row[0] for row in rows]).values_list(
        "page_id", "date"
    ):
        cancelled[page_id].add(day)
    occurrences = []
    for pk, title, event_start, event_end, rule in rows:
        # An unsaved instance has no cancellations: EventPage.occurrences expands the rule
        # (in Europe/Berlin) and the cancelled dates are removed here.
        pattern = EventPage(start=event_start, end=event_end, recurrence_rule=rule)
        for occurrence_start, occurrence_end in pattern.occurrences(start, end):
            if localtime(occurrence_start).date() not in cancelled[pk]:
                occurrences.append(
                    EventOccurrenceType(
                        start=localtime(occurrence_start), end=localtime(occurrence_end), event_id=pk, title=title
                    )
                )
    occurrences.sort(key=lambda item: (item.start, item.title, item.event_id))
    return occurrences


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
        start, end = event_window(from_, to)
        occurrences = event_occurrences(info, locale, start, end, topic=topic, partner=partner)
        return Connection[EventOccurrenceType].resolve_connection(occurrences, info=info, first=first, after=after)

    @strawberry.field(description="One event by id or slug, in the reader's locale or its fallback.")
    def event(
        self, info: Info, id: strawberry.ID | None = None, slug: str | None = None, locale: str | None = None
    ) -> EventType | None:
        return find_one(EventPage, info, locale, id=parse_id(id) if id is not None else None, slug=slug)
