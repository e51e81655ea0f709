"""Opening hours are validated in the service's admin form, with the error on the offending row."""

import datetime

import pytest
from django.urls import reverse

from directory.models import ServicePage
from tests.admin import forms
from tests.admin.i18n import messages, shown
from tests.factories import PartnerPageFactory, PlaceFactory

OVERLAP = "This interval overlaps another one on the same day and place."


@pytest.fixture
def partner(site_tree):
    return PartnerPageFactory(parent=site_tree.partners)


def post_service(client, partner, **data):
    url = reverse("wagtailadmin_pages:add", args=["directory", "servicepage", partner.pk])
    return client.post(url, {**forms.service_data(**data), "action-publish": "publish"})


def row_errors(response, formset):
    return [
        {field: messages(errors) for field, errors in form.errors.items()}
        for form in response.context["form"].formsets[formset].forms
    ]


def interval(weekday, opens, closes, place=None):
    return {"weekday": weekday, "opens": opens, "closes": closes, "place": place.pk if place else ""}


def test_valid_opening_hours_are_saved(publisher_client, partner):
    response = post_service(
        publisher_client,
        partner,
        opening_hours=[interval(2, "09:00", "12:00"), interval(2, "12:00", "16:00"), interval(4, "09:00", "12:00")],
        opening_exceptions=[{"start_date": "2026-12-24", "end_date": "2027-01-01", "closed": "on", "note": "Weihnachten"}],
    )

    assert response.status_code == 302
    service = ServicePage.objects.get(slug="asylberatung")
    assert service.opening_hours.count() == 3
    assert service.opening_exceptions.get().note == "Weihnachten"


def test_interval_that_closes_before_it_opens_is_refused_on_closes(publisher_client, partner):
    response = post_service(publisher_client, partner, opening_hours=[interval(1, "12:00", "09:00")])

    assert response.status_code == 200
    assert shown("Closing time must be after opening time.") in row_errors(response, "opening_hours")[0]["closes"]


def test_overlapping_intervals_are_refused_on_the_later_row(publisher_client, partner):
    response = post_service(
        publisher_client, partner, opening_hours=[interval(2, "09:00", "12:00"), interval(2, "11:00", "14:00")]
    )

    errors = row_errors(response, "opening_hours")
    assert response.status_code == 200
    assert errors[0] == {}
    assert shown(OVERLAP) in errors[1]["opens"]


def test_identical_intervals_are_refused(publisher_client, partner):
    # Regression: identical rows used to collapse into one dictionary key and pass.
    response = post_service(
        publisher_client, partner, opening_hours=[interval(3, "09:00", "12:00"), interval(3, "09:00", "12:00")]
    )

    assert response.status_code == 200
    assert shown(OVERLAP) in row_errors(response, "opening_hours")[1]["opens"]


def test_interval_inside_a_long_one_is_refused_even_with_one_in_between(publisher_client, partner):
    # Regression: only neighbours after sorting were compared, so 12–13 passed beside 9–17.
    response = post_service(
        publisher_client,
        partner,
        opening_hours=[interval(5, "09:00", "17:00"), interval(5, "10:00", "11:00"), interval(5, "12:00", "13:00")],
    )

    errors = row_errors(response, "opening_hours")
    assert response.status_code == 200
    assert errors[0] == {}
    assert shown(OVERLAP) in errors[1]["opens"]
    assert shown(OVERLAP) in errors[2]["opens"]


def test_same_hours_at_different_places_are_allowed(publisher_client, partner):
    stadthaus, vhs = PlaceFactory(), PlaceFactory()

    response = post_service(
        publisher_client,
        partner,
        opening_hours=[interval(2, "09:00", "12:00", stadthaus), interval(2, "09:00", "12:00", vhs)],
    )

    assert response.status_code == 302
    service = ServicePage.objects.get(slug="asylberatung")
    assert service.live
    assert {(row.weekday, row.opens, row.closes, row.place_id) for row in service.opening_hours.all()} == {
        (2, datetime.time(9), datetime.time(12), stadthaus.pk),
        (2, datetime.time(9), datetime.time(12), vhs.pk),
    }


def test_deleted_row_does_not_count_as_overlap(publisher_client, partner):
    response = post_service(
        publisher_client,
        partner,
        opening_hours=[interval(2, "09:00", "12:00"), {**interval(2, "10:00", "11:00"), "DELETE": "on"}],
    )

    assert response.status_code == 302
    service = ServicePage.objects.get(slug="asylberatung")
    assert service.live
    assert [(row.weekday, row.opens, row.closes) for row in service.opening_hours.all()] == [
        (2, datetime.time(9), datetime.time(12))
    ]


def test_exception_that_ends_before_it_starts_is_refused_on_end_date(publisher_client, partner):
    response = post_service(
        publisher_client,
        partner,
        opening_exceptions=[{"start_date": "2026-12-24", "end_date": "2026-12-20", "closed": "on"}],
    )

    assert response.status_code == 200
    assert shown("The last day cannot be before the first.") in row_errors(response, "opening_exceptions")[0]["end_date"]


def test_open_exception_without_times_is_refused_on_opens(publisher_client, partner):
    response = post_service(publisher_client, partner, opening_exceptions=[{"start_date": "2026-12-24"}])

    assert response.status_code == 200
    assert shown("Give opening and closing times, or tick 'closed'.") in row_errors(response, "opening_exceptions")[0]["opens"]


def test_open_exception_that_closes_before_it_opens_is_refused_on_closes(publisher_client, partner):
    response = post_service(
        publisher_client, partner, opening_exceptions=[{"start_date": "2026-12-24", "opens": "14:00", "closes": "10:00"}]
    )

    assert response.status_code == 200
    assert shown("Closing time must be after opening time.") in row_errors(response, "opening_exceptions")[0]["closes"]
