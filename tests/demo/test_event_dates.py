"""Demo events say what they do: a text naming a weekday falls on that weekday, every time."""

import datetime

from django.utils import timezone

from pages.models import EventPage

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


def test_series_fall_on_the_weekday_their_text_names(demo_db):
    now = timezone.now()
    checked = 0
    for event in EventPage.objects.filter(locale__language_code="de").exclude(recurrence_rule=""):
        named = [index for index, day in enumerate(WEEKDAYS) if day in event.summary or day in event.title]
        dates = event.occurrences(now - datetime.timedelta(days=1), now + datetime.timedelta(days=92))
        assert dates, event.title
        # The start is the first date of the series.
        assert timezone.localtime(dates[0][0]) == timezone.localtime(event.start) or event.start < now
        for index in named:
            assert {timezone.localtime(start).weekday() for start, _end in dates} == {index}, event.title
            checked += 1
    assert checked >= 3
