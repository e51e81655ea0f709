"""Public holidays in Saxony near a given day, so demo opening exceptions are always current."""

import datetime

from dateutil.easter import easter


def saxon_holidays(year):
    """The statutory public holidays in Saxony in ``year`` as (date, German name)."""
    easter_sunday = easter(year)
    # Buß- und Bettag: the Wednesday before 23 November.
    penance_day = datetime.date(year, 11, 22)
    while penance_day.weekday() != 2:
        penance_day -= datetime.timedelta(days=1)
    return [
        (datetime.date(year, 1, 1), "Neujahr"),
        (easter_sunday - datetime.timedelta(days=2), "Karfreitag"),
        (easter_sunday + datetime.timedelta(days=1), "Ostermontag"),
        (datetime.date(year, 5, 1), "Tag der Arbeit"),
        (easter_sunday + datetime.timedelta(days=39), "Christi Himmelfahrt"),
        (easter_sunday + datetime.timedelta(days=50), "Pfingstmontag"),
        (datetime.date(year, 10, 3), "Tag der Deutschen Einheit"),
        (datetime.date(year, 10, 31), "Reformationstag"),
        (penance_day, "Buß- und Bettag"),
        (datetime.date(year, 12, 25), "1. Weihnachtstag"),
        (datetime.date(year, 12, 26), "2. Weihnachtstag"),
    ]


def upcoming_holidays(today, count=4):
    """The next ``count`` holidays from ``today`` on (today included)."""
    dates = saxon_holidays(today.year) + saxon_holidays(today.year + 1)
    return [(day, name) for day, name in sorted(dates) if day >= today][:count]
