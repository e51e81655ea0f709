"""
Events as an iCalendar (RFC 5545) document.

A recurring event stays one VEVENT with its RRULE and an EXDATE per cancelled date, so
calendar apps show the series as a series and pick up cancellations on their next
refresh. Times carry ``TZID=Europe/Berlin`` with a VTIMEZONE, so an 18:00 course stays at
18:00 across the change to and from summer time in every app.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from public_content.links import public_site_url, website_url

PRODID = "-//Willkommenszentrum Leipzig//welcome platform//DE"


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


def _local(value):
    return timezone.localtime(value, _zone())


def recurrence(rule_text):
    """The editor's rule as a ``vRecur``, with ``UNTIL`` in UTC as RFC 5545 requires for zoned starts."""
    text = rule_text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    rule = vRecur.from_ical(text)
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if not isinstance(until, datetime.datetime):
            until = datetime.datetime.combine(until, datetime.time(23, 59, 59))
        if until.tzinfo is None:
            until = until.replace(tzinfo=_zone())
        rule["UNTIL"] = [until.astimezone(datetime.timezone.utc)]
    return rule


def event_component(page, *, uid_domain, stamp, site_url, language=None):
    start, end = _local(page.start), _local(page.end)
    event = Event()
    event.add("uid", f"event-{page.translation_key}@{uid_domain}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", page.title)
    # The event's page on the website, in the feed's language (the page's own by default).
    url = website_url(site_url, page, language or page.locale.language_code)
    description = page.summary
    if url:
        event.add("url", url)
        description = f"{description}\n\n{url}"
    event.add("description", description)
    if page.place_id:
        event.add("location", f"{page.place.name}, {page.place.address}")
        event.add("geo", (float(page.place.latitude), float(page.place.longitude)))
    elif page.online_url:
        event.add("location", page.online_url)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.timezone.utc))
    if page.recurrence_rule:
        event.add("rrule", recurrence(page.recurrence_rule))
        for cancellation in page.cancellations.all():
            # EXDATE names the cancelled occurrence by its exact start, in DTSTART's zone.
            event.add("exdate", datetime.datetime.combine(cancellation.date, start.time(), tzinfo=_zone()))
    return event


def calendar(name, pages, *, uid_domain, language=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    stamp = timezone.now().astimezone(datetime.timezone.utc)
    site_url = public_site_url()
    for page in pages:
        cal.add_component(event_component(page, uid_domain=uid_domain, stamp=stamp, site_url=site_url, language=language))
    cal.add_missing_timezones()
    return cal.to_ical()
