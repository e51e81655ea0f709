"""
"Near me" in the service directory: ``?near=lat,lon`` (rounded to about 100 m) and a
distance of 1, 2, 5 or 10 km narrow the list to services with a place that close, nearest
first, each with its distance; a location that is not one is a 400 with a clear message.
The button that asks the browser exists only for readers with the script, and asks only
when pressed.
"""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.api.helpers import count_queries
from tests.api.test_response_cache import caching  # noqa: F401 (fixture)
from tests.factories import PartnerPageFactory, PlaceFactory, ServicePageFactory

#: The Stadthaus, Burgplatz 1.
STADTHAUS = (51.3386, 12.3724)


@pytest.fixture
def services_around(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein", slug="mieterverein")
    here = PlaceFactory(name="Stadthaus", latitude=Decimal("51.338600"), longitude=Decimal("12.372400"))
    # About 3.3 km north-east of the Stadthaus (Eisenbahnstraße).
    east = PlaceFactory(name="Osten", latitude=Decimal("51.346700"), longitude=Decimal("12.415900"))
    ServicePageFactory(parent=partner, title="Beratung im Stadthaus", slug="stadthaus", places=[here])
    ServicePageFactory(parent=partner, title="Beratung im Osten", slug="osten", places=[east])
    ServicePageFactory(parent=partner, title="Beratung am Telefon", slug="telefon")
    return site_tree


def titles(html):
    return re.findall(r'<span class="card-title"[^>]*>([^<]+)</span>', html)


def test_near_narrows_to_services_within_the_distance_nearest_first_with_distances(client, services_around):
    html = client.get("/de/services/", {"near": "51.3386,12.3724", "km": "5"}).content.decode()
    assert titles(html) == ["Beratung im Stadthaus", "Beratung im Osten"]
    # Measured from the rounded point (51.339, 12.372), about 60 m from the Stadthaus.
    assert re.findall(r'<p class="distance">([^<]+)</p>', html) == ["0,1 km entfernt", "3,2 km entfernt"]

    html = client.get("/de/services/", {"near": "51.3386,12.3724", "km": "2"}).content.decode()
    assert titles(html) == ["Beratung im Stadthaus"]


def test_the_distance_defaults_to_2_km_and_the_reader_can_choose_another_or_stop(client, services_around):
    html = client.get("/de/services/", {"near": "51.3386,12.3724", "topic": ""}).content.decode()
    assert titles(html) == ["Beratung im Stadthaus"]
    options = re.findall(r'<option value="(\d+)"( selected)?>(\d+) km</option>', html)
    assert [(value, bool(selected)) for value, selected, _ in options] == [
        ("1", False), ("2", True), ("5", False), ("10", False)
    ]
    # The chosen point travels with the form (rounded), and one link leaves it.
    assert '<input type="hidden" name="near" value="51.339,12.372">' in html
    assert "Standort nicht mehr verwenden" in html
    assert "near=" not in re.search(r'<p class="near-chosen">.*?</p>', html, re.S).group(0).split("href=")[1]


def test_an_answer_for_a_location_is_not_kept_in_the_response_cache(client, services_around, caching):  # noqa: F811
    near = {"near": "51.3386,12.3724", "km": "2"}
    assert client.get("/de/services/", near).status_code == 200
    with count_queries() as again:
        assert "Beratung im Stadthaus" in client.get("/de/services/", near).content.decode()
    assert any("directory_servicepage" in query["sql"] for query in again.captured_queries)
    # Without a location the directory's answer is kept as every other page's.
    client.get("/de/services/")
    with count_queries() as again:
        client.get("/de/services/")
    assert not any("directory_servicepage" in query["sql"] for query in again.captured_queries)


def test_the_point_is_rounded_to_about_100_m_before_it_reaches_the_api(client, services_around):
    html = client.get("/de/services/", {"near": "51.33861234,12.37241234", "km": "1"}).content.decode()
    assert 'value="51.339,12.372"' in html and "51.3386123" not in html


@pytest.mark.parametrize(
    "near, km",
    [("91,12", "2"), ("51,181", "2"), ("nan,12", "2"), ("inf,12", "2"), ("51", "2"), ("51,12,3", "2"),
     ("Leipzig", "2"), ("51.3,12.3", "3"), ("51.3,12.3", "1e9"), ("51.3,12.3", "-1")],
)
def test_a_location_that_is_not_one_is_a_400_with_a_clear_message(client, services_around, near, km):
    response = client.get("/de/services/", {"near": near, "km": km})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<p class="error" role="alert">Dieser Standort kann nicht verwendet werden' in html
    assert "Traceback" not in html
    # The directory is still there, without the location.
    assert len(titles(html)) == 3


def test_without_a_location_the_button_waits_for_the_script_and_says_what_happens(client, services_around):
    html = client.get("/de/services/").content.decode()
    box = re.search(r'<div class="near-me" data-near-me hidden>.*?</div>', html, re.S).group(0)
    assert "Meinen Standort verwenden" in box
    assert "nur für diese Suche an unseren Server geschickt und nicht gespeichert" in box
    assert 'data-unavailable="Ihr Standort konnte nicht ermittelt werden.' in box
    assert '<p class="distance">' not in html


def test_the_script_asks_for_the_location_only_when_the_button_is_pressed():
    source = Path(finders.find("website/site.js")).read_text(encoding="utf-8")
    asked = source.index("getCurrentPosition")
    pressed = source.index('addEventListener("click"')
    assert pressed < asked and source.count("getCurrentPosition") == 1
    assert "toFixed(3)" in source


def test_the_next_page_keeps_the_location(client, services_around, site_tree):
    partner = services_around.partners.get_children().first().specific
    for number in range(30):
        ServicePageFactory(
            parent=partner, places=[PlaceFactory(latitude=Decimal("51.338700"), longitude=Decimal("12.372500"))],
            title=f"Nah {number}",
        )
    html = client.get("/de/services/", {"near": "51.3386,12.3724", "km": "1"}).content.decode()
    more = re.search(r'<a rel="next" href="\?([^"]+)"', html).group(1)
    assert "near=51.339%2C12.372" in more and "km=1" in more and "after=" in more
