"""A kiosk reloaded without network (a power cut, a browser restart) keeps showing its content."""

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser.helpers import assert_accessible, screenshot


def open_until_kept(page, server):
    """The first visit: content shown, its answers stored, the worker active and controlling the page."""
    page.goto(f"{server.url}/kiosk/foyer/")
    expect(page.locator(".tile-topic").first).to_be_visible()
    expect(page.locator("#kiosk")).to_have_attribute("data-offline-ready", "true")
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_load_state("networkidle")


def test_a_reload_without_network_starts_from_the_kept_copy(page, server, content, screenshot_dir):
    open_until_kept(page, server)
    # A reader opened the featured guide while the network was there.
    page.locator(".tile-guide").first.click()
    page.wait_for_function("() => { const img = document.querySelector('.qr img'); return img && img.complete && img.naturalWidth > 0; }")
    page.get_by_role("button", name="Start").click()
    page.context.set_offline(True)
    page.reload()
    # Not the browser's error page: the screen, its content from the store, with its age.
    expect(page.locator(".tile-topic")).to_have_text(["Wohnen", "Arbeit"])
    expect(page.locator("[aria-labelledby=open-heading] .item-title")).to_have_text(["Sozialberatung"])
    expect(page.locator(".offline")).to_be_visible()
    expect(page.locator("#kiosk")).to_have_attribute("data-stale", "true")
    assert page.evaluate("() => Boolean(navigator.serviceWorker.controller)")
    # The guide opens from the store too, with its QR code from the worker's copy.
    page.locator(".tile-guide").first.click()
    expect(page.get_by_role("heading", name="Anmeldung in Leipzig")).to_be_visible()
    page.wait_for_function("() => { const img = document.querySelector('.qr img'); return img && img.complete && img.naturalWidth > 0; }")
    screenshot(page, screenshot_dir, "kiosk-offline-reload")
    assert_accessible(page)

    # The network comes back: the next reload is live again.
    page.context.set_offline(False)
    page.reload()
    expect(page.locator(".tile-topic").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#kiosk")).to_have_attribute("data-stale", "false")
    assert not page.js_errors


def test_a_second_reload_without_network_works_as_well(page, server, content):
    """What the worker kept is not used up by the first offline start."""
    open_until_kept(page, server)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".tile-topic").first).to_be_visible()
    page.reload()
    expect(page.locator(".tile-topic").first).to_have_text("Wohnen")
    expect(page.locator(".offline")).to_be_visible()
