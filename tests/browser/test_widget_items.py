"""The widget shows each item in its own language, in an Arabic widget too."""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser import arrival as arrival_content
from tests.browser.helpers import assert_accessible, screenshot
from tests.browser.test_kiosk_items import last_character_is_right_of_first

PARTNER_PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>شبكة الاستشارات</title></head>
<body>
<main>
<h1>شبكة الاستشارات في غروناو</h1>
<script src="{api}/embed/widget.js" data-key="{key}" data-partner="{partner}" data-locale="ar" data-show="services" async></script>
</main>
</body></html>
"""


@pytest.fixture(scope="module")
def arrival(content, django_db_blocker):
    yield from arrival_content.added(content, django_db_blocker)


@pytest.fixture
def arabic_widget(page, server, arrival, partner_site):
    name = partner_site.publish(
        "gruenau-ar.html", PARTNER_PAGE.format(api=server.url, key=arrival.raw_key, partner=arrival.partner.pk)
    )
    page.goto(f"{partner_site.origin}/{name}")
    box = page.locator("welcome-widget .widget")
    expect(box).to_have_attribute("data-state", "ready")
    return box


def test_a_german_fallback_in_an_arabic_widget_reads_left_to_right(page, arabic_widget, screenshot_dir):
    german = arabic_widget.locator("li", has_text="Migrationsberatung")
    expect(german).to_have_attribute("lang", "de")
    expect(german).to_have_attribute("dir", "ltr")
    summary = german.locator(".summary")
    expect(summary).to_have_text("Beratung zu Aufenthalt, Arbeit und Familie.")
    assert last_character_is_right_of_first(summary)
    # The place's name is isolated in its own locale; the widget around stays right to left.
    expect(german.locator(".meta bdi")).to_have_attribute("lang", "de")
    arabic = arabic_widget.locator("li[lang=ar]")
    expect(arabic).to_have_attribute("dir", "rtl")
    assert arabic_widget.evaluate("box => getComputedStyle(box).direction") == "rtl"
    screenshot(page, screenshot_dir, "widget-ar-german-fallback")
    assert_accessible(page)
    assert not page.js_errors


@pytest.mark.parametrize("show", ["services", "events", "guides"])
def test_each_part_alone_renders(page, server, arrival, partner_site, show):
    """A document that declared variables its parts never used ($from without events) was refused."""
    html = PARTNER_PAGE.format(api=server.url, key=arrival.raw_key, partner=arrival.partner.pk).replace('data-show="services"', f'data-show="{show}"')
    page.goto(f"{partner_site.origin}/{partner_site.publish(f'only-{show}.html', html)}")
    expect(page.locator("welcome-widget .widget")).to_have_attribute("data-state", "ready")
    expect(page.locator("welcome-widget h2")).to_have_count(1)


def test_a_machine_translation_says_so(arabic_widget):
    machine = arabic_widget.locator("li[lang=ar]")
    expect(machine.get_by_role("link")).to_have_text("Formularen bei Hilfe")  # the dummy translator reverses words
    notice = machine.get_by_role("note")
    expect(notice).to_have_text("تمت ترجمة هذا النص آلياً ولم يراجعه أي شخص بعد.")
    expect(notice).to_have_attribute("lang", "ar")
    expect(arabic_widget.locator("li[lang=de]").get_by_role("note")).to_have_count(0)
