"""
The kiosk shows each item in its own language: German fallback text in an Arabic screen
reads left to right with its punctuation in place, machine translations say so, and a
service shows its hours, contacts and languages (or when things open next).
"""

import datetime

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser import arrival as arrival_content
from tests.browser.helpers import assert_accessible, screenshot

#: Sunday 6 June 2027, 10:00 in Leipzig: the Grünau services open on Monday and Thursday only.
SUNDAY_MORNING = datetime.datetime(2027, 6, 6, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


@pytest.fixture(scope="module")
def arrival(content, django_db_blocker):
    yield from arrival_content.added(content, django_db_blocker)


def open_screen(page, server):
    page.clock.set_fixed_time(SUNDAY_MORNING)
    page.goto(f"{server.url}/kiosk/gruenau/")
    expect(page.locator(".tile-guide").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def last_character_is_right_of_first(locator):
    """Where the text's first and last characters are drawn (their order on screen, not in memory)."""
    return locator.evaluate(
        """element => {
            const text = [...element.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
            const at = (offset) => { const range = document.createRange(); range.setStart(text, offset); range.setEnd(text, offset + 1); return range.getBoundingClientRect().x; };
            return at(text.length - 1) > at(0);
        }"""
    )


def test_german_fallback_in_an_arabic_screen_reads_left_to_right(page, server, arrival, screenshot_dir):
    open_screen(page, server)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    german = page.locator(".tile-guide", has_text="Kindergeld")
    # The tile is the item's container: in the item's locale, not the screen's.
    expect(german).to_have_attribute("lang", "de")
    expect(german).to_have_attribute("dir", "ltr")
    assert german.evaluate("tile => getComputedStyle(tile).direction") == "ltr"
    summary = german.locator(".tile-text")
    expect(summary).to_have_text(arrival_content.GERMAN_SUMMARY)
    # The question mark is drawn at the sentence's end, right of its first word.
    assert last_character_is_right_of_first(summary)
    # The Arabic item beside it stays right to left.
    arabic = page.locator(".tile-guide", has_text="Eltern für Sprachkurs")  # the dummy machine translator reverses words
    expect(arabic).to_have_attribute("lang", "ar")
    expect(arabic).to_have_attribute("dir", "rtl")

    german.click()
    title = page.get_by_role("heading", name="Kindergeld")
    expect(title).to_have_attribute("dir", "ltr")
    expect(page.locator(".detail .lead")).to_have_attribute("lang", "de")
    assert last_character_is_right_of_first(page.locator(".detail .lead"))
    # The article around it keeps the screen's layout: the QR code on the left in Arabic.
    assert page.locator(".qr").bounding_box()["x"] < title.bounding_box()["x"]
    screenshot(page, screenshot_dir, "kiosk-ar-german-fallback")
    assert_accessible(page)
    assert not page.js_errors


def test_a_machine_translation_says_so(page, server, arrival):
    open_screen(page, server)
    page.locator(".tile-guide[lang=ar]").click()
    expect(page.locator(".detail-title")).to_have_text("Eltern für Sprachkurs")
    notice = page.get_by_role("note")
    expect(notice).to_have_text("تمت ترجمة هذا النص آلياً ولم يراجعه أي شخص بعد.")
    # The notice is the screen's own language: right to left, like the page around it.
    assert notice.evaluate("note => getComputedStyle(note).direction") == "rtl"
    assert_accessible(page)

    # The German original in the German screen, and a German fallback, carry no notice.
    page.get_by_role("button", name="البداية").click()
    page.locator(".tile-guide", has_text="Kindergeld").click()
    expect(page.locator(".detail-title")).to_have_text("Kindergeld")
    expect(page.locator(".notice")).to_have_count(0)
    assert not page.js_errors


#: Monday 7 June 2027, 10:00 in Leipzig: the migration counselling is open.
MONDAY_MORNING = SUNDAY_MORNING + datetime.timedelta(days=1)


def test_when_nothing_is_open_the_screen_says_what_opens_next(page, server, arrival, screenshot_dir):
    open_screen(page, server)  # Sunday morning
    column = page.locator("[aria-labelledby=open-heading]")
    expect(column.locator(".empty")).to_have_text("لا يوجد شيء مفتوح الآن.")
    expect(column.get_by_role("heading", name="يفتح قريبًا")).to_be_visible()
    # Soonest first: Monday 09:00 before Thursday 10:00; each with the place it opens at.
    items = column.locator(".opening-next .item")
    expect(items.locator(".item-title")).to_have_text(["Migrationsberatung", "Formularen bei Hilfe"])
    first = items.first
    expect(first).to_have_attribute("dir", "ltr")
    expect(first.locator(".item-detail bdi").last).to_have_text("Stadtteilladen Grünau")
    expect(first.locator(".item-detail bdi").first).to_have_attribute("lang", "ar")  # the time, in the screen's language
    screenshot(page, screenshot_dir, "kiosk-ar-opening-next")
    assert_accessible(page)
    assert not page.js_errors


def test_a_service_shows_its_hours_per_place_contacts_and_languages(page, server, arrival, screenshot_dir):
    open_screen(page, server)
    page.get_by_role("button", name="Deutsch", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.locator(".opening-next .item", has_text="Migrationsberatung").click()
    expect(page.get_by_role("heading", name="Migrationsberatung")).to_be_visible()
    expect(page.get_by_role("heading", name="Öffnungszeiten")).to_be_visible()
    # One table per place, a row per weekday.
    tables = page.locator("table.hours")
    expect(tables.locator("caption")).to_have_text(["Stadtteilladen Grünau", "Bibliothek Grünau"])
    expect(tables.first.locator("tr")).to_have_text(["Montag09:00–12:00"])
    expect(tables.last.locator("tr")).to_have_text(["Donnerstag14:00–18:00"])
    expect(page.locator(".exceptions li")).to_have_text(["10. Juni: geschlossen (Teamtag)"])
    expect(page.locator(".appointment")).to_have_text("Nur mit Termin")
    # Closed on a Sunday: when it opens next instead.
    expect(page.locator(".badge")).to_contain_text("Öffnet als Nächstes:")
    expect(page.locator(".badge")).to_contain_text("Stadtteilladen Grünau")
    contact = page.locator(".contact")
    expect(contact.locator("dt")).to_have_text(["Telefon", "E-Mail", "Website"])
    expect(contact.locator("dd")).to_have_text(["+49 341 123 45 67", "beratung@example.org", "example.org/termin"])
    spoken = page.locator(".spoken li span")
    expect(spoken).to_have_count(3)
    expect(page.locator(".spoken [lang=ar]")).to_have_attribute("dir", "rtl")
    screenshot(page, screenshot_dir, "kiosk-service-de")
    assert_accessible(page)
    assert not page.js_errors


def test_a_service_open_now_says_so(page, server, arrival):
    page.clock.set_fixed_time(MONDAY_MORNING)
    page.goto(f"{server.url}/kiosk/gruenau/")
    column = page.locator("[aria-labelledby=open-heading]")
    expect(column.locator(".item-title")).to_have_text(["Migrationsberatung"])
    column.locator(".item").click()
    expect(page.locator(".badge-open")).to_have_text("مفتوح الآن")
    # The hours are headed in Arabic, the weekday too; the place's name stays German, isolated.
    expect(page.get_by_role("heading", name="أوقات العمل")).to_be_visible()
    expect(page.locator("table.hours").first.locator("th")).to_have_text("الاثنين")
    expect(page.locator("table.hours caption bdi").first).to_have_attribute("dir", "ltr")
