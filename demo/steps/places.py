"""Places with coordinates, and the rooms the Stadthaus lends to partners."""

from decimal import Decimal

from demo.content.places import PLACES
from demo.keys import demo_key
from directory.models import Place, Room


def create_places(context):
    made = 0
    for data in PLACES:
        place = Place.objects.filter(translation_key=demo_key(f"place:{data['key']}"), locale=context.source_locale).first()
        if place is None:
            place = Place(
                translation_key=demo_key(f"place:{data['key']}"),
                locale=context.source_locale,
                name=data["name"],
                street=data["street"],
                postcode=data["postcode"],
                district=data.get("district", ""),
                latitude=Decimal(data["latitude"]),
                longitude=Decimal(data["longitude"]),
                accessibility=data.get("accessibility", "unknown"),
                accessibility_notes=data.get("accessibility_notes", ""),
                directions=data.get("directions", ""),
            )
            place.rooms = [
                Room(name=name, capacity=capacity, bookable_by_partners=bookable, notes=notes)
                for name, capacity, bookable, notes in data.get("rooms", [])
            ]
            place.full_clean()
            place.save()
            made += 1
        context.places[data["key"]] = place
    return made
