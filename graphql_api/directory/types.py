"""Partners, services, places and opening hours."""

from datetime import date, datetime, time

import strawberry
import strawberry_django

from directory.models import PartnerIndexPage, PartnerPage, Place, Room, ServicePage
from graphql_api.context import Info
from public_content import dependencies
from public_content.moments import moment
from graphql_api.directory.enums import (
    AccessibilityEnum,
    AppointmentEnum,
    ChannelEnum,
    CostEnum,
    PartnerKindEnum,
)
from graphql_api.media.types import ImageType
from graphql_api.pages.interface import PageInterface
from graphql_api.pages.richtext import to_html
from graphql_api.pages.types import ContentPageInterface, PublicQuerySetMixin


@strawberry_django.type(Room, name="Room")
class RoomType:
    name: str
    capacity: int
    bookable_by_partners: bool
    notes: str


@strawberry_django.type(Place, name="Place")
class PlaceType:
    id: strawberry.ID
    name: str
    street: str
    postcode: str
    city: str
    district: str
    accessibility_notes: str
    directions: str
    translation_key: strawberry.ID
    rooms: list[RoomType]

    @strawberry_django.field(only=["street", "postcode", "city"])
    def address(self) -> str:
        return self.address

    @strawberry_django.field(only=["latitude"])
    def latitude(self) -> float:
        return float(self.latitude)

    @strawberry_django.field(only=["longitude"])
    def longitude(self) -> float:
        return float(self.longitude)

    @strawberry_django.field(only=["accessibility"])
    def accessibility(self) -> AccessibilityEnum:
        return AccessibilityEnum(self.accessibility)

    @strawberry_django.field(select_related=["locale"], only=["locale__language_code"])
    def locale(self) -> str:
        return self.locale.language_code


@strawberry.type(name="OpeningInterval", description="A weekly interval; weekday is ISO (1 = Monday).")
class OpeningIntervalType:
    weekday: int
    opens: time
    closes: time
    place: PlaceType | None


@strawberry.type(name="OpeningException", description="A dated change: closed, or special hours.")
class OpeningExceptionType:
    start_date: date
    end_date: date
    closed: bool
    opens: time | None
    closes: time | None
    note: str


@strawberry.type(name="OpeningHours")
class OpeningHoursType:
    weekly: list[OpeningIntervalType]
    exceptions: list[OpeningExceptionType]


@strawberry.type(name="Opening", description="One dated opening (Leipzig time), at a place or, for special hours of a day, at every place.")
class OpeningType:
    opens: datetime
    closes: datetime
    place: PlaceType | None


OPENING_PREFETCH = ["opening_hours__place", "opening_exceptions"]


@strawberry_django.type(PartnerIndexPage, name="PartnerIndexPage")
class PartnerIndexPageType(PublicQuerySetMixin, PageInterface):
    intro: str


@strawberry_django.type(PartnerPage, name="Partner")
class PartnerType(PublicQuerySetMixin, ContentPageInterface):
    website: str
    email: str
    phone: str
    logo: ImageType | None = strawberry_django.field()

    @strawberry_django.field(only=["kind"])
    def kind(self) -> PartnerKindEnum:
        return PartnerKindEnum(self.kind)

    @strawberry_django.field(only=["about"], description="HTML with internal links resolved.")
    def about(self, info: Info) -> str:
        return to_html(self, "about", info)

    @strawberry_django.field(prefetch_related=["places"], description="Places in the reader's locale.")
    def places(self, info: Info) -> list[PlaceType]:
        return info.context.reading.relations.many(self, "places", Place)

    @strawberry_django.field(only=["translation_key"], description="The partner's public services, in the reader's locale.")
    def services(self, info: Info) -> list["ServiceType"]:
        return info.context.reading.relations.children(self, ServicePage, "provider")


@strawberry_django.type(ServicePage, name="Service")
class ServiceType(PublicQuerySetMixin, ContentPageInterface):
    cost_note: str
    phone: str
    email: str
    contact_url: str
    accessibility_notes: str

    @strawberry_django.field(only=["description"], description="HTML with internal links resolved.")
    def description(self, info: Info) -> str:
        return to_html(self, "description", info)

    @strawberry_django.field(only=["cost"])
    def cost(self) -> CostEnum:
        return CostEnum(self.cost)

    @strawberry_django.field(only=["appointment"])
    def appointment(self) -> AppointmentEnum:
        return AppointmentEnum(self.appointment)

    @strawberry_django.field(only=["in_person", "by_phone", "by_video", "by_email", "by_chat"])
    def channels(self) -> list[ChannelEnum]:
        return [ChannelEnum(channel.value) for channel in self.channels]

    @strawberry_django.field(select_related=["provider"], description="The partner offering it, in the reader's locale.")
    def provider(self, info: Info) -> PartnerType | None:
        return info.context.reading.relations.one(self, "provider", PartnerPage, pages=True)

    @strawberry_django.field(prefetch_related=["places"], description="Places in the reader's locale.")
    def places(self, info: Info) -> list[PlaceType]:
        return info.context.reading.relations.many(self, "places", Place)

    @strawberry_django.field(prefetch_related=OPENING_PREFETCH)
    def opening_hours(self, info: Info) -> OpeningHoursType:
        places = info.context.reading.relations.through_rows(self, "opening_hours", "place", Place)
        return OpeningHoursType(
            weekly=[
                OpeningIntervalType(
                    weekday=row.weekday,
                    opens=row.opens,
                    closes=row.closes,
                    place=places.get(row.place.translation_key) if row.place_id else None,
                )
                for row in sorted(self.opening_hours.all(), key=lambda row: (row.weekday, row.opens))
            ],
            exceptions=[
                OpeningExceptionType(
                    start_date=row.start_date,
                    end_date=row.end_date or row.start_date,
                    closed=row.closed,
                    opens=row.opens,
                    closes=row.closes,
                    note=row.note,
                )
                for row in sorted(self.opening_exceptions.all(), key=lambda row: row.start_date)
            ],
        )

    @strawberry_django.field(prefetch_related=OPENING_PREFETCH, description="Open right now (Europe/Berlin).")
    def open_now(self) -> bool:
        return ServicePage.is_open_at(self, dependencies.now())

    @strawberry_django.field(
        prefetch_related=OPENING_PREFETCH, description="Open at that time (without an offset: Leipzig time)."
    )
    def is_open_at(self, time: datetime) -> bool:
        return ServicePage.is_open_at(self, moment(time, "time"))

    @strawberry_django.field(
        prefetch_related=OPENING_PREFETCH,
        description=(
            "The first opening that starts at or after that time (without an offset: Leipzig time) in the"
            " month after it, dated exceptions included; null when there is none. What a closed list shows"
            " as \"opens next\"."
        ),
    )
    def next_opening(self, info: Info, after: datetime) -> OpeningType | None:
        opening = ServicePage.next_opening(self, moment(after, "after"))
        if opening is None:
            return None
        place = None
        if opening.place_id is not None:
            places = info.context.reading.relations.through_rows(self, "opening_hours", "place", Place)
            row = next(row for row in self.opening_hours.all() if row.place_id == opening.place_id)
            place = places.get(row.place.translation_key)
        return OpeningType(opens=opening.opens, closes=opening.closes, place=place)

    @strawberry.field(description="Distance in km from the point of a `near` filter; null without one.")
    def distance_km(self) -> float | None:
        distance = getattr(self, "near_distance", None)
        return None if distance is None else round(float(distance), 3)
