"""
Whether a room is free: no confirmed room request and no event in it at that time.

Shared by the request form (``offers.submissions.request_room``) and the moderators'
room planner, which must not confirm two groups into one room. An event with a
recurrence rule blocks the room at each of its dates (``EventPage.occurrences``).
"""

from pages.models import EventPage

from offers.choices import RoomRequestStatus
from offers.models import RoomRequest


def conflicts(room, start, end, *, exclude=None):
    """The confirmed requests and events that use ``room`` during ``[start, end)``."""
    requests = RoomRequest.objects.filter(room=room, status=RoomRequestStatus.CONFIRMED, start__lt=end, end__gt=start)
    if exclude is not None:
        requests = requests.exclude(pk=exclude.pk)
    found = list(requests)
    # Candidates: events that begin before the end (a series may reach far beyond its first date).
    events = EventPage.objects.filter(room=room, start__lt=end).prefetch_related("cancellations")
    seen = set()
    for event in events:
        if event.translation_key in seen or not event.occurrences(start, end):
            continue
        seen.add(event.translation_key)
        found.append(event)
    return found


def is_free(room, start, end, *, exclude=None) -> bool:
    return not conflicts(room, start, end, exclude=exclude)
