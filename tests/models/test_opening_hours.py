"""directory.opening_hours: the pure rules behind the form validation and the API's openAt."""

import datetime
from zoneinfo import ZoneInfo

from directory.opening_hours import DatedException, Interval, find_overlaps, is_open_at

BERLIN = ZoneInfo("Europe/Berlin")
T = datetime.time
TUESDAY_MORNING = Interval(2, T(9), T(12))
TUESDAY_AFTERNOON = Interval(2, T(13), T(16))


def at(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


# 1 December 2026 is a Tuesday.
def test_open_inside_a_weekly_interval_and_closed_outside():
    hours = [TUESDAY_MORNING, TUESDAY_AFTERNOON]

    assert is_open_at(hours, [], at(2026, 12, 1, 9, 0))
    assert not is_open_at(hours, [], at(2026, 12, 1, 12, 0))  # closing time is exclusive
    assert not is_open_at(hours, [], at(2026, 12, 1, 12, 30))
    assert not is_open_at(hours, [], at(2026, 12, 2, 10, 0))  # Wednesday


def test_moment_is_read_in_berlin_time():
    # 08:30 UTC is 09:30 in Berlin in winter.
    assert is_open_at([TUESDAY_MORNING], [], datetime.datetime(2026, 12, 1, 8, 30, tzinfo=datetime.UTC))
    assert not is_open_at([TUESDAY_MORNING], [], datetime.datetime(2026, 12, 1, 11, 30, tzinfo=datetime.UTC))


def test_closure_exception_closes_the_whole_range():
    christmas = DatedException(datetime.date(2026, 12, 22), datetime.date(2027, 1, 5), closed=True)

    assert not is_open_at([TUESDAY_MORNING], [christmas], at(2026, 12, 29, 10, 0))
    assert is_open_at([TUESDAY_MORNING], [christmas], at(2027, 1, 12, 10, 0))


def test_special_hours_replace_the_weekly_pattern_that_day():
    short_day = DatedException(datetime.date(2026, 12, 1), datetime.date(2026, 12, 1), False, T(10), T(11))

    assert is_open_at([TUESDAY_MORNING], [short_day], at(2026, 12, 1, 10, 30))
    assert not is_open_at([TUESDAY_MORNING], [short_day], at(2026, 12, 1, 9, 30))


def test_special_opening_on_a_day_without_weekly_hours():
    saturday = DatedException(datetime.date(2026, 12, 5), datetime.date(2026, 12, 5), False, T(10), T(14))

    assert is_open_at([TUESDAY_MORNING], [saturday], at(2026, 12, 5, 12, 0))


def test_no_overlaps_between_adjacent_or_separate_intervals():
    assert find_overlaps([TUESDAY_MORNING, Interval(2, T(12), T(13)), TUESDAY_AFTERNOON]) == []


def test_overlap_on_the_same_day_and_place_is_found():
    late = Interval(2, T(11), T(14))

    assert find_overlaps([late, TUESDAY_MORNING]) == [(TUESDAY_MORNING, late)]


def test_other_day_or_other_place_is_no_overlap():
    assert find_overlaps([TUESDAY_MORNING, Interval(3, T(9), T(12))]) == []
    assert find_overlaps([Interval(2, T(9), T(12), 1), Interval(2, T(9), T(12), 2)]) == []


def test_identical_intervals_overlap():
    twin = Interval(2, T(9), T(12))

    assert len(find_overlaps([TUESDAY_MORNING, twin])) == 1


def test_interval_inside_a_long_one_is_found_past_a_shorter_neighbour():
    long_day = Interval(5, T(9), T(17))
    first, second = Interval(5, T(10), T(11)), Interval(5, T(12), T(13))

    assert find_overlaps([second, first, long_day]) == [(long_day, first), (long_day, second)]
