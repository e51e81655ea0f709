"""Events relative to today: single, recurring (with a cancelled date) and online."""

import datetime

from django.utils import timezone

from demo.content.events import EVENTS
from demo.keys import demo_text
from demo.steps.pages import ensure_page
from pages.models import EventCancellation, EventPage
from pages.models.events import first_date, parse_recurrence


def _start(data):
    """``day`` days from today at ``time``, moved on to the rule's first date for a series."""
    day = timezone.localdate() + datetime.timedelta(days=data["day"])
    naive = datetime.datetime.combine(day, datetime.time.fromisoformat(data["time"]))
    if data.get("rule"):
        naive = first_date(data["rule"], naive)
    return timezone.make_aware(naive)


def _cancellations(data, start):
    if not data.get("cancel"):
        return []
    occurrences = list(parse_recurrence(data["rule"], timezone.localtime(start).replace(tzinfo=None)))
    return [
        EventCancellation(date=occurrences[number].date(), reason="Fällt aus (Demo: Feiertag oder Krankheit)")
        for number in data["cancel"]
    ]


def _room(context, data):
    """The named room of the event's place (the room planner shows the event beside requests)."""
    if not data.get("room"):
        return None
    return context.places[data["place"]].rooms.get(name=data["room"])


def create_events(context):
    made = 0
    for data in EVENTS:
        start = _start(data)
        parent = context.indexes["events"] if data["parent"] == "index" else context.partners[data["parent"]]
        page, created = ensure_page(
            parent, EventPage, f"event:{data['key']}",
            slug=data["key"],
            title=data["title"],
            summary=demo_text(data["summary"]),
            description=f"<p>{data['summary']}</p>",
            start=start,
            end=start + datetime.timedelta(hours=data["hours"]),
            recurrence_rule=data.get("rule", ""),
            cancellations=_cancellations(data, start),
            place=context.places.get(data.get("place")),
            room=_room(context, data),
            online_url=data.get("online", ""),
            organiser=context.partners.get(data["parent"]) or context.partners["welcome-center"],
            registration=data.get("registration", "none"),
            registration_url=data.get("registration_url", ""),
            is_free=data.get("free", True),
            cost=data.get("cost", ""),
            topics=context.pick(context.topics, data["topics"]),
            audiences=context.pick(context.audiences, data["audiences"]),
            languages=context.pick(context.spoken, data["languages"]),
        )
        context.events[data["key"]] = page
        made += created
    return made
