"""directory.opening_hours.next_opening: when a closed service opens next (the kiosk's "opens next")."""

import datetime
from zoneinfo import ZoneInfo

from directory.opening_hours import DatedException, Interval, Opening, is_open_at, next_opening

BERLIN = ZoneInfo("Europe/Berlin")
T = datetime.time
D = datetime.date
TUESDAY_MORNING = Interval(2, T(9), T(12), place_id=1)
TUESDAY_AFTERNOON = Interval(2, T(13), T(16), place_id=2)
THURSDAY = Interval(4, T(14), T(18), place_id=1)


def at(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


# 1 December 2026 is a Tuesday.
def test_later_the_same_day_or_on_a_later_weekday():
    hours = [THURSDAY, TUESDAY_AFTERNOON, TUESDAY_MORNING]
    assert next_opening(hours, [], at(2026, 12, 1, 7, 0)) == Opening(at(2026, 12, 1, 9), at(2026, 12, 1, 12), 1)
    assert next_opening(hours, [], at(2026, 12, 1, 12, 30)) == Opening(at(2026, 12, 1, 13), at(2026, 12, 1, 16), 2)
    assert next_opening(hours, [], at(2026, 12, 1, 16, 0)) == Opening(at(2026, 12, 3, 14), at(2026, 12, 3, 18), 1)
    # Sunday: on to next week's Tuesday.
    assert next_opening(hours, [], at(2026, 12, 6, 10, 0)).opens == at(2026, 12, 8, 9)


def test_an_opening_at_that_very_minute_counts_one_under_way_does_not():
    assert next_opening([TUESDAY_MORNING], [], at(2026, 12, 1, 9, 0)).opens == at(2026, 12, 1, 9)
    assert next_opening([TUESDAY_MORNING], [], at(2026, 12, 1, 9, 1)).opens == at(2026, 12, 8, 9)


def test_the_moment_is_read_in_berlin_time():
    # 07:30 UTC is 08:30 in Berlin in winter: the Tuesday morning is still to come.
    moment = datetime.datetime(2026, 12, 1, 7, 30, tzinfo=datetime.UTC)
    assert next_opening([TUESDAY_MORNING], [], moment).opens == at(2026, 12, 1, 9)


def test_closures_are_skipped_and_special_hours_replace_the_day():
    christmas = DatedException(D(2026, 12, 22), D(2027, 1, 5), closed=True)
    assert next_opening([TUESDAY_MORNING], [christmas], at(2026, 12, 21, 10)).opens == at(2027, 1, 12, 9)
    short_day = DatedException(D(2026, 12, 1), D(2026, 12, 1), False, T(10), T(11))
    assert next_opening([TUESDAY_MORNING], [short_day], at(2026, 12, 1, 8)) == Opening(at(2026, 12, 1, 10), at(2026, 12, 1, 11), None)
    saturday = DatedException(D(2026, 12, 5), D(2026, 12, 5), False, T(10), T(14))
    assert next_opening([TUESDAY_MORNING], [saturday], at(2026, 12, 2, 8)).opens == at(2026, 12, 5, 10)


def test_none_within_the_month():
    assert next_opening([], [], at(2026, 12, 1, 8)) is None
    summer = DatedException(D(2027, 7, 1), D(2027, 8, 31), closed=True)
    assert next_opening([TUESDAY_MORNING], [summer], at(2027, 7, 1, 8)) is None
    assert next_opening([TUESDAY_MORNING], [summer], at(2027, 7, 1, 8), days=70).opens == at(2027, 9, 7, 9)


def test_across_the_change_to_summer_time():
    # 28 March 2027 is the Sunday the clocks go forward: 09:00 is still 09:00 in Leipzig.
    sunday = Interval(7, T(9), T(12))
    opening = next_opening([sunday], [], at(2027, 3, 27, 20))
    assert opening.opens == at(2027, 3, 28, 9) and opening.opens.utcoffset() == datetime.timedelta(hours=2)


def test_what_is_open_at_an_opening_is_open_by_is_open_at():
    hours = [TUESDAY_MORNING, THURSDAY]
    opening = next_opening(hours, [], at(2026, 12, 1, 13))
    assert is_open_at(hours, [], opening.opens)
    assert not is_open_at(hours, [], opening.closes)
