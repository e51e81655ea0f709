"""``partners``, ``partner``, ``services``, ``service`` and ``place``, with their filters."""

import datetime
from decimal import Decimal


from directory.choices import Appointment, Channel, Cost, PartnerKind
from directory.models import Accessibility, OpeningException, OpeningInterval, Room
from graphql_api.directory.enums import AccessibilityEnum, AppointmentEnum, ChannelEnum, CostEnum, PartnerKindEnum
from tests.api.helpers import data, translate, translate_snippet
from tests.factories import PartnerPageFactory, PlaceFactory, ServicePageFactory, TopicFactory, spoken

PARTNERS = """
query ($locale: String, $topic: String, $kind: PartnerKind, $language: String) {
  partners(locale: $locale, topic: $topic, kind: $kind, language: $language) {
    totalCount
    edges { node { title locale kind places { name locale rooms { name } } services { title locale } } }
  }
}
"""

SERVICES = """
query ($locale: String, $topic: String, $language: String, $partner: ID, $near: NearInput, $openAt: DateTime) {
  services(locale: $locale, topic: $topic, language: $language, partner: $partner, near: $near, openAt: $openAt) {
    totalCount
    edges { node { title locale distanceKm provider { title locale } languages { code } } }
  }
}
"""


def test_enums_match_the_model_choices():
    for enum, choices in [
        (PartnerKindEnum, PartnerKind),
        (ChannelEnum, Channel),
        (CostEnum, Cost),
        (AppointmentEnum, Appointment),
        (AccessibilityEnum, Accessibility),
    ]:
        assert {member.value for member in enum} == set(choices.values), enum


def test_partners_in_german_with_filters(client, site_tree):
    health = TopicFactory(slug="health")
    stadthaus = PlaceFactory(name="Stadthaus")
    Room.objects.create(place=stadthaus, name="Saal", capacity=80)
    office = PartnerPageFactory(
        parent=site_tree.partners, title="Amt", kind=PartnerKind.PUBLIC_OFFICE, places=[stadthaus]
    )
    PartnerPageFactory(parent=site_tree.partners, title="Verein", topics=[health], languages=spoken("ar"))
    ServicePageFactory(parent=office, title="Beratung")

    result = data(client, PARTNERS, {"locale": "de"})["partners"]
    assert result["totalCount"] == 2
    amt = result["edges"][0]["node"]
    assert amt == {
        "title": "Amt",
        "locale": "de",
        "kind": "PUBLIC_OFFICE",
        "places": [{"name": "Stadthaus", "locale": "de", "rooms": [{"name": "Saal"}]}],
        "services": [{"title": "Beratung", "locale": "de"}],
    }

    def titles(variables):
        return [edge["node"]["title"] for edge in data(client, PARTNERS, variables)["partners"]["edges"]]

    assert titles({"kind": "PUBLIC_OFFICE"}) == ["Amt"]
    assert titles({"topic": "health"}) == ["Verein"]
    assert titles({"language": "ar"}) == ["Verein"]


def test_partners_and_services_in_dari_fall_back(client, site_tree):
    place = PlaceFactory(name="Stadthaus")
    translate_snippet(place, "fa", name="ساختمان شهر")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein", places=[place])
    service = ServicePageFactory(parent=partner, title="Beratung")
    ServicePageFactory(parent=partner, title="Sprachcafé")
    translated_partner = translate(partner, "fa", title="انجمن")
    translate(service, "fa", title="مشاوره")

    result = data(client, PARTNERS, {"locale": "prs"})["partners"]
    node = result["edges"][0]["node"]
    assert result["totalCount"] == 1
    assert (node["title"], node["locale"]) == ("انجمن", "fa")
    assert node["places"][0]["name"] == "ساختمان شهر"
    assert sorted((s["title"], s["locale"]) for s in node["services"]) == [("Sprachcafé", "de"), ("مشاوره", "fa")]

    services = data(client, SERVICES, {"locale": "prs", "partner": str(translated_partner.pk)})["services"]
    assert sorted((e["node"]["title"], e["node"]["locale"], e["node"]["provider"]["title"]) for e in services["edges"]) == [
        ("Sprachcafé", "de", "انجمن"),
        ("مشاوره", "fa", "انجمن"),
    ]


def test_services_filter_by_topic_language_and_partner(client, site_tree):
    asylum = TopicFactory(slug="asylum")
    one = PartnerPageFactory(parent=site_tree.partners, title="Eins")
    two = PartnerPageFactory(parent=site_tree.partners, title="Zwei")
    ServicePageFactory(parent=one, title="Asylberatung", topics=[asylum], languages=spoken("fa", "ar"))
    ServicePageFactory(parent=two, title="Jobberatung", languages=spoken("uk"))

    def titles(variables):
        return [edge["node"]["title"] for edge in data(client, SERVICES, variables)["services"]["edges"]]

    assert titles({}) == ["Asylberatung", "Jobberatung"]
    assert titles({"topic": "asylum"}) == ["Asylberatung"]
    assert titles({"language": "uk"}) == ["Jobberatung"]
    assert titles({"partner": str(two.pk)}) == ["Jobberatung"]


def test_services_near_a_point_carry_their_distance(client, site_tree):
    stadthaus = PlaceFactory(name="Stadthaus", latitude=Decimal("51.338600"), longitude=Decimal("12.372400"))
    gruenau = PlaceFactory(name="Grünau", latitude=Decimal("51.318000"), longitude=Decimal("12.282000"))
    far = PlaceFactory(name="Dresden", latitude=Decimal("51.050900"), longitude=Decimal("13.737300"))
    partner = PartnerPageFactory(parent=site_tree.partners)
    ServicePageFactory(parent=partner, title="Zentrum", places=[stadthaus, far])
    ServicePageFactory(parent=partner, title="Stadtrand", places=[gruenau])
    ServicePageFactory(parent=partner, title="Woanders", places=[far])

    near = {"lat": 51.3397, "lon": 12.3731, "km": 10}
    edges = data(client, SERVICES, {"near": near})["services"]["edges"]
    assert [edge["node"]["title"] for edge in edges] == ["Zentrum", "Stadtrand"]
    assert 0.1 < edges[0]["node"]["distanceKm"] < 0.2
    assert 6.0 < edges[1]["node"]["distanceKm"] < 7.0
    near["km"] = 1
    assert [e["node"]["title"] for e in data(client, SERVICES, {"near": near})["services"]["edges"]] == ["Zentrum"]
    assert data(client, SERVICES, {})["services"]["edges"][0]["node"]["distanceKm"] is None


def test_services_open_at_follow_weekly_hours_and_exceptions(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    tuesday = ServicePageFactory(parent=partner, title="Dienstags")
    OpeningInterval.objects.create(page=tuesday, weekday=2, opens=datetime.time(9), closes=datetime.time(12))
    holiday = ServicePageFactory(parent=partner, title="Feiertag geschlossen")
    OpeningInterval.objects.create(page=holiday, weekday=2, opens=datetime.time(9), closes=datetime.time(12))
    OpeningException.objects.create(page=holiday, start_date=datetime.date(2026, 12, 22), closed=True)
    special = ServicePageFactory(parent=partner, title="Sondertermin")
    OpeningException.objects.create(
        page=special, start_date=datetime.date(2026, 12, 22), closed=False,
        opens=datetime.time(10), closes=datetime.time(11),
    )

    def titles(moment):
        result = data(client, SERVICES, {"openAt": moment})["services"]["edges"]
        return [edge["node"]["title"] for edge in result]

    # Tuesday 22 December 2026, 10:30 in Leipzig (UTC+1).
    assert titles("2026-12-22T10:30:00+01:00") == ["Dienstags", "Sondertermin"]
    assert titles("2026-12-22T09:30:00+01:00") == ["Dienstags"]
    # The Tuesday before: the weekly pattern applies to both.
    assert titles("2026-12-15T09:30:00+01:00") == ["Dienstags", "Feiertag geschlossen"]
    # 08:30 UTC is 09:30 in Leipzig.
    assert titles("2026-12-15T08:30:00Z") == ["Dienstags", "Feiertag geschlossen"]


SERVICE = """
query ($id: ID, $slug: String, $at: DateTime!) {
  service(id: $id, slug: $slug) {
    title cost appointment channels openNow isOpenAt(time: $at)
    openingHours { weekly { weekday opens closes place { name } } exceptions { startDate endDate closed note } }
    places { name address latitude accessibility }
  }
}
"""


def test_service_detail_with_structured_opening_hours(client, site_tree):
    place = PlaceFactory(name="Stadthaus")
    partner = PartnerPageFactory(parent=site_tree.partners)
    service = ServicePageFactory(parent=partner, title="Beratung", slug="beratung", places=[place], by_phone=True)
    OpeningInterval.objects.create(page=service, weekday=1, opens=datetime.time(9), closes=datetime.time(12), place=place)
    OpeningException.objects.create(page=service, start_date=datetime.date(2026, 12, 24),
                                    end_date=datetime.date(2026, 12, 26), note="Weihnachten")
    result = data(client, SERVICE, {"slug": "beratung", "at": "2026-12-21T10:00:00+01:00"})["service"]
    assert result["channels"] == ["IN_PERSON", "PHONE"]
    assert result["cost"] == "FREE" and result["appointment"] == "NOT_NEEDED"
    assert result["isOpenAt"] is True
    assert isinstance(result["openNow"], bool)
    assert result["openingHours"] == {
        "weekly": [{"weekday": 1, "opens": "09:00:00", "closes": "12:00:00", "place": {"name": "Stadthaus"}}],
        "exceptions": [{"startDate": "2026-12-24", "endDate": "2026-12-26", "closed": True, "note": "Weihnachten"}],
    }
    assert result["places"] == [
        {"name": "Stadthaus", "address": "Burgplatz 1, 04109 Leipzig", "latitude": 51.3386, "accessibility": "UNKNOWN"}
    ]
    by_id = data(client, SERVICE, {"id": str(service.pk), "at": "2026-12-24T10:00:00+01:00"})["service"]
    assert by_id["isOpenAt"] is False


def test_place_by_id_in_fallback_locale(client, db):
    place = PlaceFactory(name="Stadthaus")
    translate_snippet(place, "fa", name="ساختمان شهر")
    query = 'query ($id: ID!, $locale: String) { place(id: $id, locale: $locale) { name locale latitude } }'
    assert data(client, query, {"id": str(place.pk), "locale": "prs"})["place"] == {
        "name": "ساختمان شهر", "locale": "fa", "latitude": 51.3386,
    }
    assert data(client, query, {"id": str(place.pk), "locale": "de"})["place"]["locale"] == "de"
    assert data(client, query, {"id": "0"})["place"] is None


def test_partner_and_service_by_id_and_slug_in_fallback_locale(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein", slug="verein")
    service = ServicePageFactory(parent=partner, title="Beratung", slug="beratung")
    translate(partner, "fa", title="انجمن")
    query = """query ($id: ID, $slug: String, $locale: String) {
        partner(id: $id, slug: $slug, locale: $locale) { title locale }
        service(id: $id, slug: $slug, locale: $locale) { title locale provider { title locale } }
    }"""
    by_partner_id = data(client, query, {"id": str(partner.pk), "locale": "prs"})
    assert by_partner_id["partner"] == {"title": "انجمن", "locale": "fa"}
    by_slug = data(client, query, {"slug": "beratung", "locale": "prs"})
    assert by_slug["service"] == {"title": "Beratung", "locale": "de", "provider": {"title": "انجمن", "locale": "fa"}}
    assert data(client, query, {"slug": "verein", "locale": "de"})["partner"] == {"title": "Verein", "locale": "de"}
    assert data(client, query, {"id": str(service.pk)})["service"]["title"] == "Beratung"
