"""
Reader feedback in a browser: on the website the forms post in the background (the
reader stays on the page and sees the thanks), the opened report form is accessible in
Arabic (right to left); on the kiosk "No" and "Something here is wrong" are two touches.
"""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.browser.helpers import assert_accessible
from tests.browser.test_kiosk_items import arrival, open_screen  # noqa: F401 (fixture)
from tests.browser.test_website import visit  # noqa: F401 (fixture)
from tests.browser.test_widget_items import arabic_widget  # noqa: F401 (fixture)


@pytest.fixture
def no_feedback(db):
    Feedback.objects.all().delete()
    yield
    Feedback.objects.all().delete()


def test_the_website_forms_post_in_the_background(visit, no_feedback):  # noqa: F811
    page = visit("/ar/guides/anmeldung/")
    section = page.locator("[data-feedback]")
    section.locator("summary").click()
    assert_accessible(page)
    address = page.url
    section.get_by_role("button", name="لا").click()
    expect(section.locator(".feedback-status")).to_be_visible()
    expect(section.locator("form").first).to_be_hidden()
    assert page.url == address
    assert list(Feedback.objects.values_list("kind", flat=True)) == [FeedbackKind.NOT_HELPFUL]
    assert not page.js_errors


def test_the_kiosk_takes_feedback_in_two_touches(page, server, arrival, no_feedback):  # noqa: F811
    open_screen(page, server)
    page.locator(".tile-guide", has_text="Kindergeld").click()
    page.locator(".feedback-no").click()
    expect(page.locator(".feedback-thanks")).to_be_visible()
    page.get_by_role("button", name="البداية").click()
    page.locator(".tile-guide", has_text="Kindergeld").click()
    # Thanked once per item until the screen goes idle.
    expect(page.locator(".feedback-thanks")).to_be_visible()
    assert list(Feedback.objects.values_list("kind", flat=True)) == [FeedbackKind.NOT_HELPFUL]
    assert not page.js_errors


def test_the_widget_rates_an_item_with_the_partners_key(page, arabic_widget, no_feedback):  # noqa: F811
    item = arabic_widget.locator("li", has_text="Migrationsberatung")
    item.locator("button[data-helpful=yes]").click()
    expect(item.locator(".feedback")).to_have_attribute("data-state", "sent")
    assert list(Feedback.objects.values_list("kind", flat=True)) == [FeedbackKind.HELPFUL]
    assert_accessible(page)
    assert not page.js_errors
