"""
When a room is taken: by its events (each date of a series) and by confirmed requests.

The one answer for the request form (``offers.room_requests``: a taken room is refused),
the moderators' confirmation (``offers.bookings.confirm``: two groups never get one room)
and the room planner's week (``offers.admin.rooms``: the events beside the requests).
"""

from pages.models import EventPage

from offers.choices import RoomRequestStatus
from offers.models import RoomRequest


def events(room, start, end):
    """
    ``[(event, begin, finish)]``: the dates of the events in ``room`` during ``[start, end)``,
    by start. Translations of an event keep its room; a date they share with it counts once.
    """
    # Candidates: events that begin before the end (a series may reach far beyond its first date).
    candidates = EventPage.objects.filter(room=room, start__lt=end).order_by("pk").prefetch_related("cancellations")
    found, seen = [], set()
    for event in candidates:
        for begin, finish in event.occurrences(start, end):
            if (event.translation_key, begin, finish) not in seen:
                seen.add((event.translation_key, begin, finish))
                found.append((event, begin, finish))
    return sorted(found, key=lambda item: item[1])


def conflicts(room, start, end, *, exclude=None):
    """The confirmed requests and events that use ``room`` during ``[start, end)``."""
    requests = RoomRequest.objects.filter(room=room, status=RoomRequestStatus.CONFIRMED, start__lt=end, end__gt=start)
    if exclude is not None:
        requests = requests.exclude(pk=exclude.pk)
    taken_by = list(requests)
    for event, _begin, _finish in events(room, start, end):
        if event not in taken_by:
            taken_by.append(event)
    return taken_by


def is_free(room, start, end, *, exclude=None) -> bool:
    return not conflicts(room, start, end, exclude=exclude)
