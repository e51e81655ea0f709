"""
Help offers and requests on the kiosk (read only: no text input, a QR code to answer on
the website) and in the partner widget (``data-show="offers|requests"``, ``data-kind``).
"""

import urllib.parse

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from offers.choices import Direction, Kind
from offers.models import Listing, Submitter
from tests.browser.helpers import assert_accessible, screenshot
from tests.browser.test_kiosk import open_kiosk
from tests.offers.people import listing, submitter

PARTNER_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Nachbarschaftshilfe</title></head>
<body><main><h1>Nachbarschaftshilfe Lindenau</h1>
<script src="{api}/embed/widget.js" data-key="{key}" data-locale="de" data-show="offers|requests" {extra} async></script>
</main></body></html>
"""


@pytest.fixture(scope="module")
def listings(content, django_db_blocker):
    with django_db_blocker.unblock():
        owner = submitter("mara.test@example.org", name="Mara Test", phone="+49 341 555 0199")
        offer = listing(owner, title="Kinderwagen zu verschenken", description="Gut erhalten.\nAbholung in Lindenau.")
        request = listing(
            owner, title="Suche Wohnung in Grünau", description="Zwei Zimmer, ab März.",
            direction=Direction.REQUEST, kind=Kind.HOUSING,
        )
    yield offer, request
    with django_db_blocker.unblock():
        Listing.objects.filter(pk__in=[offer.pk, request.pk]).delete()
        Submitter.objects.filter(pk=owner.pk).delete()


def test_the_kiosk_lists_offers_and_opens_one_with_a_qr_code(page, server, listings, screenshot_dir):
    offer, _request = listings
    open_kiosk(page, server)
    page.get_by_role("button", name="Hilfsangebote").click()
    expect(page.get_by_role("heading", name="Hilfsangebote")).to_be_visible()
    page.get_by_role("button", name="Kinderwagen zu verschenken").click()
    expect(page.get_by_role("heading", name="Kinderwagen zu verschenken")).to_be_visible()
    expect(page.locator(".listing-text")).to_have_text("Gut erhalten.\nAbholung in Lindenau.")
    source = page.locator(".qr img").get_attribute("src")
    url = urllib.parse.parse_qs(urllib.parse.urlparse(source).query)["url"][0]
    assert url.endswith(f"/de/offers/{offer.pk}/")
    # Read only: nothing to type into, and nobody's contact details.
    assert page.locator("input, textarea, form").count() == 0
    assert "mara.test@example.org" not in page.content() and "555 0199" not in page.content()
    screenshot(page, screenshot_dir, "kiosk-offer-de")
    assert_accessible(page)
    assert not page.js_errors


def test_the_widget_shows_offers_and_requests_linking_to_the_website(page, server, content, listings, partner_site):
    offer, _request = listings
    html = PARTNER_PAGE.format(api=server.url, key=content.raw_key, extra="")
    page.goto(f"{partner_site.origin}/{partner_site.publish('nachbarschaft.html', html)}")
    box = page.locator("welcome-widget .widget")
    expect(box).to_have_attribute("data-state", "ready")
    link = box.get_by_role("link", name="Kinderwagen zu verschenken")
    assert link.get_attribute("href").endswith(f"/de/offers/{offer.pk}/")
    assert box.get_by_role("link", name="Hilfsgesuche").get_attribute("href").endswith("/de/requests/")
    expect(box.get_by_role("link", name="Suche Wohnung in Grünau")).to_be_visible()
    assert_accessible(page)
    assert not page.js_errors

    narrowed = PARTNER_PAGE.format(api=server.url, key=content.raw_key, extra='data-kind="housing"')
    page.goto(f"{partner_site.origin}/{partner_site.publish('nachbarschaft-wohnen.html', narrowed)}")
    expect(box).to_have_attribute("data-state", "ready")
    expect(box.get_by_role("link", name="Suche Wohnung in Grünau")).to_be_visible()
    expect(box.get_by_role("link", name="Kinderwagen zu verschenken")).to_have_count(0)
