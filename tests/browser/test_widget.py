"""The embeddable widget on a partner's page served from another origin."""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser.helpers import assert_accessible, screenshot

PARTNER_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Verein Brücke</title>
<style>
  /* The partner's own styles: none of this may reach into the widget. */
  body {{ font-family: Georgia, serif; margin: 2rem; }}
  h2 {{ color: rgb(200, 0, 0); font-size: 48px; }}
  a {{ color: rgb(0, 160, 0); }}
  welcome-widget {{ --welcome-accent: #7a1f5c; max-width: 40rem; }}
</style></head>
<body>
<h1>Verein Brücke e. V.</h1>
<h2>Unsere Angebote</h2>
<main>
<script src="{api}/embed/widget.js" data-key="{key}" data-partner="{partner}" data-locale="{locale}"
        data-show="services|events" async></script>
</main>
</body></html>
"""


def publish_partner_page(partner_site, server, content, locale="de", name="partner.html"):
    return partner_site.publish(
        name,
        PARTNER_PAGE.format(api=server.url, key=content.raw_key, partner=content.partner.pk, locale=locale),
    )


def widget_box(page):
    return page.locator("welcome-widget .widget")


@pytest.mark.parametrize("locale", ["de", "ar"])
def test_widget_renders_on_an_allowed_origin(page, server, content, partner_site, screenshot_dir, locale):
    name = publish_partner_page(partner_site, server, content, locale=locale, name=f"partner-{locale}.html")
    page.goto(f"{partner_site.origin}/{name}")
    box = widget_box(page)
    expect(box).to_have_attribute("data-state", "ready")
    if locale == "de":
        expect(box.get_by_role("link", name="Sozialberatung")).to_be_visible()
        expect(box.get_by_role("link", name="Sprachcafé")).to_be_visible()
        expect(page.locator("welcome-widget")).to_have_attribute("dir", "ltr")
    else:
        expect(box.get_by_role("link", name="استشارة اجتماعية")).to_be_visible()
        expect(page.locator("welcome-widget")).to_have_attribute("dir", "rtl")
    # No leakage: the partner's h2 and link colours stop at the shadow root; the theme
    # custom property gets through.
    heading_colour = box.locator("h2").first.evaluate("h => getComputedStyle(h).color")
    assert heading_colour != "rgb(200, 0, 0)"
    link_colour = box.locator("a").first.evaluate("a => getComputedStyle(a).color")
    assert link_colour == "rgb(122, 31, 92)"
    # And ours do not leak out.
    assert page.locator("body > h2").evaluate("h => getComputedStyle(h).color") == "rgb(200, 0, 0)"
    screenshot(page, screenshot_dir, f"widget-{locale}")
    assert_accessible(page)
    assert not page.js_errors


def test_widget_is_refused_on_an_origin_its_key_does_not_allow(page, server, content, partner_site):
    name = publish_partner_page(partner_site, server, content, name="copied.html")
    failed = []
    page.on("requestfailed", lambda request: "/graphql/" in request.url and failed.append(request.url))
    page.goto(f"{partner_site.other_origin}/{name}")
    box = widget_box(page)
    expect(box).to_have_attribute("data-state", "error")
    expect(box.get_by_role("link")).to_have_count(0)
    expect(box.get_by_role("status")).to_be_visible()
    # The browser saw no CORS grant; the server refused the key for that origin.
    assert failed and f"key={content.raw_key}" in failed[0]
    answer = page.request.get(failed[0], headers={"Origin": partner_site.other_origin})
    assert answer.status == 403
    assert answer.json()["errors"][0]["extensions"]["code"] == "ORIGIN_NOT_ALLOWED"


def test_the_error_text_in_arabic_reads_right_to_left(page, server, content, partner_site):
    name = publish_partner_page(partner_site, server, content, locale="ar", name="copied-ar.html")
    page.goto(f"{partner_site.other_origin}/{name}")
    expect(widget_box(page)).to_have_attribute("data-state", "error")
    host = page.locator("welcome-widget")
    expect(host).to_have_attribute("dir", "rtl")
    expect(host).to_have_attribute("lang", "ar")
