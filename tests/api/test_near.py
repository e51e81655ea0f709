"""
``services(near:)`` returns every service within the radius and none outside it, ordered
by distance, ties by id, checked against an independent great-circle computation
(Python's own trigonometry on the stored, rounded coordinates) over many bearings and radii.
"""

import math
from decimal import ROUND_HALF_EVEN, Decimal

import pytest

from public_content.filters import EARTH_RADIUS_KM, bounding_box
from tests.api.helpers import data
from tests.factories import PartnerPageFactory, PlaceFactory, ServicePageFactory

STADTHAUS = (51.338600, 12.372400)
NEAR = """query ($lat: Float!, $lon: Float!, $km: Float!) {
  services(near: {lat: $lat, lon: $lon, km: $km}, first: 100) { edges { node { id distanceKm } } } }"""


def destination(lat, lon, km, bearing):
    """The point ``km`` away from (lat, lon) in direction ``bearing`` (degrees), on the sphere."""
    phi, lam, theta, delta = math.radians(lat), math.radians(lon), math.radians(bearing), km / EARTH_RADIUS_KM
    phi2 = math.asin(math.sin(phi) * math.cos(delta) + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi), math.cos(delta) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), math.degrees(lam2)


def great_circle_km(a, b):
    """Spherical law of cosines: a different formula from the haversine the API uses."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, cosine)))


def stored(value):
    return Decimal(str(value)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


@pytest.fixture
def ring(site_tree):
    """Services just inside and just outside 0.5, 2 and 10 km, every 45 degrees."""
    partner = PartnerPageFactory(parent=site_tree.partners)
    points = {}
    for km in (0.5, 2.0, 10.0):
        for bearing in range(0, 360, 45):
            for factor in (0.9995, 1.0005):
                lat, lon = destination(*STADTHAUS, km * factor, bearing)
                place = PlaceFactory(latitude=stored(lat), longitude=stored(lon))
                service = ServicePageFactory(parent=partner, places=[place])
                points[str(service.pk)] = (float(place.latitude), float(place.longitude))
    return points


def test_near_returns_exactly_the_services_inside_the_radius(client, ring):
    expected = {pk: great_circle_km(STADTHAUS, point) for pk, point in ring.items()}
    for km, count in ((0.5, 8), (2.0, 24), (10.0, 40)):
        returned = assert_near(client, expected, km)
        assert len(returned) == count


def assert_near(client, expected, km):
    inside = {pk for pk, distance in expected.items() if distance <= km}
    result = data(client, NEAR, {"lat": STADTHAUS[0], "lon": STADTHAUS[1], "km": km})["services"]["edges"]
    returned = [edge["node"] for edge in result]
    assert {node["id"] for node in returned} == inside, km
    for node in returned:
        assert node["distanceKm"] == pytest.approx(expected[node["id"]], abs=0.001)
    # Ordered by distance (up to the two formulas' rounding, a millimetre).
    distances = [expected[node["id"]] for node in returned]
    assert all(a <= b + 1e-6 for a, b in zip(distances, distances[1:]))
    return returned


def test_ties_are_broken_by_id(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    place = PlaceFactory(latitude=stored(51.34), longitude=stored(12.38))
    earlier = ServicePageFactory(parent=partner, title="Z last by title", places=[place])
    later = ServicePageFactory(parent=partner, title="A first by title", places=[place])
    ids = [edge["node"]["id"] for edge in data(client, NEAR, {"lat": 51.34, "lon": 12.38, "km": 1})["services"]["edges"]]
    assert ids == [str(earlier.pk), str(later.pk)]


@pytest.mark.parametrize("lat", [0.0, 51.3, 70.0, 89.99, -89.99])
@pytest.mark.parametrize("km", [0.1, 5.0, 100.0])
def test_the_bounding_box_holds_the_whole_circle(lat, km):
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, 12.0, km)
    for bearing in range(0, 360, 5):
        point_lat, point_lon = destination(lat, 12.0, km, bearing)
        assert min_lat <= point_lat <= max_lat
        assert min_lon <= point_lon <= max_lon or (min_lon, max_lon) == (-180.0, 180.0)
