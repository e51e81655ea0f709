"""
EventPage.occurrences: recurring events expand on Berlin wall-clock time, across the change
from summer to winter time, without cancelled dates; single events appear once.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from pages.models import EventCancellation, EventPage

BERLIN = ZoneInfo("Europe/Berlin")

pytestmark = pytest.mark.django_db  # a new Page looks up its content type


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def event(start, hours=2, rule="", cancelled=()):
    """An unsaved event with its cancellations held in memory, as in a preview."""
    page = EventPage(title="Sprachcafé", start=start, end=start + datetime.timedelta(hours=hours), recurrence_rule=rule)
    page.cancellations = [EventCancellation(date=day) for day in cancelled]
    return page


def local_starts(occurrences):
    return [start.astimezone(BERLIN).strftime("%a %d.%m. %H:%M %Z") for start, _end in occurrences]


def test_weekly_rule_keeps_18_00_across_the_end_of_summer_time():
    # Summer time ends on Sunday 25 October 2026; the Tuesday course stays at 18:00 local time.
    course = event(berlin(2026, 10, 13, 18, 0), rule="FREQ=WEEKLY;BYDAY=TU;COUNT=4")

    occurrences = course.occurrences(berlin(2026, 10, 1), berlin(2026, 12, 1))

    assert local_starts(occurrences) == [
        "Tue 13.10. 18:00 CEST",
        "Tue 20.10. 18:00 CEST",
        "Tue 27.10. 18:00 CET",
        "Tue 03.11. 18:00 CET",
    ]
    # In UTC the course moves by an hour, as it must.
    utc_hours = [start.astimezone(datetime.UTC).hour for start, _end in occurrences]
    assert utc_hours == [16, 16, 17, 17]
    assert all(end - start == datetime.timedelta(hours=2) for start, end in occurrences)


def test_cancelled_dates_are_left_out():
    course = event(
        berlin(2026, 10, 13, 18, 0), rule="FREQ=WEEKLY;COUNT=4", cancelled=[datetime.date(2026, 10, 20)]
    )

    occurrences = course.occurrences(berlin(2026, 10, 1), berlin(2026, 12, 1))

    assert [start.date() for start, _end in occurrences] == [
        datetime.date(2026, 10, 13),
        datetime.date(2026, 10, 27),
        datetime.date(2026, 11, 3),
    ]


def test_recurring_event_only_yields_occurrences_in_the_window():
    course = event(berlin(2026, 1, 6, 18, 0), rule="FREQ=WEEKLY")  # no end: expanded lazily

    occurrences = course.occurrences(berlin(2026, 11, 1), berlin(2026, 11, 15))

    assert local_starts(occurrences) == ["Tue 03.11. 18:00 CET", "Tue 10.11. 18:00 CET"]


def test_occurrence_running_into_the_window_is_included():
    course = event(berlin(2026, 11, 3, 23, 0), hours=3, rule="FREQ=DAILY;COUNT=3")

    occurrences = course.occurrences(berlin(2026, 11, 4, 1, 0), berlin(2026, 11, 4, 2, 0))

    assert local_starts(occurrences) == ["Tue 03.11. 23:00 CET"]


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ((berlin(2026, 12, 1), berlin(2026, 12, 2)), 1),  # inside
        ((berlin(2026, 12, 1, 19, 0), berlin(2026, 12, 1, 19, 30)), 1),  # while it runs
        ((berlin(2026, 12, 1, 20, 0), berlin(2026, 12, 2)), 0),  # window starts as it ends
        ((berlin(2026, 11, 1), berlin(2026, 12, 1, 18, 0)), 0),  # window ends as it starts
        ((berlin(2027, 1, 1), berlin(2027, 2, 1)), 0),  # after
    ],
)
def test_single_event_is_in_or_out_of_the_window(window, expected):
    single = event(berlin(2026, 12, 1, 18, 0))

    occurrences = single.occurrences(*window)

    assert len(occurrences) == expected
    if expected:
        assert occurrences == [(single.start, single.end)]


def test_cancelled_single_event_is_left_out():
    single = event(berlin(2026, 12, 1, 18, 0), cancelled=[datetime.date(2026, 12, 1)])

    assert single.occurrences(berlin(2026, 12, 1), berlin(2026, 12, 2)) == []


def test_rule_with_utc_until_ends_on_the_right_local_day():
    # 20261110T165959Z is 17:59:59 in Berlin: the 18:00 course on 10 November is excluded.
    course = event(berlin(2026, 10, 27, 18, 0), rule="FREQ=WEEKLY;UNTIL=20261110T165959Z")

    occurrences = course.occurrences(berlin(2026, 10, 1), berlin(2026, 12, 1))

    assert local_starts(occurrences) == ["Tue 27.10. 18:00 CET", "Tue 03.11. 18:00 CET"]
