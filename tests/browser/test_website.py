"""
The website in a real browser: home, a guide, the directory with filters, an event and
search, in German, Arabic, Ukrainian and easy German, on a phone and on a desktop screen;
axe-core finds no serious or critical violation, and ``dir`` is right on the page and on
each piece of content in another language. Visited pages stay readable offline.
"""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser.helpers import assert_accessible, screenshot

LANGUAGES = {"de": "ltr", "ar": "rtl", "uk": "ltr", "de-x-ls": "ltr"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = {
    "home": "/{lang}/",
    "guide": "/{lang}/guides/anmeldung/",
    "directory": "/{lang}/services/?topic=wohnen&open=now",
    "calendar": "/{lang}/events/",
    "event": "/{lang}/events/",  # then the first event of the calendar, whose slug the factory chose
    "search": "/{lang}/search/?q=Anmeldung",
}


@pytest.fixture
def visit(browser, db, server, content):
    """Open a website path in a fresh context of the given size; JavaScript errors fail the test."""
    contexts = []

    def open_page(path, viewport="desktop", locale="de-DE"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale=locale, timezone_id="Europe/Berlin")
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_in_each_language_is_accessible_with_its_direction(visit, screenshot_dir, name, lang, viewport):
    page = visit(PAGES[name].format(lang=lang), viewport)
    if name == "event":
        page.locator(".events a").first.click()
        page.wait_for_load_state("networkidle")
        expect(page.locator("article.event")).to_be_visible()
    html = page.locator("html")
    expect(html).to_have_attribute("lang", lang)
    expect(html).to_have_attribute("dir", LANGUAGES[lang])
    expect(page.locator("h1")).to_be_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px wider than the viewport"
    if lang in ("de", "ar"):
        screenshot(page, screenshot_dir, f"website-{name}-{lang}-{viewport}")
    assert_accessible(page)
    assert not page.js_errors


def test_arabic_guide_is_right_to_left_and_german_fallback_keeps_its_direction(visit):
    arabic = visit("/ar/guides/anmeldung/")
    heading = arabic.locator("h1")
    expect(heading).to_have_text("التسجيل في لايبزيغ")
    assert heading.evaluate("element => getComputedStyle(element).direction") == "rtl"

    # Not translated into Ukrainian (nor Russian, its fallback): the German guide, marked
    # German and left to right inside the Ukrainian page, whose own labels stay Ukrainian.
    ukrainian = visit("/uk/guides/anmeldung/")
    heading = ukrainian.locator("h1")
    expect(heading).to_have_text("Anmeldung in Leipzig")
    expect(heading).to_have_attribute("lang", "de")
    body = ukrainian.locator(".body")
    expect(body).to_have_attribute("lang", "de")
    expect(ukrainian.locator(".brand")).to_have_text("Центр привітання Лейпцига")

    # The same German text inside an Arabic page: isolated, so it reads left to right.
    arabic_fallback = visit("/ar/events/")
    link = arabic_fallback.get_by_role("link", name="Infoabend Ausbildung")
    expect(link).to_have_attribute("dir", "ltr")
    link.click()
    arabic_fallback.wait_for_load_state("networkidle")
    heading = arabic_fallback.locator("h1")
    expect(heading).to_have_attribute("dir", "ltr")
    assert heading.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert arabic_fallback.locator("html").evaluate("element => getComputedStyle(element).direction") == "rtl"


def test_the_directory_filters_by_topic_and_open_now(visit):
    page = visit("/de/services/")
    page.get_by_label("Thema").select_option("arbeit")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state("networkidle")
    assert "topic=arbeit" in page.url
    expect(page.locator(".card-title")).to_have_count(0)
    page.get_by_label("Thema").select_option("")
    page.get_by_label("Jetzt geöffnet").check()
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".card-title")).to_have_text(["Sozialberatung"])
    expect(page.locator(".badge-open")).to_have_count(1)


def test_the_language_switcher_keeps_the_page(visit):
    page = visit("/de/guides/anmeldung/")
    page.locator(".languages summary").click()
    page.get_by_role("link", name="العربية").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/ar/guides/anmeldung/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_a_visited_page_stays_readable_offline(visit):
    page = visit("/de/guides/anmeldung/")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()  # now controlled by the service worker, which keeps the page
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_have_text("Anmeldung in Leipzig")
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Anmeldung in Leipzig")
    page.goto(page.url.replace("/guides/anmeldung/", "/events/"))  # never visited: the offline page
    expect(page.locator("h1")).to_have_text("Keine Verbindung")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_offers_its_pdf_hand_out(visit, lang):
    page = visit(f"/{lang}/guides/anmeldung/", "phone")
    link = page.locator('a[href$="/handout.pdf"]')
    expect(link).to_be_visible()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"


def test_a_german_sentence_left_in_an_arabic_guide_ends_with_its_full_stop(visit):
    """The Arabic translation kept a German paragraph: its full stop is drawn after its last word."""
    page = visit("/ar/guides/anmeldung/", "phone")
    paragraph = page.locator(".body .rich-text p", has_text="Wer nach Leipzig zieht").first
    stop, before = paragraph.evaluate(
        """p => {
            const text = p.firstChild, range = document.createRange(), x = (i) => {
                range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().x;
            };
            return [x(text.length - 1), x(text.length - 2)];
        }"""
    )
    assert stop > before, "the full stop is drawn before the last word"
