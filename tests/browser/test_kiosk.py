"""The kiosk in a real browser: German and Arabic, the guide reader, idle reset, offline."""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from kiosk.models import KioskScreen
from tests.browser.helpers import assert_accessible, screenshot


def open_kiosk(page, server, fragment=""):
    page.goto(f"{server.url}/kiosk/foyer/{fragment}")
    expect(page.locator(".tile-topic").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def switch_to_arabic(page):
    page.get_by_role("button", name="العربية").click()
    expect(page.locator(".tile-topic", has_text="السكن")).to_be_visible()
    page.wait_for_load_state("networkidle")


def test_start_screen_in_german(page, server, content, screenshot_dir):
    open_kiosk(page, server)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "de")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", name="Stadthaus", exact=True)).to_be_visible()
    expect(page.locator(".announcement")).to_contain_text("ab 14 Uhr geschlossen")
    # Languages by their native names, the current one pressed.
    expect(page.get_by_role("button", name="Deutsch")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="العربية")).to_have_attribute("lang", "ar")
    expect(page.locator(".tile-topic")).to_have_text(["Wohnen", "Arbeit"])
    expect(page.locator("[aria-labelledby=open-heading] .item-title")).to_have_text(["Sozialberatung"])
    events = page.locator("[aria-labelledby=events-heading]")
    expect(events.locator(".item-title")).to_have_text(["Sprachcafé", "Infoabend Ausbildung"])
    expect(page.locator(".tile-guide .tile-title")).to_have_text(["Anmeldung in Leipzig"])
    # Touch targets: every button at least 48 px high.
    heights = page.locator("button").evaluate_all("buttons => buttons.map(b => b.getBoundingClientRect().height)")
    assert min(heights) >= 48, heights
    screenshot(page, screenshot_dir, "kiosk-de")
    assert_accessible(page)
    assert not page.js_errors


def test_start_screen_in_arabic_is_right_to_left(page, server, content, screenshot_dir):
    open_kiosk(page, server)
    switch_to_arabic(page)
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    expect(page.locator("[aria-labelledby=open-heading] .item-title")).to_have_text(["استشارة اجتماعية"])
    expect(page.locator("[aria-labelledby=events-heading] .item-title").first).to_have_text("مقهى اللغة")
    # Right-to-left for real: the first language button sits at the right edge.
    first = page.locator(".language").first.bounding_box()
    last = page.locator(".language").last.bounding_box()
    assert first["x"] > last["x"]
    screenshot(page, screenshot_dir, "kiosk-ar")
    assert_accessible(page)
    assert not page.js_errors


@pytest.mark.parametrize("arabic", [False, True], ids=["de", "ar"])
def test_guide_reader_with_qr_code(page, server, content, screenshot_dir, arabic):
    open_kiosk(page, server)
    if arabic:
        switch_to_arabic(page)
    page.locator(".tile-guide").first.click()
    title = "التسجيل في لايبزيغ" if arabic else "Anmeldung in Leipzig"
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    if not arabic:
        expect(page.locator(".steps li")).to_have_count(2)
    qr = page.locator(".qr img")
    expect(qr).to_be_visible()
    page.wait_for_function("() => { const img = document.querySelector('.qr img'); return img && img.complete && img.naturalWidth > 0; }")
    assert "/kiosk/qr.svg?url=" in qr.get_attribute("src")
    screenshot(page, screenshot_dir, f"kiosk-guide-{'ar' if arabic else 'de'}")
    assert_accessible(page)


def test_idle_timeout_returns_to_start_and_default_language(page, server, content):
    page.clock.install()
    open_kiosk(page, server)
    switch_to_arabic(page)
    page.locator(".tile-guide").first.click()
    expect(page.get_by_role("heading", name="التسجيل في لايبزيغ")).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.clock.run_for(10_000)  # not idle long enough yet
    expect(page.locator("main")).to_have_attribute("data-view", "guide")
    page.clock.run_for(6_000)  # 16 s in all, the screen's timeout is 15 s
    expect(page.locator("main")).to_have_attribute("data-view", "start")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".tile-topic").first).to_have_text("Wohnen")


def test_keeps_showing_content_when_the_api_is_unreachable_and_recovers(page, server, content):
    page.clock.install()
    open_kiosk(page, server)  # a good answer is now stored
    page.route("**/graphql/**", lambda route: route.abort())
    page.clock.run_for(5 * 60_000)  # the screen's content ages five minutes
    page.reload()
    expect(page.locator(".tile-topic").first).to_have_text("Wohnen")
    expect(page.locator("[aria-labelledby=open-heading] .item-title")).to_have_text(["Sozialberatung"])
    offline = page.locator(".offline")
    expect(offline).to_be_visible()
    expect(offline).to_contain_text("vor 5 Min.")
    expect(page.locator("#kiosk")).to_have_attribute("data-stale", "true")
    # The network comes back: the screen retries by itself (first after 15 s) and drops
    # the notice. Only 16 s pass on the fake clock, so the request's own 10 s timeout
    # cannot fire while it is still on the (real-time) network.
    page.unroute("**/graphql/**")
    page.clock.run_for(16_000)
    expect(page.locator(".offline")).to_have_count(0)
    expect(page.locator("#kiosk")).to_have_attribute("data-stale", "false")


def test_heartbeat_marks_the_screen_online(page, server, content):
    # The other tests' screens have reported too: start from a screen never seen.
    KioskScreen.objects.filter(pk=content.screen.pk).update(last_seen=None)
    content.screen.refresh_from_db()
    assert not content.screen.is_online

    # Opened once with the secret the admin showed: the page keeps it and drops it from the address.
    open_kiosk(page, server, f"#secret={content.kiosk_secret}")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#kiosk")).to_have_attribute("data-heartbeat", "ok")
    assert "secret" not in page.url
    content.screen.refresh_from_db()
    assert content.screen.is_online

    # After a reload (a power cut, say) the stored secret still opens the heartbeat.
    KioskScreen.objects.filter(pk=content.screen.pk).update(last_seen=None)
    page.reload()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#kiosk")).to_have_attribute("data-heartbeat", "ok")
    content.screen.refresh_from_db()
    assert content.screen.is_online


def test_queries_travel_as_persisted_hashes(page, server, content):
    """The first load registers each document once; a reload sends hashes only (short, cacheable URLs)."""
    from urllib.parse import parse_qs, urlsplit

    sent = []
    page.on("request", lambda request: "/graphql/" in request.url and sent.append(parse_qs(urlsplit(request.url).query)))
    open_kiosk(page, server)
    assert sent and all("extensions" in params for params in sent)
    sent.clear()
    page.reload()
    expect(page.locator(".tile-topic").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert sent and not any("query" in params for params in sent), sent
    assert not page.js_errors


def test_a_qr_code_opens_the_item_on_the_website_in_the_screens_language(page, server, content):
    """An event shown in German on an Arabic screen (no translation) opens on the Arabic website."""
    from urllib.parse import parse_qs, urlsplit

    open_kiosk(page, server)
    switch_to_arabic(page)
    page.locator("[aria-labelledby=events-heading] .item-title", has_text="Infoabend Ausbildung").click()
    qr = page.locator(".qr img")
    expect(qr).to_be_visible()
    (url,) = parse_qs(urlsplit(qr.get_attribute("src")).query)["url"]
    assert url.startswith(f"{server.url}/ar/")
    response = page.request.get(url)
    assert response.ok and "/ar/events/" in response.url
