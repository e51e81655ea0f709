"""
schema.org data (JSON-LD) for services and events, so search engines and assistants can
answer "where is counselling in Arabic near me" or "what is on this week" from our pages.

Built from the same API answer the page shows, so it carries nothing the page does not.
JSON-LD is data, not script: ``<script type="application/ld+json">`` is never executed,
so the Content-Security-Policy's ``script-src 'self'`` does not concern it. It is still
HTML, so ``<``, ``>`` and ``&`` are written as JSON escapes and a title containing
``</script>`` cannot end the element.
"""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from website.rendering import absolute

SCHEMA_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: Dates of a series described, at most (the page lists more; search engines need the next few).
MAX_EVENT_DATES = 10
CITY = {"@type": "City", "name": "Leipzig"}
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES))  # noqa: S308


def postal_address(place):
    return {
        "@type": "PostalAddress",
        "streetAddress": place.get("street", ""),
        "postalCode": place.get("postcode", ""),
        "addressLocality": place.get("city") or "Leipzig",
        "addressCountry": "DE",
    }


def place_data(place):
    return {
        "@type": "Place",
        "name": place["name"],
        "address": postal_address(place),
        "geo": {"@type": "GeoCoordinates", "latitude": place["latitude"], "longitude": place["longitude"]},
    }


def partner_data(partner, request):
    if not partner:
        return None
    url = reverse("website:partner", kwargs={"lang": request.language.code, "slug": partner["slug"]})
    return {"@type": "Organization", "name": partner["title"], "url": absolute(request, url)}


def service_data(service, *, url, request):
    """
    A ``Service`` (``GovernmentService`` when a public office offers it): opening hours as
    ``hoursAvailable``; the languages spoken, the places (address, coordinates) and the
    contact as its ``ServiceChannel``s, where schema.org defines them.
    """
    provider = service["provider"]
    public_office = bool(provider) and provider.get("kind") == "PUBLIC_OFFICE"
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if public_office else "Service",
        "name": service["title"],
        "description": service["summary"],
        "url": url,
        "areaServed": CITY,
        "hoursAvailable": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_WEEKDAYS[(interval['weekday'] - 1) % 7]}",
                "opens": interval["opens"],
                "closes": interval["closes"],
            }
            for interval in service["openingHours"]["weekly"]
        ],
    }
    if provider:
        data["provider"] = partner_data(provider, request)
    channel = {
        "@type": "ServiceChannel",
        "serviceUrl": url,
        "availableLanguage": [
            {"@type": "Language", "name": spoken["nativeName"], "alternateName": spoken["code"]}
            for spoken in service["languages"]
        ],
    }
    contact = {key: service[field] for key, field in (("telephone", "phone"), ("email", "email")) if service[field]}
    if contact:
        channel["servicePhone"] = {"@type": "ContactPoint", **contact}
    places = service["places"]
    data["availableChannel"] = [{**channel, "serviceLocation": place_data(place)} for place in places] or [channel]
    return data


def _cancelled_dates(event, now):
    """Start and end of the series' cancelled dates still to come (``occurrences`` leaves them out)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    first = datetime.fromisoformat(event["start"]).astimezone(zone)
    duration = datetime.fromisoformat(event["end"]) - first
    for day in event["cancelledDates"]:
        start = datetime.combine(date.fromisoformat(day), first.time(), tzinfo=zone)
        if start >= now:
            yield start, start + duration


def event_data(event, *, url, request, now=None):
    """One schema.org ``Event`` per coming date (at most ``MAX_EVENT_DATES``), cancelled dates marked so."""
    now = now or timezone.now()
    place = event["place"]
    locations = []
    if place:
        locations.append(place_data(place))
    if event["onlineUrl"]:
        locations.append({"@type": "VirtualLocation", "url": event["onlineUrl"]})
    mode = "Mixed" if place and event["onlineUrl"] else "Online" if event["onlineUrl"] else "Offline"
    spoken = [each["code"] for each in event["languages"]] or [event["locale"]]
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event["title"],
        "description": event["summary"],
        "url": url,
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "inLanguage": spoken[0] if len(spoken) == 1 else spoken,
        "isAccessibleForFree": event["isFree"],
    }
    if locations:
        common["location"] = locations[0] if len(locations) == 1 else locations
    if event["organiser"]:
        common["organizer"] = partner_data(event["organiser"], request)
    if event["image"] and event["image"]["rendition"]:
        common["image"] = absolute(request, event["image"]["rendition"]["url"])

    dates = [
        (datetime.fromisoformat(each["start"]), datetime.fromisoformat(each["end"]), "EventScheduled")
        for each in event["occurrences"]
    ]
    dates += [(start, end, "EventCancelled") for start, end in _cancelled_dates(event, now)]
    if not dates:
        # A past event: described by its own dates.
        dates = [(datetime.fromisoformat(event["start"]), datetime.fromisoformat(event["end"]), "EventScheduled")]
    dates = sorted(dates)[:MAX_EVENT_DATES]
    return [
        {**common, "startDate": start.isoformat(), "endDate": end.isoformat(), "eventStatus": f"https://schema.org/{status}"}
        for start, end, status in dates
    ]
