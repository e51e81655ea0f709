"""
Which rooms the platform books: one rule for the request form, the API and the planner.

Rooms are an inline of their place, and a translated place carries its own copies of them
(same name, other ids). Requests, events and conflicts are kept on the source language's
rows: were a copy bookable as well, one hall would have a calendar per language and could
be lent twice at the same time. So only rooms of source-locale places are listed or accepted.
"""

from directory.models import Room
from translation import locales


def source_rooms():
    """Every room of a place in the source language (German), whether lent or not."""
    return Room.objects.filter(place__locale__language_code=locales.source_code())


def bookable():
    """The rooms a group may ask for: the Stadthaus lends them free of charge."""
    return source_rooms().filter(bookable_by_partners=True)
