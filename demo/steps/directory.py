"""Partner profiles and their services (child pages), with opening hours and holidays."""

import datetime

from django.utils import timezone

from demo.content.holidays import upcoming_holidays
from demo.content.partners import PARTNERS
from demo.content.services import SERVICES
from demo.keys import demo_text
from demo.steps.pages import ensure_page
from directory.models import OpeningException, OpeningInterval, PartnerPage, ServicePage


def _time(text):
    return datetime.time.fromisoformat(text)


def create_partners(context):
    made = 0
    for data in PARTNERS:
        page, created = ensure_page(
            context.indexes["partners"], PartnerPage, f"partner:{data['key']}",
            slug=data["key"],
            title=data["title"],
            summary=demo_text(data["summary"]),
            kind=data["kind"],
            about=data["about"],
            website=data.get("website", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            logo=context.images.get(f"logo-{data['key']}"),
            topics=context.pick(context.topics, data["topics"]),
            places=context.pick(context.places, data["places"]),
            languages=context.pick(context.spoken, data["languages"]),
        )
        context.partners[data["key"]] = page
        made += created
    return made


def _opening_hours(context, data):
    return [
        OpeningInterval(
            weekday=weekday, opens=_time(opens), closes=_time(closes),
            place=context.places[place[0]] if place else None,
        )
        for weekday, opens, closes, *place in data["hours"]
    ]


def _exceptions(data):
    if not data.get("holidays"):
        return []
    today = timezone.localdate()
    exceptions = [OpeningException(start_date=day, closed=True, note=name) for day, name in upcoming_holidays(today)]
    # One exception with special hours instead of a closure, as editors also enter them.
    exceptions.append(
        OpeningException(
            start_date=today + datetime.timedelta(days=21), closed=False,
            opens=datetime.time(10, 0), closes=datetime.time(12, 0), note="Verkürzte Sprechzeit (Teamtag)",
        )
    )
    return exceptions


def create_services(context):
    made = 0
    for data in SERVICES:
        channels = set(data.get("channels", ["in_person"]))
        partner = context.partners[data["partner"]]
        page, created = ensure_page(
            partner, ServicePage, f"service:{data['key']}",
            slug=data["key"],
            title=data["title"],
            summary=demo_text(data["summary"]),
            description=data.get("description", ""),
            provider=partner,
            cost=data.get("cost", "free"),
            cost_note=data.get("cost_note", ""),
            appointment=data.get("appointment", "not_needed"),
            in_person="in_person" in channels,
            by_phone="phone" in channels,
            by_video="video" in channels,
            by_email="email" in channels,
            by_chat="chat" in channels,
            phone=partner.phone if "phone" in channels else "",
            email=partner.email if "email" in channels else "",
            contact_url=data.get("contact_url", ""),
            topics=context.pick(context.topics, data["topics"]),
            audiences=context.pick(context.audiences, data["audiences"]),
            languages=context.pick(context.spoken, data["languages"]),
            places=context.pick(context.places, data["places"]),
            opening_hours=_opening_hours(context, data),
            opening_exceptions=_exceptions(data),
        )
        context.services[data["key"]] = page
        made += created
    return made
