"""
Every content type can be translated with wagtail-localize, and a translation keeps the
synchronised relations of its source: the same (source-language) topics, places and
languages, and copies of its opening hours and cancellations.
"""

import datetime
from decimal import Decimal

import pytest
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from directory.models import Place, Room
from pages.models import HomePage
from taxonomy.models import Audience, Topic
from tests.conftest import SiteTree, rolled_back_at_the_end
from tests.factories import (
    AudienceFactory,
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
    spoken,
)


def into_arabic(instance):
    """Translate an object into Arabic the way the Translate action does, with German as fallback."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
        translation, created = source.create_or_update_translation(Locale.objects.get(language_code="ar"), fallback=True)
    assert created
    return type(translation).objects.get(pk=translation.pk)


@pytest.fixture
def translate(db):
    return into_arabic


@pytest.fixture(scope="module")
def shared_arabic_tree(shared_site_tree, django_db_blocker):
    """The Arabic home page and section pages, translated once for the module (see tests/conftest.py)."""
    with rolled_back_at_the_end(django_db_blocker):
        site_tree = SiteTree.fetch(shared_site_tree)
        yield {name: into_arabic(getattr(site_tree, name)).pk for name in ("home", "guides", "events", "partners")}


@pytest.fixture
def arabic_tree(shared_arabic_tree, site_tree):
    """The Arabic home page and section pages, as a translator would create them first."""
    return {name: Page.objects.get(pk=pk).specific for name, pk in shared_arabic_tree.items()}


@pytest.fixture
def terms(db):
    return {"topic": TopicFactory(slug="housing"), "audience": AudienceFactory(slug="volunteers")}


def assert_in_arabic_tree(translated, source, arabic_tree, section):
    assert translated.locale.language_code == "ar"
    assert translated.translation_key == source.translation_key
    assert translated.get_parent().pk == arabic_tree[section].pk
    assert translated.get_ancestors().type(HomePage).get().pk == arabic_tree["home"].pk
    assert translated.live


def test_home_and_index_pages_are_translated_into_their_own_tree(arabic_tree, site_tree):
    home = arabic_tree["home"]

    assert isinstance(home, HomePage)
    assert home.depth == site_tree.home.depth
    assert home.locale.language_code == "ar"
    assert home.live
    for section in ("guides", "events", "partners"):
        page = arabic_tree[section]
        assert page.get_parent().pk == home.pk
        assert page.translation_key == getattr(site_tree, section).translation_key


def test_guide_keeps_topics_and_audiences(arabic_tree, site_tree, translate, terms):
    guide = GuidePageFactory(parent=site_tree.guides, body=[("paragraph", "<p>Hallo</p>")])
    guide.topics.add(terms["topic"])
    guide.audiences.add(terms["audience"])
    guide.save_revision().publish()

    translated = translate(guide)

    assert_in_arabic_tree(translated, guide, arabic_tree, "guides")
    assert list(translated.topics.all()) == [terms["topic"]]
    assert list(translated.audiences.all()) == [terms["audience"]]
    assert translated.body.raw_data[0]["value"] == "<p>Hallo</p>"  # German fallback until translated


def test_event_keeps_place_languages_and_cancellations(arabic_tree, site_tree, translate, terms):
    place = PlaceFactory()
    event = EventPageFactory(
        parent=site_tree.events, place=place, online_url="", recurrence_rule="FREQ=WEEKLY;COUNT=5"
    )
    event.topics.add(terms["topic"])
    event.languages.add(*spoken("ar", "de"))
    event.audiences.add(terms["audience"])
    event.cancellations.create(date=datetime.date(2026, 12, 22), reason="Ferien")
    event.save_revision().publish()

    translated = translate(event)

    assert_in_arabic_tree(translated, event, arabic_tree, "events")
    assert translated.place == place  # no Arabic place yet: the German one
    assert translated.recurrence_rule == "FREQ=WEEKLY;COUNT=5"
    assert {language.code for language in translated.languages.all()} == {"ar", "de"}
    assert list(translated.topics.all()) == [terms["topic"]]
    assert [(row.date, row.reason) for row in translated.cancellations.all()] == [(datetime.date(2026, 12, 22), "Ferien")]
    assert event.cancellations.count() == 1  # copied, not moved


def test_event_at_a_translated_place_points_at_the_arabic_place(arabic_tree, site_tree, translate):
    place = PlaceFactory()
    arabic_place = translate(place)
    event = EventPageFactory(parent=site_tree.events, place=place, online_url="")

    translated = translate(event)

    assert translated.place == arabic_place  # wagtail-localize maps translatable foreign keys


def test_partner_and_its_service_keep_places_languages_and_opening_hours(arabic_tree, site_tree, translate, terms):
    place = PlaceFactory()
    partner = PartnerPageFactory(parent=site_tree.partners)
    partner.places.add(place)
    partner.languages.add(*spoken("fa"))
    partner.topics.add(terms["topic"])
    partner.save_revision().publish()
    service = ServicePageFactory(parent=partner)
    service.places.add(place)
    service.languages.add(*spoken("ar", "uk"))
    service.audiences.add(terms["audience"])
    service.opening_hours.create(weekday=2, opens=datetime.time(9), closes=datetime.time(12), place=place)
    service.opening_exceptions.create(start_date=datetime.date(2026, 12, 24), end_date=datetime.date(2027, 1, 1))
    service.save_revision().publish()

    arabic_partner = translate(partner)
    arabic_service = translate(service)

    assert_in_arabic_tree(arabic_partner, partner, arabic_tree, "partners")
    assert list(arabic_partner.places.all()) == [place]
    assert [language.code for language in arabic_partner.languages.all()] == ["fa"]
    assert arabic_service.get_parent().pk == arabic_partner.pk
    assert arabic_service.locale.language_code == "ar"
    assert arabic_service.provider_id == arabic_partner.pk  # kept in step with the parent
    assert list(arabic_service.places.all()) == [place]
    assert {language.code for language in arabic_service.languages.all()} == {"ar", "uk"}
    assert list(arabic_service.audiences.all()) == [terms["audience"]]
    assert [(row.weekday, row.opens, row.closes, row.place_id) for row in arabic_service.opening_hours.all()] == [
        (2, datetime.time(9), datetime.time(12), place.pk)
    ]
    assert arabic_service.opening_exceptions.get().end_date == datetime.date(2027, 1, 1)
    assert service.opening_hours.count() == 1


def test_place_is_translated_with_its_rooms_and_coordinates(translate):
    place = PlaceFactory(name="Stadthaus", directions="Haltestelle Neues Rathaus")
    place.rooms.add(Room(name="Festsaal", capacity=120))
    place.save()

    translated = translate(place)

    assert isinstance(translated, Place)
    assert translated.locale.language_code == "ar"
    assert translated.translation_key == place.translation_key
    assert (translated.latitude, translated.longitude) == (place.latitude, place.longitude)
    assert [(room.name, room.capacity) for room in translated.rooms.all()] == [("Festsaal", 120)]
    assert place.rooms.count() == 1


def test_place_offers_only_its_texts_for_translation(db):
    place = PlaceFactory(name="Stadthaus", directions="Haltestelle Neues Rathaus", district="Zentrum")

    source, _created = TranslationSource.get_or_create_from_instance(place)
    strings = {segment.string.data for segment in source.stringsegment_set.select_related("string")}

    assert strings == {"Stadthaus", "Haltestelle Neues Rathaus"}  # not street, postcode, city or district


def test_changed_coordinates_and_rooms_reach_the_translation(translate):
    place = PlaceFactory()
    translated = translate(place)
    place.latitude = Decimal("51.340000")
    place.rooms.add(Room(name="Saal 2", capacity=30))
    place.save()

    source, _created = TranslationSource.update_or_create_from_instance(place)
    source.create_or_update_translation(translated.locale, fallback=True)
    translated.refresh_from_db()

    assert translated.latitude == Decimal("51.340000")
    assert [room.name for room in translated.rooms.all()] == ["Saal 2"]


@pytest.mark.parametrize(("factory", "model"), [(TopicFactory, Topic), (AudienceFactory, Audience)])
def test_taxonomy_term_is_translated_with_a_synchronised_slug(translate, factory, model):
    term = factory(name="Wohnen", slug="housing", sort_order=3)

    translated = translate(term)

    assert isinstance(translated, model)
    assert translated.locale.language_code == "ar"
    assert (translated.slug, translated.sort_order) == ("housing", 3)
    assert model.objects.filter(translation_key=term.translation_key).count() == 2
