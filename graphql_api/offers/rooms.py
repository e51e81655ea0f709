"""
``bookableRooms``: the rooms a group may ask for (``requestRoom``), for the request form.

Rooms are an inline of their place; a translated place has copies of them, so the list
names the rows of the source language (``offers.rooms.bookable``), the only ids
``requestRoom`` takes.
"""

import strawberry

from directory.models import Place
from offers import rooms
from public_content import dependencies


@strawberry.type(name="BookableRoom", description="A room the Stadthaus lends free of charge for groups' events.")
class BookableRoomType:
    id: strawberry.ID
    name: str
    capacity: int
    place_name: str
    address: str


@strawberry.type
class Query:
    @strawberry.field(description="Rooms a group may request for its event (`requestRoom`).")
    def bookable_rooms(self) -> list[BookableRoomType]:
        dependencies.read_list(Place)
        bookable = (
            rooms.bookable()
            .select_related("place")
            .order_by("place__name", "sort_order", "name")
        )
        return [
            BookableRoomType(
                id=strawberry.ID(str(room.pk)), name=room.name, capacity=room.capacity,
                place_name=room.place.name, address=f"{room.place.street}, {room.place.postcode} {room.place.city}",
            )
            for room in bookable
        ]
