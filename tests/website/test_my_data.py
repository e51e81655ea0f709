"""
A submitter's own pages: see, export, withdraw, delete everything (GDPR art. 15, 17, 20),
and the reminder's one-time extend link; in the reader's language, for one person only
(never cached), changes by POST with CSRF only, and a wrong token is a plain 404.
"""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from offers import lifecycle
from offers.choices import Status
from offers.models import Listing, Submitter
from tests.offers import people

pytestmark = pytest.mark.django_db

TITLES = {"de": "Ihre Daten", "ar": "بياناتك"}
NOT_FOUND = {"de": "Seite nicht gefunden", "ar": "الصفحة غير موجودة"}


@pytest.fixture
def owner(site_tree):
    owner = people.submitter("amal.nasser@example.org", name="Amal Nasser", phone="+49 176 5550199", language="ar")
    people.listing(owner, title="Nachhilfe in Mathematik", status=Status.APPROVED)
    people.listing(owner, title="Gebrauchte Waschmaschine", status=Status.PENDING)
    return owner


@pytest.fixture
def stranger(site_tree):
    stranger = people.submitter("someone.else@example.org", name="Jonas Berg", phone="+49 341 5550777")
    people.listing(stranger, title="Fremder Eintrag")
    return stranger


def html_attrs(html):
    return dict(re.findall(r'(\w+)="([^"]*)"', re.search(r"<html ([^>]*)>", html).group(1)))


def assert_personal(response):
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("lang, direction", [("de", "ltr"), ("ar", "rtl")])
def test_my_data_shows_all_and_only_the_submitters_data_in_the_readers_language(client, owner, stranger, lang, direction):
    response = client.get(f"/{lang}/my-data/{owner.access_token}/")
    assert response.status_code == 200
    assert_personal(response)
    html = response.content.decode()
    assert html_attrs(html) == {"lang": lang, "dir": direction}
    assert f"<h1>{TITLES[lang]}</h1>" in html
    for shown in ("amal.nasser@example.org", "Amal Nasser", "+49 176 5550199", "Nachhilfe in Mathematik", "Gebrauchte Waschmaschine"):
        assert shown in html
    for hidden in ("someone.else@example.org", "Jonas Berg", "Fremder Eintrag", stranger.access_token):
        assert hidden not in html
    assert 'rel="canonical"' not in html and "hreflang=\"x-default\"" not in html


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize(
    "path", ["/{lang}/my-data/{token}/", "/{lang}/my-data/{token}/export.json", "/{lang}/my-data/{token}/delete/",
             "/{lang}/offers/extend/{token}/"],
)
def test_a_wrong_token_is_the_plain_not_found_page_in_the_readers_language(client, owner, lang, path):
    response = client.get(path.format(lang=lang, token=owner.access_token[:-3] + "xyz"))
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{NOT_FOUND[lang]}</h1>" in html
    # The same page as for any address that does not exist: nothing says whether an e-mail address is known.
    assert client.get(f"/{lang}/no-such-section/").content.decode() == html


def test_the_export_is_a_json_download_of_the_submitters_data(client, owner, stranger):
    response = client.get(f"/de/my-data/{owner.access_token}/export.json")
    assert response.status_code == 200
    assert_personal(response)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["contact"]["email"] == "amal.nasser@example.org"
    assert sorted(item["title"] for item in data["listings"]) == ["Gebrauchte Waschmaschine", "Nachhilfe in Mathematik"]
    assert "someone.else@example.org" not in response.content.decode()


def csrf_token_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_withdrawing_a_listing_needs_a_post_with_csrf_and_ends_it_at_once(owner, stranger):
    browser = Client(enforce_csrf_checks=True)
    listing = owner.listings.get(title="Nachhilfe in Mathematik")
    page = browser.get(f"/ar/my-data/{owner.access_token}/").content.decode()
    action = f"/ar/my-data/{owner.access_token}/withdraw/{listing.pk}/"
    assert f'action="{action}"' in page

    assert browser.get(action).status_code == 405
    assert browser.post(action).status_code == 403  # no CSRF token
    assert Listing.objects.get(pk=listing.pk).status == Status.APPROVED

    response = browser.post(action, {"csrfmiddlewaretoken": csrf_token_of(page)})
    assert response.status_code == 302
    assert response["Location"] == f"/ar/my-data/{owner.access_token}/?done=withdrawn"
    listing.refresh_from_db()
    assert listing.status == Status.WITHDRAWN and listing.ended_at is not None
    assert listing not in Listing.objects.public()
    assert 'role="status"' in browser.get(response["Location"]).content.decode()

    # Someone else's listing cannot be withdrawn through this link.
    other = stranger.listings.get()
    assert browser.post(f"/ar/my-data/{owner.access_token}/withdraw/{other.pk}/", {"csrfmiddlewaretoken": csrf_token_of(page)}).status_code == 404
    assert Listing.objects.get(pk=other.pk).status == Status.APPROVED


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_deleting_everything_asks_first_then_erases_it(owner, stranger, lang):
    browser = Client(enforce_csrf_checks=True)
    confirm = browser.get(f"/{lang}/my-data/{owner.access_token}/delete/")
    assert confirm.status_code == 200
    assert_personal(confirm)
    assert Submitter.objects.filter(pk=owner.pk).exists()  # looking changes nothing
    assert browser.post(f"/{lang}/my-data/{owner.access_token}/delete/").status_code == 403

    done = browser.post(f"/{lang}/my-data/{owner.access_token}/delete/", {"csrfmiddlewaretoken": csrf_token_of(confirm.content.decode())})
    assert done.status_code == 200
    assert html_attrs(done.content.decode())["lang"] == lang
    assert not Submitter.objects.filter(pk=owner.pk).exists()
    assert not Listing.objects.filter(title__in=["Nachhilfe in Mathematik", "Gebrauchte Waschmaschine"]).exists()
    assert Listing.objects.filter(title="Fremder Eintrag").exists()
    assert browser.get(f"/{lang}/my-data/{owner.access_token}/").status_code == 404


def test_the_reminders_extend_link_keeps_the_listing_online_once(smtp_server, owner, settings):
    now = timezone.now()
    listing = owner.listings.get(title="Nachhilfe in Mathematik")
    Listing.objects.filter(pk=listing.pk).update(approved_at=now - timedelta(days=55), expires_at=now + timedelta(days=5))
    assert lifecycle.remind_due(now) == 1
    smtp_server.wait_for(1)
    [link] = [link for link in smtp_server.to(owner.email)[0].links() if "/offers/extend/" in link]
    path = link.removeprefix("http://localhost")
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(path)
    assert page.status_code == 200
    assert_personal(page)
    assert html_attrs(page.content.decode())["lang"] == "ar"
    assert Listing.objects.get(pk=listing.pk).extended_at is None  # opening the link (a mail scanner) changes nothing

    done = browser.post(path, {"csrfmiddlewaretoken": csrf_token_of(page.content.decode())})
    assert done.status_code == 200
    listing.refresh_from_db()
    assert listing.extended_at is not None
    assert listing.expires_at > now + timedelta(days=settings.OFFERS_LIFETIME_DAYS - 1)
    assert "سيبقى إعلانك معروضًا حتى" in done.content.decode()

    again = browser.post(path, {"csrfmiddlewaretoken": csrf_token_of(page.content.decode())})
    assert "تم تمديد هذا الإعلان مرة من قبل" in again.content.decode()
    assert Listing.objects.get(pk=listing.pk).expires_at == listing.expires_at
