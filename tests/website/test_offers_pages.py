"""
The website's help offers and requests: the two lists with their filters and paging, the
page of one listing (its text in its own language and direction, the machine notice, the
answer and report links, matches of the other direction), the home page's section, the
navigation and the sitemap; nothing that is not public, and nobody's contact details.
"""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from offers.choices import Direction, District, Kind, Status
from tests.factories import TopicFactory, spoken
from tests.offers.people import listing, submitter, translation

SECRETS = ("lena.sommer@example.org", "Lena Sommer", "555 0101", "Sommer GmbH")


@pytest.fixture
def owner(site_tree):
    return submitter("lena.sommer@example.org", name="Lena Sommer", phone="+49 341 555 0101", organisation="Sommer GmbH")


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_lists_show_offers_and_requests_apart(client, owner):
    listing(owner, title="Kinderfahrrad", description="Blau, 16 Zoll.")
    listing(owner, title="Suche Waschmaschine", description="Gebraucht reicht.", direction=Direction.REQUEST)

    offers = text(client.get("/de/offers/"))
    assert "Kinderfahrrad" in offers and "Suche Waschmaschine" not in offers
    assert "Blau, 16 Zoll." in offers and "Sachspende" in offers  # the kind, in German
    requests = text(client.get("/de/requests/"))
    assert "Suche Waschmaschine" in requests and "Kinderfahrrad" not in requests
    assert 'href="/de/offers/new/?direction=request"' in requests
    for secret in SECRETS:
        assert secret not in offers + requests


def test_the_filters_narrow_the_list(client, owner):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    flat = listing(owner, title="Zimmer frei", kind=Kind.HOUSING, district=District.ALT_WEST)
    flat.topics.add(topic)
    flat.languages.add(*spoken("ar"))
    listing(owner, title="Fahrrad", kind=Kind.DONATION, district=District.SUED)

    for query in ("kind=housing", "district=alt-west", "topic=wohnen", "language=ar"):
        page = text(client.get(f"/de/offers/?{query}"))
        assert "Zimmer frei" in page and "Fahrrad" not in page, query
    # A value no list knows narrows to nothing, and is no error.
    assert "Zimmer frei" not in text(client.get("/de/offers/?topic=mond"))
    # A kind the website does not offer is ignored.
    assert "Fahrrad" in text(client.get("/de/offers/?kind=castle"))


def test_the_list_pages_on(client, owner):
    now = timezone.now()
    for number in range(25):
        listing(owner, title=f"Angebot Nummer {number:02d}", approved_at=now - timedelta(minutes=number))
    first = text(client.get("/de/offers/"))
    assert "Angebot Nummer 00" in first and "Angebot Nummer 24" not in first
    after = first.split('rel="next" href="?')[1].split('"')[0].replace("&amp;", "&")
    second = text(client.get(f"/de/offers/?{after}"))
    assert "Angebot Nummer 24" in second and "Angebot Nummer 00" not in second
    assert client.get("/de/offers/?after=nonsense").status_code == 400


def test_a_listing_in_its_own_language_with_notice_links_and_matches(client, owner):
    arabic = listing(owner, title="أبحث عن شقة", description="عائلة من أربعة أشخاص.\n\nنتحدث العربية.",
                     direction=Direction.REQUEST, kind=Kind.HOUSING, language="ar")
    flat = listing(owner, title="Wohnung in Grünau", kind=Kind.HOUSING)
    translation(flat, "ar", title="شقة في غروناو", machine_translated=True)

    page = text(client.get(f"/de/offers/{arabic.pk}/"))
    # No German translation: the Arabic text, marked as Arabic, right to left.
    assert '<h1 lang="ar" dir="rtl">أبحث عن شقة</h1>' in page
    assert '<div class="listing-text" lang="ar" dir="rtl"><p>عائلة من أربعة أشخاص.</p>' in page
    assert f'href="/de/offers/{arabic.pk}/answer/"' in page and f'href="/de/offers/{arabic.pk}/report/"' in page
    assert "Wohnung in Grünau" in page  # a matching offer
    assert "Online bis" in page

    arabic_reader = text(client.get(f"/ar/offers/{arabic.pk}/"))
    assert "شقة في غروناو" in arabic_reader  # the match in the reader's language ...
    assert "Maschinell übersetzt" not in arabic_reader
    match_page = text(client.get(f"/ar/offers/{flat.pk}/"))
    assert 'class="notice notice-machine"' in match_page  # ... and, on its own page, the machine notice
    for secret in SECRETS:
        assert secret not in page + arabic_reader + match_page


def test_text_is_shown_as_text(client, owner):
    item = listing(owner, title="<b>Sofa</b>", description='<script>alert("x")</script>')
    page = text(client.get(f"/de/offers/{item.pk}/"))
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Sofa&lt;/b&gt;" in page


@pytest.mark.parametrize("status", [Status.UNCONFIRMED, Status.PENDING, Status.REJECTED, Status.EXPIRED, Status.WITHDRAWN, "ended"])
def test_nothing_unapproved_or_ended_is_shown(client, owner, status):
    if status == "ended":
        item = listing(owner, title="Verborgen", expires_at=timezone.now() - timedelta(minutes=1))
    else:
        item = listing(owner, title="Verborgen", status=status)
    assert client.get(f"/de/offers/{item.pk}/").status_code == 404
    for address in ("/de/offers/", "/de/", f"/de/sitemap.xml"):
        assert "Verborgen" not in text(client.get(address)) and f"/offers/{item.pk}/" not in text(client.get(address))


def test_home_page_and_navigation_lead_to_the_lists(client, owner):
    listing(owner, title="Kinderfahrrad")
    listing(owner, title="Suche Sofa", direction=Direction.REQUEST)
    home = text(client.get("/de/"))
    assert "Kinderfahrrad" in home and "Suche Sofa" in home
    assert 'href="/de/offers/"' in home and 'href="/de/requests/"' in home
    assert 'href="/uk/offers/"' in text(client.get("/uk/services/"))


def test_the_sitemap_lists_each_listing_in_its_languages(client, owner):
    item = listing(owner, title="Sofa")
    arabic = translation(item, "ar", title="أريكة")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

    def entries(code):
        root = ET.fromstring(client.get(f"/{code}/sitemap.xml").content)
        return {
            entry.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
            for entry in root.findall("s:url", ns)
        }

    german = {loc: links for loc, links in entries("de").items() if "/offers/" in loc}
    assert list(german) == [f"http://localhost/de/offers/{item.pk}/"]
    assert german[f"http://localhost/de/offers/{item.pk}/"]["ar"] == f"http://localhost/ar/offers/{arabic.pk}/"
    assert not [loc for loc in entries("uk") if "/offers/" in loc]
    # The index says when the Arabic sitemap last changed: at the listing's approval.
    index = ET.fromstring(client.get("/sitemap.xml").content)
    arabic_sitemap = next(entry for entry in index.findall("s:sitemap", ns) if entry.find("s:loc", ns).text.endswith("/ar/sitemap.xml"))
    assert arabic_sitemap.find("s:lastmod", ns).text == item.approved_at.isoformat(timespec="seconds")
