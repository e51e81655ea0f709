"""
"Add to my calendar": one event as an iCalendar (RFC 5545) file, built from the API's answer.

The series is one VEVENT with its RRULE and an EXDATE per cancelled date, the same UID as
in the calendar feeds (``embed.ical``), so a calendar that has both shows it once; one date
of a series is a VEVENT of its own. Times carry ``TZID=Europe/Berlin`` with a VTIMEZONE,
as in the feeds. Only what the API answers reaches the file: a hidden event has no
calendar, as it has no page.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from embed.ical import PRODID, recurrence


def _local(text):
    return datetime.datetime.fromisoformat(text).astimezone(ZoneInfo(settings.TIME_ZONE))


def event_calendar(event, *, url, uid_domain, occurrence=None) -> bytes:
    """
    ``event`` (the API's ``Event``) as an iCalendar file: the whole series, or the one
    ``occurrence`` (``{start, end}`` of the API) of it.
    """
    component = Event()
    if occurrence is None:
        start, end = _local(event["start"]), _local(event["end"])
        component.add("uid", f"event-{event['translationKey']}@{uid_domain}")
    else:
        start, end = _local(occurrence["start"]), _local(occurrence["end"])
        component.add("uid", f"event-{event['translationKey']}-{start:%Y%m%dT%H%M}@{uid_domain}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event["title"])
    component.add("url", url)
    component.add("description", f"{event['summary']}\n\n{url}".strip())
    place = event["place"]
    if place:
        component.add("location", f"{place['name']}, {place['address']}")
        component.add("geo", (place["latitude"], place["longitude"]))
    elif event["onlineUrl"]:
        component.add("location", event["onlineUrl"])
    if event["lastPublishedAt"]:
        component.add("last-modified", datetime.datetime.fromisoformat(event["lastPublishedAt"]).astimezone(datetime.UTC))
    if occurrence is None and event["recurrenceRule"]:
        component.add("rrule", recurrence(event["recurrenceRule"]))
        for day in event["cancelledDates"]:
            # EXDATE names the cancelled date by its exact start, in DTSTART's zone.
            cancelled = datetime.datetime.combine(datetime.date.fromisoformat(day), start.time())
            component.add("exdate", cancelled.replace(tzinfo=start.tzinfo))

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()
