"""German and Arabic content for the browser tests: topics, a guide, a service open now, events."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from directory.models import OpeningInterval
from embed.models import ApiKey
from kiosk.models import KioskScreen
from tests.api.helpers import translate, translate_snippet
from tests.conftest import build_site_tree
from tests.factories import (
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
)

GUIDE_BODY = [
    ("paragraph", "<p>Wer nach Leipzig zieht, meldet sich innerhalb von zwei Wochen an.</p>"),
    (
        "steps",
        {
            "title": "So geht es",
            "steps": [
                {"title": "Termin buchen", "body": "<p>Online oder am Telefon.</p>"},
                {"title": "Unterlagen mitbringen", "body": "<p>Pass und Wohnungsgeberbestätigung.</p>"},
            ],
        },
    ),
    ("checklist", {"title": "Mitbringen", "items": ["Pass", "Mietvertrag"]}),
]


@dataclass
class Content:
    screen: KioskScreen
    guide: object
    partner: object
    allowed_origin: str
    raw_key: str
    kiosk_secret: str


def build(site_url, allowed_origin="http://127.0.0.1:8765"):
    tree = build_site_tree()
    place = PlaceFactory(name="Stadthaus", street="Burgplatz 1")
    housing = TopicFactory(name="Wohnen", slug="wohnen", sort_order=1)
    work = TopicFactory(name="Arbeit", slug="arbeit", sort_order=2)
    translate_snippet(housing, "ar", name="السكن")
    translate_snippet(work, "ar", name="العمل")

    guide = GuidePageFactory(
        parent=tree.guides,
        title="Anmeldung in Leipzig",
        slug="anmeldung",
        summary="Wie Sie Ihre Wohnung anmelden.",
        topics=[housing],
        body=GUIDE_BODY,
    )
    translate(guide, "ar", title="التسجيل في لايبزيغ", summary="كيف تسجل سكنك.")

    partner = PartnerPageFactory(parent=tree.partners, title="Verein Brücke", slug="bruecke", topics=[work])
    service = ServicePageFactory(
        parent=partner, title="Sozialberatung", slug="sozialberatung", summary="Beratung zu Geld und Wohnen.", places=[place]
    )
    for weekday in range(1, 8):
        OpeningInterval.objects.create(page=service, weekday=weekday, opens=datetime.time(0, 0), closes=datetime.time(23, 59))
    translate(service, "ar", title="استشارة اجتماعية", summary="استشارة حول المال والسكن.")

    now = timezone.now()
    today = EventPageFactory(
        parent=tree.events,
        title="Sprachcafé",
        summary="Deutsch üben bei Kaffee.",
        start=now - datetime.timedelta(minutes=5),
        end=now + datetime.timedelta(hours=2),
        place=place,
        organiser=partner,
        online_url="",
    )
    translate(today, "ar", title="مقهى اللغة", summary="تدرب على الألمانية مع القهوة.")
    EventPageFactory(
        parent=tree.events,
        title="Infoabend Ausbildung",
        start=now + datetime.timedelta(days=2),
        end=now + datetime.timedelta(days=2, hours=2),
        organiser=partner,
    )

    screen = KioskScreen.objects.create(
        name="Stadthaus, Foyer",
        slug="foyer",
        place=place,
        locales=["de", "ar", "en"],
        default_locale="de",
        idle_timeout_seconds=15,
        announcement="Am Freitag ist das Foyer ab 14 Uhr geschlossen.",
    )
    screen.featured_topics.set([housing, work])
    screen.featured_guides.set([guide])
    kiosk_secret = screen.set_new_secret()  # what the admin shows once; the heartbeat needs it
    screen.save()

    key = ApiKey(name="Verein Brücke", partner=partner, allowed_origins=allowed_origin)
    raw_key = key.set_new_key()
    key.save()
    return Content(
        screen=screen,
        guide=guide,
        partner=partner,
        allowed_origin=allowed_origin,
        raw_key=raw_key,
        kiosk_secret=kiosk_secret,
    )
