"""
A help offer's whole way, in a real browser and with real e-mail: a person submits it on
the website, confirms it through the link that arrives over SMTP, a moderator approves it
in the admin, it is listed, and a reader's answer reaches the submitter through the
platform's relay. Neither side ever sees the other's address or phone number.
"""

import re

import pytest
from django.contrib.auth.models import Group

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from offers.choices import Status
from offers.models import Listing
from tests.browser.helpers import screenshot

OFFERER = "anbieterin.tandem@example.org"
OFFERER_PHONE = "0341 5558877"
READER = "leser.tandem@example.org"
TITLE = "Sprachtandem Deutsch–Arabisch"


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user(username="moderation-e2e", password="geheim-e2e-2026")
    user.groups.add(Group.objects.get(name="Moderators"))
    yield user
    user.delete()


def link_in(received, fragment):
    return next(link for link in received.links() if fragment in link)


def confirm_by_link(page, received):
    """Open the link of a confirmation e-mail and press its button (opening alone confirms nothing)."""
    page.goto(link_in(received, "/offers/confirm/"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_submit_confirm_approve_list_and_answer_through_the_relay(
    browser, server, content, smtp_server, settings, moderator, screenshot_dir
):
    settings.OFFERS_MIN_FILL_SECONDS = 1
    contexts = [browser.new_context(locale="de-DE", timezone_id="Europe/Berlin") for _ in range(3)]
    offerer, staff, reader = (context.new_page() for context in contexts)
    try:
        # 1. The offer, submitted on the website.
        offerer.goto(server.url + "/de/offers/new/")
        offerer.check("#f-direction-offer")
        offerer.select_option("#f-kind", "tandem")
        offerer.fill("#f-title", TITLE)
        offerer.fill("#f-description", "Ich spreche Deutsch und lerne Arabisch. Treffen am Samstag im Café am Markt.")
        offerer.fill("#f-name", "Carla Beispiel")
        offerer.fill("#f-email", OFFERER)
        offerer.fill("#f-phone", OFFERER_PHONE)
        offerer.check("#f-acceptPrivacy")
        offerer.wait_for_timeout(1200)  # a person takes longer than the minimum fill time
        offerer.locator("form.submission button[type=submit]").click()
        offerer.wait_for_url(re.compile(r"/de/offers/sent/"))
        listing = Listing.objects.get(title=TITLE)
        assert listing.status == Status.UNCONFIRMED

        # 2. Confirmed through the e-mail's link: now it waits for a moderator, still unlisted.
        smtp_server.wait_for(1)
        (confirmation,) = smtp_server.to(OFFERER)
        confirm_by_link(offerer, confirmation)
        listing.refresh_from_db()
        assert listing.status == Status.PENDING
        reader.goto(server.url + "/de/offers/")
        expect(reader.get_by_text(TITLE)).to_have_count(0)

        # 3. Approved in the admin's queue, where the moderator sees the contact details.
        staff.goto(server.url + "/admin/login/")
        staff.fill("#id_username", moderator.username)
        staff.fill("#id_password", "geheim-e2e-2026")
        staff.locator("form button[type=submit]").click()
        staff.wait_for_load_state("networkidle")
        staff.goto(f"{server.url}/admin/moderation/{listing.pk}/")
        expect(staff.locator("main")).to_contain_text(OFFERER)
        staff.locator("form[action$='/approve/'] button[type=submit]").click()
        staff.wait_for_load_state("networkidle")
        listing.refresh_from_db()
        assert listing.status == Status.APPROVED

        # 4. Listed, and its page shows no contact details.
        reader.goto(server.url + "/de/offers/")
        reader.get_by_role("link", name=TITLE).click()
        reader.wait_for_load_state("networkidle")
        expect(reader.locator("h1")).to_have_text(TITLE)
        html = reader.content()
        assert OFFERER not in html and OFFERER_PHONE not in html and "Carla" not in html
        screenshot(reader, screenshot_dir, "offer-listed")

        # 5. A reader answers; the message is forwarded once the reader confirmed their address.
        reader.locator(f"a[href$='/offers/{listing.pk}/answer/']").click()
        reader.fill("#f-text", "Hallo! Ich spreche Arabisch und möchte Deutsch üben. Samstag passt mir gut.")
        reader.fill("#f-email", READER)
        reader.check("#f-acceptPrivacy")
        reader.wait_for_timeout(1200)
        reader.locator("form.submission button[type=submit]").click()
        reader.wait_for_url(re.compile(r"/de/offers/sent/"))
        before = len(smtp_server.to(OFFERER))
        (reader_confirmation,) = smtp_server.to(READER)
        confirm_by_link(reader, reader_confirmation)

        relayed = smtp_server.to(OFFERER)[before:]
        assert len(relayed) == 1, [mail.subject for mail in relayed]
        assert "Samstag passt mir gut" in relayed[0].text
        assert READER not in relayed[0].text and READER not in str(relayed[0].message)
        assert "/offers/answer/" in "".join(relayed[0].links())  # the submitter answers through the platform too
        for mail in smtp_server.to(READER):
            assert OFFERER not in str(mail.message) and OFFERER_PHONE not in mail.text

        # 6. The submitter withdraws the offer on their own page (linked from every e-mail).
        offerer.goto(link_in(confirmation, "/my-data/"))
        expect(offerer.locator("main")).to_contain_text(TITLE)
        offerer.locator(f"form[action$='/withdraw/{listing.pk}/'] button[type=submit]").click()
        offerer.wait_for_load_state("networkidle")
        listing.refresh_from_db()
        assert listing.status == Status.WITHDRAWN
        reader.goto(server.url + "/de/offers/")
        expect(reader.get_by_text(TITLE)).to_have_count(0)
    finally:
        for context in contexts:
            context.close()
