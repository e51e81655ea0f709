"""``Service.nextOpening``: when a service opens next, at which place, in the reader's locale."""

import datetime

from directory.models import OpeningException, OpeningInterval
from tests.api.helpers import assert_same_query_count, count_queries, data, translate_snippet
from tests.factories import PartnerPageFactory, PlaceFactory, ServicePageFactory

SERVICE = """
query ($slug: String, $locale: String, $after: DateTime!) {
  service(slug: $slug, locale: $locale) { nextOpening(after: $after) { opens closes place { name locale } } }
}
"""

SERVICES = """
query ($after: DateTime!, $first: Int) {
  services(first: $first) { edges { node { title nextOpening(after: $after) { opens place { name } } } } }
}
"""


def test_the_next_opening_with_its_place_in_the_reader_s_locale(client, site_tree):
    library = PlaceFactory(name="Bibliothek")
    translate_snippet(library, "ar", name="المكتبة")
    partner = PartnerPageFactory(parent=site_tree.partners)
    service = ServicePageFactory(parent=partner, slug="beratung", places=[library])
    OpeningInterval.objects.create(page=service, weekday=4, opens=datetime.time(14), closes=datetime.time(18), place=library)
    OpeningInterval.objects.create(page=service, weekday=1, opens=datetime.time(9), closes=datetime.time(12))

    # Sunday 20 December 2026, 10:00 in Leipzig: Monday morning comes first (at no particular place).
    sunday = data(client, SERVICE, {"slug": "beratung", "after": "2026-12-20T10:00:00"})["service"]["nextOpening"]
    assert sunday == {"opens": "2026-12-21T09:00:00+01:00", "closes": "2026-12-21T12:00:00+01:00", "place": None}
    # Monday at noon (11:00 UTC): Thursday afternoon at the library, named in Arabic for an Arabic reader.
    monday = data(client, SERVICE, {"slug": "beratung", "locale": "ar", "after": "2026-12-21T11:00:00Z"})["service"]
    assert monday["nextOpening"] == {
        "opens": "2026-12-24T14:00:00+01:00", "closes": "2026-12-24T18:00:00+01:00", "place": {"name": "المكتبة", "locale": "ar"},
    }
    # Closed over Christmas: on to the Monday after.
    OpeningException.objects.create(page=service, start_date=datetime.date(2026, 12, 24), end_date=datetime.date(2027, 1, 1), closed=True)
    after_christmas = data(client, SERVICE, {"slug": "beratung", "after": "2026-12-21T12:00:00"})["service"]["nextOpening"]
    assert after_christmas["opens"] == "2027-01-04T09:00:00+01:00"


def test_without_opening_hours_there_is_none(client, site_tree):
    ServicePageFactory(parent=PartnerPageFactory(parent=site_tree.partners), slug="termin")
    assert data(client, SERVICE, {"slug": "termin", "after": "2026-12-20T10:00:00"})["service"]["nextOpening"] is None


def test_a_list_costs_the_same_for_2_services_as_for_20(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    places = [PlaceFactory() for _ in range(3)]
    for index in range(20):
        service = ServicePageFactory(parent=partner, title=f"Dienst {index:02}", places=places)
        OpeningInterval.objects.create(page=service, weekday=1 + index % 5, opens=datetime.time(9), closes=datetime.time(12), place=places[index % 3])
    variables = {"after": "2026-12-20T10:00:00"}
    data(client, SERVICES, {**variables, "first": 1})  # the visibility scope, read once per process
    with count_queries() as small:
        data(client, SERVICES, {**variables, "first": 2})
    with count_queries() as large:
        result = data(client, SERVICES, {**variables, "first": 20})
    assert_same_query_count(small, large)
    assert all(edge["node"]["nextOpening"]["place"]["name"] for edge in result["services"]["edges"])
