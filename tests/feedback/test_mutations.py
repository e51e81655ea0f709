"""
``rateItem`` and ``reportMistake`` through the real /graphql/ view: public items only (a
hidden id answers exactly like an unknown one), validated text, no personal data kept.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.api.helpers import error_codes, gql

pytestmark = pytest.mark.django_db

RATE = "mutation ($id: ID!, $helpful: Boolean!) { rateItem(id: $id, helpful: $helpful, language: \"de\") { received } }"
REPORT = "mutation ($id: ID!, $text: String!) { reportMistake(id: $id, text: $text, language: \"en\") { received } }"


def test_a_rating_is_stored_with_the_page_and_its_language_only(client, english):
    for helpful in (True, False):
        body = gql(client, RATE, {"id": str(english.pk), "helpful": helpful}, headers={"X-Forwarded-For": "203.0.113.9"})
        assert body["data"] == {"rateItem": {"received": True}}
        assert body["_response"]["Cache-Control"] == "no-store"
    rows = list(Feedback.objects.order_by("pk").values("page_id", "locale__language_code", "kind", "text", "resolved_at"))
    assert rows == [
        {"page_id": english.pk, "locale__language_code": "en", "kind": FeedbackKind.HELPFUL, "text": "", "resolved_at": None},
        {"page_id": english.pk, "locale__language_code": "en", "kind": FeedbackKind.NOT_HELPFUL, "text": "", "resolved_at": None},
    ]


def test_no_personal_data_is_stored():
    """The model has no field for an address, an e-mail, a name, an agent or a session: adding one is a decision."""
    columns = {field.name for field in Feedback._meta.get_fields()}
    assert columns == {"id", "page", "locale", "kind", "text", "created_at", "resolved_at", "resolved_by"}


def test_a_report_is_stored_as_plain_text(client, guide):
    text = "Die Frist ist <b>14 Tage</b>, nicht 7.\r\n"
    body = gql(client, REPORT, {"id": str(guide.pk), "text": text})
    assert body["data"] == {"reportMistake": {"received": True}}
    report = Feedback.objects.get()
    assert (report.kind, report.text, report.locale.language_code) == ("mistake", "Die Frist ist <b>14 Tage</b>, nicht 7.", "de")


def draft(page):
    page.live = False
    page.save()


def expire(page):
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def restrict_parent(page):
    restrict(page.get_parent())


def delete(page):
    Page.objects.get(pk=page.pk).delete()


@pytest.mark.parametrize("hide", [draft, lambda page: page.unpublish(), expire, restrict, restrict_parent, delete])
def test_hidden_items_are_refused_exactly_like_unknown_ones(client, guide, hide):
    hide(guide)
    for query, variables in ((RATE, {"helpful": True}), (REPORT, {"text": "Die Adresse ist falsch."})):
        unknown = gql(client, query, {"id": "999999", **variables})
        hidden = gql(client, query, {"id": str(guide.pk), **variables})
        assert error_codes(hidden) == ["ITEM_NOT_AVAILABLE"]
        assert hidden["errors"][0]["extensions"] == {**unknown["errors"][0]["extensions"]}
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("item_id", ["abc", "0", "-4", str(2**70)])
def test_ids_that_are_no_ids_are_unknown_ids(client, item_id):
    assert error_codes(gql(client, RATE, {"id": item_id, "helpful": True})) == ["ITEM_NOT_AVAILABLE"]


def test_pages_that_are_not_items_cannot_be_rated(client, site_tree):
    """The home page and the section pages are public, but not an item of anyone's."""
    for page in (site_tree.home, site_tree.guides):
        assert error_codes(gql(client, RATE, {"id": str(page.pk), "helpful": False})) == ["ITEM_NOT_AVAILABLE"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least 3 characters"),
        ("  x ", "at least 3 characters"),
        ("x" * 1001, "1000 characters (it has 1001)"),
        ("Falsch\x07 hier", "control characters"),
        ("Schreiben Sie mir: reader@example.net", "e-mail addresses and phone numbers"),
        ("Rufen Sie an: 0341 123 45 67", "e-mail addresses and phone numbers"),
    ],
)
def test_bad_report_text_gets_a_field_error_in_the_readers_language(client, guide, text, message):
    body = gql(client, REPORT, {"id": str(guide.pk), "text": text})
    assert error_codes(body) == ["INVALID_INPUT"]
    [field_error] = body["errors"][0]["extensions"]["fieldErrors"]
    assert field_error["field"] == "text" and field_error["code"] == "INVALID_INPUT"
    assert message in field_error["message"]
    assert not Feedback.objects.exists()


def test_mutations_are_refused_over_get(client, guide):
    body = gql(client, RATE, {"id": str(guide.pk), "helpful": True}, method="get")
    assert body.get("errors") and not Feedback.objects.exists()
