"""
A second kiosk screen for the browser tests of items in another locale than the screen's:
"Ankunft Grünau", Arabic first, seven kilometres from the foyer's place (so none of its
services reach the foyer's lists, and none of the foyer's reach it). Its featured guides
are a German one without a translation (shown as a fallback in Arabic) and one that was
machine-translated into Arabic and not reviewed; its partner offers a German-only service
with opening hours at two places, languages and contacts, and one machine-translated
into Arabic. ``build`` adds it to the package's committed content, ``remove`` takes it
away again, so the other modules see the content as ``tests.browser.content`` made it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from wagtail.models import Page

from directory.choices import Appointment
from directory.models import OpeningException, OpeningInterval
from embed.models import ApiKey
from kiosk.models import KioskScreen
from taxonomy.models import Topic
from tests.factories import GuidePageFactory, PartnerPageFactory, PlaceFactory, ServicePageFactory, locale, spoken
from tests.translation.conftest import publish, save_target
from translation.machine import pretranslate

#: A German sentence and a question: in an Arabic screen their punctuation must stay at their end.
GERMAN_SUMMARY = "Wer bekommt Kindergeld und wie beantragen Sie es?"
#: Monday and Thursday: a Sunday morning (the tests' clock) has nothing open.
MONDAY, THURSDAY = 1, 4
#: A Thursday the counselling is closed, after the tests' Sunday (6 June 2027).
CLOSED_DAY = datetime.date(2027, 6, 10)


@dataclass
class Arrival:
    screen: KioskScreen
    german_guide: object
    machine_guide: object
    service: object
    machine_service: object
    partner: object
    raw_key: str
    places: list
    pages: list


def build(content):
    guides = content.guide.get_parent()
    partners = content.partner.get_parent()
    here = PlaceFactory(name="Stadtteilladen Grünau", street="Stuttgarter Allee 18", latitude=Decimal("51.3100"), longitude=Decimal("12.2800"))
    library = PlaceFactory(name="Bibliothek Grünau", street="Stuttgarter Allee 9", latitude=Decimal("51.3104"), longitude=Decimal("12.2806"))

    german_guide = GuidePageFactory(parent=guides, title="Kindergeld", slug="kindergeld", summary=GERMAN_SUMMARY)
    machine_guide = publish(GuidePageFactory(parent=guides, title="Sprachkurs für Eltern", slug="sprachkurs-eltern", summary="Deutsch lernen, während die Kinder spielen."))
    (translation,) = pretranslate(machine_guide, [locale("ar")])
    save_target(translation)

    partner = PartnerPageFactory(parent=partners, title="Beratungsnetz Grünau", slug="beratungsnetz-gruenau")
    service = ServicePageFactory(
        parent=partner,
        title="Migrationsberatung",
        slug="migrationsberatung",
        summary="Beratung zu Aufenthalt, Arbeit und Familie.",
        places=[here, library],
        languages=spoken("ar", "fa", "de"),
        phone="+49 341 123 45 67",
        email="beratung@example.org",
        contact_url="https://example.org/termin",
        appointment=Appointment.REQUIRED,
    )
    OpeningInterval.objects.create(page=service, weekday=MONDAY, opens=datetime.time(9), closes=datetime.time(12), place=here)
    OpeningInterval.objects.create(page=service, weekday=THURSDAY, opens=datetime.time(14), closes=datetime.time(18), place=library)
    OpeningException.objects.create(page=service, start_date=CLOSED_DAY, end_date=CLOSED_DAY, closed=True, note="Teamtag")
    publish(service)
    machine_service = publish(
        ServicePageFactory(parent=partner, title="Hilfe bei Formularen", slug="formulare", summary="Wir füllen Anträge mit Ihnen aus.", places=[here])
    )
    OpeningInterval.objects.create(page=machine_service, weekday=THURSDAY, opens=datetime.time(10), closes=datetime.time(12), place=here)
    (translation,) = pretranslate(machine_service, [locale("ar")])
    save_target(translation)

    screen = KioskScreen.objects.create(
        name="Ankunft Grünau",
        slug="gruenau",
        place=here,
        nearby_km=Decimal("1.0"),
        locales=["ar", "de"],
        default_locale="ar",
        idle_timeout_seconds=300,
    )
    screen.featured_guides.set([german_guide, machine_guide])
    screen.featured_topics.set(Topic.objects.filter(slug="wohnen", locale=locale("de")))

    key = ApiKey(name="Beratungsnetz Grünau", partner=partner, allowed_origins=content.allowed_origin)
    raw_key = key.set_new_key()
    key.save()
    pages = [german_guide, machine_guide, partner]
    return Arrival(screen, german_guide, machine_guide, service, machine_service, partner, raw_key, [here, library], pages)


def added(content, django_db_blocker):
    """For a module's fixture: the screen, built once for the module and removed after it."""
    from django.db import connections

    with django_db_blocker.unblock():
        built = build(content)
    yield built
    with django_db_blocker.unblock():
        remove(built)
        connections.close_all()


def remove(arrival):
    ApiKey.objects.filter(partner=arrival.partner).delete()
    arrival.screen.delete()
    for page in arrival.pages:
        # The translations first (each its own tree), then the German page and what is below it.
        for translation in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
            translation.delete()
        Page.objects.get(pk=page.pk).delete()
    for place in arrival.places:
        place.delete()
