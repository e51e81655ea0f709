"""
The website's pages: each language at its own address, ``lang`` and ``dir`` on the page
and on every piece of content in another language, the machine-translation notice, and
nothing the API would hide.
"""

import datetime
import re

import pytest
from django.utils import timezone

from tests.api.helpers import translate
from tests.api.test_machine_translated import machine_translated_guide, people  # noqa: F401 (fixture)
from tests.factories import (
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    ServicePageFactory,
    TopicFactory,
)
from tests.website.content import HIDDEN, every_block_body, hide


@pytest.fixture
def content(site_tree):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", slug="wohnung-finden", summary="Tipps.")
    guide.topics.set([topic])
    guide.save_revision().publish()
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein", slug="mieterverein")
    service = ServicePageFactory(parent=partner, title="Mietberatung", slug="mietberatung", provider=partner)
    service.topics.set([topic])
    service.save_revision().publish()
    start = timezone.now() + datetime.timedelta(days=1)
    EventPageFactory(
        parent=site_tree.events, title="Wohnungsbörse", slug="wohnungsboerse", start=start,
        end=start + datetime.timedelta(hours=2),
    )
    return site_tree, guide


def html_attrs(html):
    match = re.search(r"<html ([^>]*)>", html)
    return dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))


PAGES = [
    "/{lang}/",
    "/{lang}/guides/wohnung-finden/",
    "/{lang}/topics/wohnen/",
    "/{lang}/services/",
    "/{lang}/services/mietberatung/",
    "/{lang}/partners/mieterverein/",
    "/{lang}/events/",
    "/{lang}/events/wohnungsboerse/",
    "/{lang}/search/?q=Wohnung",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang, direction", [("de", "ltr"), ("ar", "rtl"), ("uk", "ltr"), ("de-x-ls", "ltr")])
def test_every_page_answers_in_every_language_with_its_direction(client, content, path, lang, direction):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert html_attrs(response.content.decode()) == {"lang": lang, "dir": direction}


def test_the_content_of_each_page_is_there(client, content):
    assert "Wohnung finden" in client.get("/de/").content.decode()
    assert "Wohnung finden" in client.get("/de/topics/wohnen/").content.decode()
    assert "Mietberatung" in client.get("/de/services/").content.decode()
    assert "Mieterverein" in client.get("/de/services/mietberatung/").content.decode()
    assert "Mietberatung" in client.get("/de/partners/mieterverein/").content.decode()
    assert "Wohnungsbörse" in client.get("/de/events/").content.decode()
    assert "Wohnung finden" in client.get("/de/search/?q=Wohnung").content.decode()


def test_german_fallback_in_an_arabic_page_is_marked_german_left_to_right(client, content):
    html = client.get("/ar/guides/wohnung-finden/").content.decode()
    assert '<h1 lang="de" dir="ltr">Wohnung finden</h1>' in html
    # The interface around it is Arabic: the page's own language, not the guide's.
    assert '<html lang="ar" dir="rtl">' in html


def test_a_translation_is_shown_in_its_own_language_without_extra_marks(client, content):
    _tree, guide = content
    translate(guide, "ar", title="العثور على سكن")
    html = client.get("/ar/guides/wohnung-finden/").content.decode()
    assert "<h1>العثور على سكن</h1>" in html


def test_alternates_name_only_the_languages_the_item_exists_in(client, content):
    _tree, guide = content
    translate(guide, "uk", title="Пошук житла")
    html = client.get("/de/guides/wohnung-finden/").content.decode()
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html))
    assert alternates == {"de", "uk", "x-default"}
    assert '<link rel="canonical" href="http://localhost/de/guides/wohnung-finden/">' in html


def test_the_language_switcher_names_every_language_natively(client, content):
    html = client.get("/de/").content.decode()
    for code, name in [("ar", "العربية"), ("uk", "Українська"), ("de-x-ls", "Leichte Sprache")]:
        assert f'hreflang="{code}" lang="{code}"' in html and name in html


def test_the_machine_translation_notice_is_shown_until_reviewed(client, site_tree, people):  # noqa: F811
    translator, _reviewer = people
    guide, _translation = machine_translated_guide(site_tree, translator, title="Aufenthalt")
    html = client.get(f"/ar/guides/{guide.slug}/").content.decode()
    assert 'class="notice notice-machine"' in html
    assert 'class="notice notice-machine"' not in client.get(f"/de/guides/{guide.slug}/").content.decode()


@pytest.mark.parametrize("how", HIDDEN)
def test_hidden_content_is_not_found_anywhere_on_the_website(client, content, how):
    _tree, guide = content
    hide(guide, how)
    assert client.get("/de/guides/wohnung-finden/").status_code == 404
    for path in ["/de/", "/de/topics/wohnen/", "/de/search/?q=Wohnung"]:
        assert "Wohnung finden" not in client.get(path).content.decode(), path


def test_the_address_without_a_language_follows_the_browser(client, site_tree):
    response = client.get("/", headers={"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"})
    assert response.status_code == 302 and response["Location"] == "/uk/"
    assert client.get("/", headers={"Accept-Language": "ja"})["Location"] == "/de/"
    # By weight, not by order; a weight of 0 means "not this one".
    assert client.get("/", headers={"Accept-Language": "en;q=0.3, ar;q=0.9"})["Location"] == "/ar/"
    assert client.get("/", headers={"Accept-Language": "uk;q=0, en;q=0.5"})["Location"] == "/en/"


def test_an_unknown_language_is_not_a_website_page(client, site_tree):
    assert client.get("/xx/services/").status_code == 404


def test_search_words_the_api_refuses_get_a_clear_message(client, site_tree):
    response = client.get("/de/search/", {"q": "!!!"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_a_reader_can_only_read(client, content):
    assert client.post("/de/guides/wohnung-finden/").status_code == 405
    assert client.head("/de/guides/wohnung-finden/").status_code == 200


def test_the_service_worker_and_manifest(client, site_tree):
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker["Content-Type"].startswith("text/javascript")
    assert "/ar/offline/" in worker.content.decode()
    manifest = client.get("/ar/manifest.webmanifest").json()
    assert manifest["dir"] == "rtl" and manifest["start_url"] == "/ar/"
    assert client.get("/ar/offline/").status_code == 200


def test_a_guide_shows_every_block_type(client, site_tree):
    body = every_block_body(site_tree)
    GuidePageFactory(parent=site_tree.guides, title="Alles", slug="alles", body=body)
    html = client.get("/de/guides/alles/").content.decode()
    for expected in [
        "<p>Ein Absatz.</p>",
        ">Eine Überschrift</h3>",
        "<h3>Erstens</h3>", "<p>Termin buchen.</p>",
        "<li>Pass</li>", "<li>Foto</li>",
        "<summary>Was kostet es?</summary>", "<p>Nichts.</p>",
        'href="/de/services/beratung-im-verein/"', "Hier hilft man Ihnen",
        "Antragsformular", "(PDF)",
        'alt="Ein Bild"',
        'href="https://example.org/"', "Mehr dazu",
        "Ein Video",
    ]:
        assert expected in html, expected


def test_the_apis_url_paths_lead_to_the_website_pages(client, content):
    """The kiosk's QR codes, the widget's links and the feeds use ``/<language><urlPath>``."""
    response = client.get("/ar/ratgeber/wohnung-finden/")
    assert response.status_code == 302 and response["Location"] == "/ar/guides/wohnung-finden/"
    partner_path = "/de/partner/mieterverein/"
    assert client.get(partner_path)["Location"] == "/de/partners/mieterverein/"
    assert client.get(partner_path + "mietberatung/")["Location"] == "/de/services/mietberatung/"
    assert client.get("/de/ratgeber/")["Location"] == "/de/"
    assert client.get("/de/veranstaltungen/")["Location"] == "/de/events/"
    assert client.get("/de/partner/")["Location"] == "/de/services/"
    assert client.get("/de/ratgeber/gibt-es-nicht/").status_code == 404


def test_a_hidden_page_is_not_found_by_its_path(client, content):
    _tree, guide = content
    guide.unpublish()
    assert client.get("/de/ratgeber/wohnung-finden/").status_code == 404


def test_the_home_page_shows_what_the_editors_announce(client, site_tree):
    site_tree.home.intro = "Am 24. Dezember ist das Willkommenszentrum geschlossen."
    site_tree.home.save_revision().publish()
    html = client.get("/de/").content.decode()
    assert "Am 24. Dezember ist das Willkommenszentrum geschlossen." in html
    assert "Aktuelles aus dem Willkommenszentrum" in html
    # In Arabic, the German announcement is marked German.
    assert '<p lang="de" dir="ltr">Am 24. Dezember' in client.get("/ar/").content.decode()


def test_service_and_partner_pages_give_their_contact_and_last_review(client, site_tree):
    partner = PartnerPageFactory(
        parent=site_tree.partners, title="Mieterverein", slug="mieterverein", phone="0341 12345",
        email="info@mieterverein.example", website="https://mieterverein.example/",
        last_reviewed=datetime.date(2026, 11, 3),
    )
    ServicePageFactory(
        parent=partner, title="Mietberatung", slug="mietberatung", provider=partner, phone="0341 999",
        email="rat@mieterverein.example", contact_url="https://mieterverein.example/termin",
    )
    service = client.get("/de/services/mietberatung/").content.decode()
    assert 'href="tel:0341999"' in service and 'href="mailto:rat@mieterverein.example"' in service
    assert 'href="https://mieterverein.example/termin"' in service
    profile = client.get("/de/partners/mieterverein/").content.decode()
    assert 'href="tel:034112345"' in profile and 'href="https://mieterverein.example/"' in profile
    assert '<time datetime="2026-11-03">' in profile


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "9999-12-20", "2026-02-30", "gestern"])
def test_a_calendar_day_out_of_reach_shows_this_week(client, site_tree, day):
    response = client.get("/de/events/", {"day": day})
    assert response.status_code == 200
    assert f'<time datetime="{timezone.localdate().isoformat()}">' in response.content.decode()


def test_a_link_in_a_guide_leads_to_the_linked_guide_on_the_website_in_the_readers_language(client, content):
    _tree, linked = content
    translate(linked, "ar", title="العثور على سكن")
    GuidePageFactory(
        parent=_tree.guides, title="Ankommen", slug="ankommen",
        body=[("paragraph", f'<p>Lesen Sie <a linktype="page" id="{linked.pk}">Wohnung finden</a>.</p>')],
    )
    for lang in ("de", "ar"):
        html = client.get(f"/{lang}/guides/ankommen/").content.decode()
        href = re.search(r'<a href="([^"]+)">Wohnung finden</a>', html).group(1)
        assert href == f"http://localhost/{lang}/ratgeber/wohnung-finden/"
        assert client.get(href.removeprefix("http://localhost"))["Location"] == f"/{lang}/guides/wohnung-finden/"


@pytest.mark.parametrize("path", [
    "/ar/services/?after=garbage", "/ar/services/?topic=%00", "/ar/services/?language=%00", "/ar/events/?topic=%00",
])
def test_input_the_api_refuses_is_a_400_page_in_the_readers_language(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لم نتمكن من فهم هذا العنوان" in html and 'role="alert"' in html


def test_search_results_go_on_past_the_first_twenty(client, site_tree):
    for number in range(23):
        GuidePageFactory(parent=site_tree.guides, title=f"Wohngeld {number:02d}", slug=f"wohngeld-{number:02d}")
    first = client.get("/de/search/", {"q": "Wohngeld"}).content.decode()
    assert first.count('class="card"') == 20
    more = re.search(r'<a rel="next" href="\?([^"]+)">', first).group(1).replace("&amp;", "&")
    second = client.get(f"/de/search/?{more}").content.decode()
    assert second.count('class="card"') == 3
    assert 'rel="next"' not in second


def test_the_directory_filters_by_a_spoken_language(client, site_tree):
    from tests.factories import spoken

    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    ServicePageFactory(parent=partner, title="Beratung auf Dari", slug="dari", languages=spoken("prs"))
    ServicePageFactory(parent=partner, title="Beratung auf Deutsch", slug="deutsch", languages=spoken("de"))
    html = client.get("/de/services/").content.decode()
    # The choices are the spoken languages (Dari is one), by their own names.
    assert '<option value="prs" lang="prs"' in html
    assert '<option value="de-x-ls"' not in html
    filtered = client.get("/de/services/", {"language": "prs"}).content.decode()
    assert "Beratung auf Dari" in filtered and "Beratung auf Deutsch" not in filtered
