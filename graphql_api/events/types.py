"""Events and their occurrences (a recurring event expanded in Europe/Berlin)."""

from datetime import date, datetime, timedelta
from enum import Enum
from typing import Annotated

import strawberry
import strawberry_django
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import PartnerPage, Place
from graphql_api.context import Info
from graphql_api.directory.types import PartnerType, PlaceType
from graphql_api.pages.richtext import to_html
from graphql_api.pages.types import ContentPageInterface, PublicQuerySetMixin
from graphql_api.errors import ApiError, ErrorCode
from pages.models import EventPage
from public_content.moments import moment
from public_content import dependencies
from public_content.batches import batch_of
from public_content.events import Occurrence

#: How many occurrences an event's own ``occurrences`` field lists at most.
MAX_OWN_OCCURRENCES = 50


@strawberry.enum(name="Registration")
class RegistrationEnum(Enum):
    NONE = "none"
    RECOMMENDED = "recommended"
    REQUIRED = "required"


@strawberry.type(name="Occurrence", description="One date of an event.")
class OccurrenceType:
    start: datetime
    end: datetime


@strawberry_django.type(EventPage, name="Event")
class EventType(PublicQuerySetMixin, ContentPageInterface):
    @strawberry_django.field(only=["start"], description="Start of the first occurrence, in Leipzig time.")
    def start(self) -> datetime:
        return timezone.localtime(self.start)

    @strawberry_django.field(only=["end"], description="End of the first occurrence, in Leipzig time.")
    def end(self) -> datetime:
        return timezone.localtime(self.end)
    recurrence_rule: str = strawberry_django.field(description="RFC 5545 RRULE, empty for a single event.")
    online_url: str
    registration_url: str
    registration_info: str
    is_free: bool
    cost: str

    @strawberry_django.field(only=["description"], description="HTML with internal links resolved.")
    def description(self, info: Info) -> str:
        return to_html(self, "description", info)

    @strawberry_django.field(only=["registration"])
    def registration(self) -> RegistrationEnum:
        return RegistrationEnum(self.registration)

    @strawberry_django.field(select_related=["place"], description="In the reader's locale.")
    def place(self, info: Info) -> PlaceType | None:
        return info.context.reading.relations.one(self, "place", Place)

    @strawberry_django.field(select_related=["organiser"], description="A public partner, in the reader's locale.")
    def organiser(self, info: Info) -> PartnerType | None:
        return info.context.reading.relations.one(self, "organiser", PartnerPage, pages=True)

    @strawberry_django.field(prefetch_related=["cancellations"], description="Dates on which it does not take place.")
    def cancelled_dates(self) -> list[date]:
        return sorted(cancellation.date for cancellation in self.cancellations.all())

    @strawberry_django.field(
        prefetch_related=["cancellations"],
        only=["start", "end", "recurrence_rule"],
        description=(
            "Occurrences in a window of `days` days (1 to 366, default 31) from `from` (default: now; "
            f"without an offset: Leipzig time), cancellations removed; at most {MAX_OWN_OCCURRENCES}."
        ),
    )
    def occurrences(
        self, from_: Annotated[datetime | None, strawberry.argument(name="from")] = None, days: int = 31
    ) -> list[OccurrenceType]:
        if not 1 <= days <= 366:
            raise ApiError(_("'days' must be between 1 and 366."), ErrorCode.BAD_USER_INPUT)
        start = moment(from_, "from") if from_ is not None else dependencies.now()
        end = moment(start + timedelta(days=days), "days")
        pairs = self.occurrences(start, end)[:MAX_OWN_OCCURRENCES]
        return [OccurrenceType(start=timezone.localtime(s), end=timezone.localtime(e)) for s, e in pairs]


@strawberry.type(name="EventOccurrence", description="One date of an event, with the event.")
class EventOccurrenceType:
    start: datetime
    end: datetime
    event_id: strawberry.Private[int]
    title: strawberry.Private[str]

    @classmethod
    def of(cls, occurrence: Occurrence) -> "EventOccurrenceType":
        return cls(start=occurrence.start, end=occurrence.end, event_id=occurrence.event_id, title=occurrence.title)

    @strawberry.field
    def event(self, info: Info) -> EventType:
        # The full events of the whole page of dates, in one go, read in the dates' chain.
        batch = batch_of(self)
        events = info.context.reading.relations.by_pk(
            EventPage,
            {item.event_id for item in batch.items},
            batch.chain,
            select=("locale", "image", "place", "organiser"),
            prefetch=("topics", "audiences", "languages", "cancellations", "image__renditions"),
        )
        return events[self.event_id]
