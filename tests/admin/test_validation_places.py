"""Places: coordinates must lie on the globe; rooms are edited inline."""

import pytest
from django.urls import reverse

from directory.models import Place
from tests.admin import forms

ADD_URL = "wagtailsnippets_directory_place:add"


def post_place(client, **data):
    return client.post(reverse(ADD_URL) + "?locale=de", forms.place_data(**data))


def test_place_with_rooms_is_saved(superuser_client):
    response = post_place(
        superuser_client, rooms=[{"name": "Festsaal", "capacity": "120", "bookable_by_partners": "on"}]
    )

    assert response.status_code == 302
    place = Place.objects.get(name="Stadthaus")
    assert place.rooms.get().capacity == 120
    assert place.locale.language_code == "de"


@pytest.mark.parametrize(
    ("field", "value"),
    [("latitude", "91"), ("latitude", "-90.5"), ("longitude", "180.000001"), ("longitude", "-181")],
)
def test_coordinates_out_of_range_are_refused_on_their_field(superuser_client, field, value):
    response = post_place(superuser_client, **{field: value})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert not Place.objects.exists()


def test_room_without_capacity_is_refused_on_the_row(superuser_client):
    response = post_place(superuser_client, rooms=[{"name": "Festsaal", "capacity": ""}])

    assert response.status_code == 200
    assert "capacity" in response.context["form"].formsets["rooms"].forms[0].errors
