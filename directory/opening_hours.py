"""
Opening hours as data: weekly intervals plus dated exceptions.

Pure functions over plain values, shared by the admin form (validation) and the API
(``openAt``), so that what an editor is allowed to save is exactly what the API can
reason about.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time

from django.utils import timezone


@dataclass(frozen=True)
class Interval:
    weekday: int  # ISO weekday, 1 = Monday
    opens: time
    closes: time
    place_id: int | None = None


@dataclass(frozen=True)
class DatedException:
    start_date: date
    end_date: date
    closed: bool
    opens: time | None = None
    closes: time | None = None

    def covers(self, day):
        return self.start_date <= day <= self.end_date


def find_overlaps(intervals):
    """Return the pairs of intervals that overlap on the same weekday at the same place."""
    groups = defaultdict(list)
    for interval in intervals:
        groups[(interval.weekday, interval.place_id)].append(interval)
    overlaps = []
    for group in groups.values():
        group.sort(key=lambda interval: (interval.opens, interval.closes))
        # Compare with the interval that closes last so far, not only the neighbour:
        # 9–17 overlaps 12–13 even when 10–11 sorts between them.
        latest = None
        for interval in group:
            if latest is not None and interval.opens < latest.closes:
                overlaps.append((latest, interval))
            if latest is None or interval.closes > latest.closes:
                latest = interval
    return overlaps


def is_open_at(intervals, exceptions, moment):
    """
    Whether a service is open at ``moment`` (aware datetime; read in Europe/Berlin).

    A dated exception for that day replaces the weekly pattern: closed all day, or open
    only in its own hours.
    """
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    day, clock = local.date(), local.time()
    for exception in exceptions:
        if exception.covers(day):
            if exception.closed or exception.opens is None or exception.closes is None:
                return False
            return exception.opens <= clock < exception.closes
    weekday = day.isoweekday()
    return any(
        interval.weekday == weekday and interval.opens <= clock < interval.closes
        for interval in intervals
    )


__all__ = ["DatedException", "Interval", "find_overlaps", "is_open_at"]
