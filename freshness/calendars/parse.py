"""
Reading an iCalendar file into what an event page holds: one ``FeedEvent`` per UID, its
fields as plain JSON values (the ``fingerprint`` compared on the next import).

Mapping: SUMMARY → title, DESCRIPTION (plain text) → description (paragraphs) and summary,
DTSTART/DTEND in their time zones (a floating time is Leipzig's; an all-day event runs from
midnight to midnight, Leipzig time), RRULE (checked by the events' own rule, which refuses
sub-daily series), EXDATE and cancelled single dates of a series → cancelled dates,
LOCATION → a place of that name (or, if it is an address on the web, the online link),
URL → the registration link. A changed single date of a series (RECURRENCE-ID without
STATUS:CANCELLED) is not imported: an event page has one time for all its dates.
"""

import datetime
from dataclasses import dataclass, field

import icalendar
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape, strip_tags

from freshness.calendars.choices import Note
from pages.models.events import parse_recurrence

#: Fields of an event page that follow the feed (and the fingerprint's keys).
FIELDS = [
    "title",
    "summary",
    "description",
    "start",
    "end",
    "recurrence_rule",
    "cancelled_dates",
    "place",
    "online_url",
    "registration_url",
]
SUMMARY_LENGTH = 400


class Malformed(ValueError):
    """Not an iCalendar file at all: the import keeps the last good state."""


@dataclass
class FeedEvent:
    uid: str
    values: dict = field(default_factory=dict)
    cancelled: bool = False
    location: str = ""
    notes: list = field(default_factory=list)


@dataclass
class FeedContent:
    events: dict  # uid → FeedEvent
    broken: list  # descriptions of VEVENTs that could not be read


def parse(body):
    """The events of ``body`` (bytes) by UID; raises ``Malformed``."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except (ValueError, IndexError, KeyError, UnicodeError) as error:
        raise Malformed(str(error)[:255]) from error
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise Malformed("no VCALENDAR")
    events, broken, exceptions = {}, [], []
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID", "")).strip()[:255]
        if not uid:
            broken.append("a VEVENT without UID")
        elif component.get("RECURRENCE-ID") is not None:
            exceptions.append((uid, component))
        else:
            try:
                events[uid] = read_event(uid, component)
            except (ValueError, TypeError, AttributeError, KeyError) as error:
                broken.append(f"{uid}: {error}"[:255])
                events[uid] = FeedEvent(uid=uid)  # seen: not "removed"
    for uid, component in exceptions:
        master = events.get(uid)
        if master is None or not master.values:
            continue
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            try:
                day = local_date(component.decoded("RECURRENCE-ID"))
            except (ValueError, TypeError, KeyError):
                continue
            master.values["cancelled_dates"] = sorted({*master.values["cancelled_dates"], day.isoformat()})
        else:
            master.notes.append([Note.CHANGED_DATE, ""])
    return FeedContent(events=events, broken=broken)


def read_event(uid, component):
    start, end = component.start, component.end  # icalendar: end from DTEND, DURATION, or the RFC's default
    all_day = not isinstance(start, datetime.datetime)
    start, end = aware(start), aware(end)
    event = FeedEvent(uid=uid, cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED")
    if end <= start:
        end = start + datetime.timedelta(hours=1)
        event.notes.append([Note.NO_END, ""])
    if all_day:
        event.notes.append([Note.ALL_DAY, ""])
    title = " ".join(str(component.get("SUMMARY", "")).split())[:255] or uid
    text = str(component.get("DESCRIPTION", "")).strip()
    location = " ".join(str(component.get("LOCATION", "")).split())[:255]
    url = str(component.get("URL", "")).strip()
    event.location = location
    event.values = {
        "title": title,
        "summary": (" ".join(text.split()) or title)[:SUMMARY_LENGTH],
        "description": paragraphs(text),
        "start": instant(start),
        "end": instant(end),
        "recurrence_rule": recurrence(component, start, event.notes),
        "cancelled_dates": sorted({local_date(day).isoformat() for day in component.exdates}),
        "place": None,  # matched by name by the import, which knows the places
        "online_url": location[:200] if is_web_address(location) else "",
        "registration_url": url[:200] if is_web_address(url) else "",
    }
    return event


def recurrence(component, start, notes):
    rules = component.get("RRULE")
    if not rules:
        return ""
    rule = (rules[0] if isinstance(rules, list) else rules).to_ical().decode()
    try:
        parse_recurrence(rule, timezone.localtime(start).replace(tzinfo=None))
    except ValidationError as error:
        notes.append([Note.RULE, f"{rule}: {' '.join(error.messages)}"])
        return ""
    return rule[:255]


def aware(value):
    """A date is midnight in Leipzig; a floating time is Leipzig's time."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return value


def instant(value):
    return value.astimezone(datetime.timezone.utc).isoformat()


def local_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(aware(value)).date()
    return value


def paragraphs(text):
    """Plain text as rich text: a paragraph per blank-line-separated block, line breaks kept."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{'<br/>'.join(escape(line) for line in block.splitlines())}</p>" for block in blocks if block)


def plain(html):
    """What a reader reads of rich text: the measure of "did an editor change it"."""
    return " ".join(strip_tags(html or "").split())


def is_web_address(text):
    return text.startswith(("http://", "https://")) and " " not in text
