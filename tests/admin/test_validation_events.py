"""An event's dates, recurrence rule and location are validated in its admin form."""

import pytest
from django.urls import reverse

from pages.models import EventPage
from tests.admin import forms
from tests.admin.i18n import messages, shown


def post_event(client, site_tree, **data):
    url = reverse("wagtailadmin_pages:add", args=["pages", "eventpage", site_tree.events.pk])
    return client.post(url, {**forms.event_data(**data), "action-publish": "publish"})


def field_errors(response, field):
    assert response.status_code == 200, "the form was accepted"
    return " ".join(messages(response.context["form"].errors.get(field, [])))


def test_event_that_ends_before_it_starts_is_refused_on_end(publisher_client, site_tree):
    response = post_event(publisher_client, site_tree, start="2026-12-01 18:00", end="2026-12-01 17:00")

    assert shown("The event must end after it starts.") in field_errors(response, "end")


def test_event_that_ends_when_it_starts_is_refused(publisher_client, site_tree):
    response = post_event(publisher_client, site_tree, start="2026-12-01 18:00", end="2026-12-01 18:00")

    assert shown("The event must end after it starts.") in field_errors(response, "end")


FREQ = "The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10."
INVALID = "This is not a valid recurrence rule (RFC 5545): %(error)s"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("every tuesday", FREQ),
        ("FREQ=SECONDLY;COUNT=5", FREQ),
        ("FREQ=HOURLY", FREQ),
        ("FREQ=WEEKLY;BYDAY=XX", INVALID),
        ("FREQ=WEEKLY;COUNT=ten", INVALID),
        ("FREQ=DAILY;BYHOUR=9,10,11", "The time of day comes from the start; remove BYHOUR, BYMINUTE and BYSECOND."),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of at least 1."),
    ],
)
def test_bad_recurrence_rule_is_refused_on_the_rule(publisher_client, site_tree, rule, message):
    response = post_event(publisher_client, site_tree, recurrence_rule=rule)

    expected = shown(message).split("%(error)s")[0]  # the parser's own detail follows
    assert expected in field_errors(response, "recurrence_rule")


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=10", "2026-12-01 18:00"),
        # The first Monday of December 2026: the start is the series' first date.
        ("RRULE:FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270630", "2026-12-07 18:00"),
        # Calendar programs write UNTIL in UTC; it used to be refused against the naive local start.
        ("FREQ=WEEKLY;UNTIL=20270630T215959Z", "2026-12-01 18:00"),
    ],
)
def test_valid_recurrence_rule_is_accepted(publisher_client, site_tree, rule, start):
    end = start.replace("18:00", "20:00")
    response = post_event(publisher_client, site_tree, recurrence_rule=rule, start=start, end=end)

    assert response.status_code == 302
    assert EventPage.objects.get(slug="sprachcafe").recurrence_rule == rule


def test_start_that_the_rule_would_not_produce_is_refused_on_start(publisher_client, site_tree):
    # 1 December 2026 is a Tuesday; "every first Monday" begins on 7 December.
    response = post_event(publisher_client, site_tree, recurrence_rule="FREQ=MONTHLY;BYDAY=1MO;COUNT=3")

    error = field_errors(response, "start")
    assert "7" in error and "2026" in error and "18:00" in error
    assert not EventPage.objects.filter(slug="sprachcafe").exists()


def test_event_without_place_or_online_link_is_refused_on_place(publisher_client, site_tree):
    response = post_event(publisher_client, site_tree, online_url="")

    assert shown("Choose a place or give an online link.") in field_errors(response, "place")


def test_event_at_a_place_needs_no_online_link(publisher_client, site_tree):
    from tests.factories import PlaceFactory

    place = PlaceFactory()

    response = post_event(publisher_client, site_tree, online_url="", place=place.pk)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="sprachcafe")
    assert event.live
    assert (event.place_id, event.online_url) == (place.pk, "")
