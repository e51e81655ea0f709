"""
"Was this helpful?" and "Report a mistake" on every item page: plain forms that work
without JavaScript (a thank-you page, the form again when refused), the same forms sent by
feedback.js (JSON), no cookie on item pages, and nothing for pages that are not public.
"""

import datetime

import pytest
from django.test import Client

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein", slug="mieterverein")
    start = datetime.datetime(2030, 2, 1, 10, tzinfo=datetime.UTC)
    return {
        "guides": GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", slug="wohnung-finden"),
        "partners": partner,
        "services": ServicePageFactory(parent=partner, title="Mietberatung", slug="mietberatung", provider=partner),
        "events": EventPageFactory(parent=partner, title="Mietcafé", slug="mietcafe", start=start, end=start + datetime.timedelta(hours=2)),
    }




def item_page(browser, kind, item, lang="de"):
    page = browser.get(f"/{lang}/{kind}/{item.slug}/")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.parametrize("kind", ["guides", "services", "partners", "events"])
def test_every_item_page_has_both_forms(client, items, kind):
    response = client.get(f"/de/{kind}/{items[kind].slug}/")
    # No token, so no cookie: an item page is the same for every reader.
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    html = item_page(client, kind, items[kind])
    action = f'action="/de/feedback/{items[kind].pk}/"'
    assert html.count(action) == 2
    assert 'name="feedback" value="yes"' in html and 'name="feedback" value="no"' in html
    assert 'name="feedback" value="mistake"' in html and '<textarea id="mistake-' in html
    assert "Was this helpful?" in html or "hilfreich" in html


def test_without_javascript_a_rating_leads_to_a_thank_you_page_and_back(items):
    browser = Client(enforce_csrf_checks=True)
    html = item_page(browser, "guides", items["guides"])
    response = browser.post(
        f"/de/feedback/{items['guides'].pk}/",
        {"feedback": "no", "back": "/de/guides/wohnung-finden/"},
    )
    assert response.status_code == 302 and response["Location"].startswith("/de/feedback/thanks/?back=")
    assert Feedback.objects.get().kind == FeedbackKind.NOT_HELPFUL
    thanks = browser.get(response["Location"])
    assert thanks.status_code == 200
    assert 'href="/de/guides/wohnung-finden/"' in thanks.content.decode()
    assert "data-feedback-thanks" in thanks.content.decode()


def test_without_javascript_a_refused_report_shows_the_form_again_with_what_was_typed(items):
    browser = Client(enforce_csrf_checks=True)
    html = item_page(browser, "services", items["services"])
    response = browser.post(
        f"/de/feedback/{items['services'].pk}/",
        {"feedback": "mistake", "text": "Ruf an: 0341 1234567", "back": "/de/services/mietberatung/"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ruf an: 0341 1234567</textarea>" in page and 'class="field-error"' in page
    assert not Feedback.objects.exists()

    response = browser.post(
        f"/de/feedback/{items['services'].pk}/",
        {"feedback": "mistake", "text": "Die Sprechzeit ist jetzt dienstags.", "back": "/de/services/mietberatung/"},
    )
    assert response.status_code == 302
    assert Feedback.objects.get().text == "Die Sprechzeit ist jetzt dienstags."


def test_with_javascript_the_answer_is_json(items):
    browser = Client(enforce_csrf_checks=True)
    html = item_page(browser, "events", items["events"], lang="ar")
    url = f"/ar/feedback/{items['events'].pk}/"
    ok = browser.post(url, {"feedback": "yes"}, headers={"Accept": "application/json"})
    assert ok.status_code == 200 and ok.json() == {"ok": True}
    refused = browser.post(
        url, {"feedback": "mistake", "text": ""}, headers={"Accept": "application/json"}
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "INVALID_INPUT" and refused.json()["fields"]["text"]
    assert list(Feedback.objects.values_list("kind", "locale__language_code")) == [(FeedbackKind.HELPFUL, "de")]


def test_a_rating_needs_no_cookie_and_stores_nothing_of_the_reader(items):
    """CSRF would protect what cookies authorise; a rating uses none (website/views/feedback.py)."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"/de/feedback/{items['guides'].pk}/", {"feedback": "yes"})
    assert response.status_code == 302 and not response.cookies
    assert Feedback.objects.get().kind == FeedbackKind.HELPFUL


def test_a_page_that_is_not_public_cannot_be_rated(client, items):
    guide = items["guides"]
    guide.unpublish()
    response = client.post(f"/de/feedback/{guide.pk}/", {"feedback": "yes"}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.json()["code"] == "ITEM_NOT_AVAILABLE"
    response = client.post(f"/de/feedback/{guide.pk}/", {"feedback": "yes"})
    assert response.status_code == 400 and "ITEM" not in response.content.decode()


def test_back_never_leads_off_the_site(client, items):
    response = client.post(f"/de/feedback/{items['guides'].pk}/", {"feedback": "yes", "back": "https://evil.example/"})
    assert response["Location"] == "/de/feedback/thanks/?back=%2Fde%2F"
    assert 'href="https://evil.example/"' not in client.get("/de/feedback/thanks/?back=//evil.example/").content.decode()


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}, {"Origin": "https://andere-seite.example"}, {"Origin": "null"}],
)
def test_another_sites_page_cannot_post_through_its_visitors(items, headers):
    """Without a CSRF token, the browser's own headers tell another site's post apart."""
    response = Client().post(f"/de/feedback/{items['guides'].pk}/", {"feedback": "no"}, headers=headers)
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_the_sites_own_pages_post_as_browsers_send_them(items):
    for headers in ({"Sec-Fetch-Site": "same-origin"}, {"Origin": "http://testserver"}):
        response = Client().post(f"/de/feedback/{items['guides'].pk}/", {"feedback": "yes"}, headers=headers)
        assert response.status_code == 302
    assert Feedback.objects.count() == 2
