"""
Opening hours as data: weekly intervals plus dated exceptions.

Pure functions over plain values, shared by the admin form (validation) and the API
(``openAt``), so that what an editor is allowed to save is exactly what the API can
reason about.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

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
    clock = local.time()
    return any(opens <= clock < closes for opens, closes, _place in hours_on(intervals, exceptions, local.date()))


#: How far ahead ``next_opening`` looks: a month covers holidays and most closures.
NEXT_OPENING_DAYS = 31


@dataclass(frozen=True)
class Opening:
    """One dated opening: from ``opens`` to ``closes`` (aware, Leipzig time), at a place or at all of them."""

    opens: datetime
    closes: datetime
    place_id: int | None = None


def hours_on(intervals, exceptions, day):
    """
    ``(opens, closes, place_id)`` of one day, by opening time: a dated exception covering
    the day replaces the weekly pattern (closed: none; special hours: its own, at every place).
    """
    for exception in exceptions:
        if exception.covers(day):
            if exception.closed or exception.opens is None or exception.closes is None:
                return []
            return [(exception.opens, exception.closes, None)]
    weekday = day.isoweekday()
    return sorted(
        ((interval.opens, interval.closes, interval.place_id) for interval in intervals if interval.weekday == weekday),
        key=lambda hours: (hours[0], hours[1], hours[2] or 0),
    )


def next_opening(intervals, exceptions, moment, days=NEXT_OPENING_DAYS):
    """
    The first opening that starts at or after ``moment`` (aware datetime; read in
    Europe/Berlin) within ``days`` days, or ``None``. An interval already under way at
    ``moment`` has started: the answer is the one after it (what a closed screen shows as
    "opens next"). The same rules as ``is_open_at``.
    """
    zone = timezone.get_default_timezone()
    local = timezone.localtime(moment, zone) if timezone.is_aware(moment) else timezone.make_aware(moment, zone)
    for offset in range(days + 1):
        day = local.date() + timedelta(days=offset)
        for opens, closes, place_id in hours_on(intervals, exceptions, day):
            start = timezone.make_aware(datetime.combine(day, opens), zone)
            if start >= local:
                return Opening(start, timezone.make_aware(datetime.combine(day, closes), zone), place_id)
    return None


__all__ = [
    "NEXT_OPENING_DAYS",
    "DatedException",
    "Interval",
    "Opening",
    "find_overlaps",
    "hours_on",
    "is_open_at",
    "next_opening",
]
