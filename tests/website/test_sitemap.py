"""
Sitemaps: ``/sitemap.xml`` names one sitemap per language; each lists the home page, the
topic pages and every guide, service, partner and event public in that language, with its
translations as ``hreflang`` alternates and ``lastmod``; nothing hidden, and the same
number of SQL queries for 5 items as for 50.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.api.helpers import assert_same_query_count, count_queries, publish, translate
from tests.factories import (
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    ServicePageFactory,
    TopicFactory,
)
from tests.offers.people import listing
from tests.website.content import HIDDEN, hide
from translation import locales

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return ET.fromstring(response.content)


def urls(root):
    """``{loc: (lastmod, {hreflang: href})}`` of a sitemap."""
    found = {}
    for entry in root.findall("s:url", NS):
        lastmod = entry.find("s:lastmod", NS)
        links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
        found[entry.find("s:loc", NS).text] = (lastmod.text if lastmod is not None else None, links)
    return found


@pytest.fixture
def content(site_tree):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", slug="wohnung-finden")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein", slug="mieterverein")
    service = ServicePageFactory(parent=partner, title="Mietberatung", slug="mietberatung", provider=partner)
    event = EventPageFactory(parent=site_tree.events, title="Wohnungsbörse", slug="wohnungsboerse")
    for page in (guide, partner, service, event):
        publish(page)
    return {"topic": topic, "guide": guide, "partner": partner, "service": service, "event": event}


def test_the_index_names_a_sitemap_per_language(client, content):
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = [entry.find("s:loc", NS).text for entry in root.findall("s:sitemap", NS)]
    assert locations == [f"http://localhost/{info.code}/sitemap.xml" for info in locales.all_locales()]
    lastmods = {entry.find("s:loc", NS).text: entry.find("s:lastmod", NS) for entry in root.findall("s:sitemap", NS)}
    assert lastmods["http://localhost/de/sitemap.xml"] is not None


def test_a_language_lists_home_topics_and_every_public_item_with_lastmod(client, content):
    listed = urls(parse(client.get("/de/sitemap.xml")))
    assert set(listed) == {
        "http://localhost/de/",
        "http://localhost/de/topics/wohnen/",
        "http://localhost/de/guides/wohnung-finden/",
        "http://localhost/de/services/mietberatung/",
        "http://localhost/de/partners/mieterverein/",
        "http://localhost/de/events/wohnungsboerse/",
    }
    content["guide"].refresh_from_db()
    lastmod, _links = listed["http://localhost/de/guides/wohnung-finden/"]
    assert datetime.datetime.fromisoformat(lastmod) == content["guide"].last_published_at.replace(microsecond=0)
    # Home and topics are in every language.
    _lastmod, links = listed["http://localhost/de/topics/wohnen/"]
    assert links["ar"] == "http://localhost/ar/topics/wohnen/" and links["x-default"] == "http://localhost/de/topics/wohnen/"
    assert len(links) == len(locales.all_locales()) + 1


def test_an_item_is_listed_in_the_languages_it_is_translated_into_with_alternates(client, content):
    translate(content["guide"], "uk", title="Пошук житла", slug="poshuk-zhytla")
    german = urls(parse(client.get("/de/sitemap.xml")))
    _lastmod, links = german["http://localhost/de/guides/wohnung-finden/"]
    assert links == {
        "de": "http://localhost/de/guides/wohnung-finden/",
        "uk": "http://localhost/uk/guides/poshuk-zhytla/",
        "x-default": "http://localhost/de/guides/wohnung-finden/",
    }
    ukrainian = urls(parse(client.get("/uk/sitemap.xml")))
    assert "http://localhost/uk/guides/poshuk-zhytla/" in ukrainian
    assert ukrainian["http://localhost/uk/guides/poshuk-zhytla/"][1] == links
    # German content shown to Arabic readers as the fallback is listed once, at its German address.
    arabic = urls(parse(client.get("/ar/sitemap.xml")))
    assert set(arabic) == {"http://localhost/ar/", "http://localhost/ar/topics/wohnen/"}


@pytest.mark.parametrize("how", HIDDEN)
@pytest.mark.parametrize("item", ["guide", "service", "partner", "event"])
def test_hidden_items_are_not_listed(client, content, item, how):
    page = content[item]
    hide(page, how)
    listed = client.get("/de/sitemap.xml").content.decode()
    assert f"/{page.slug}/" not in listed
    # A service below a hidden partner is hidden with it.
    if item == "partner":
        assert "/mietberatung/" not in listed


def test_a_past_single_event_is_not_listed_but_a_series_is(client, site_tree):
    past = timezone.now() - datetime.timedelta(days=3)
    EventPageFactory(parent=site_tree.events, slug="vorbei", start=past, end=past + datetime.timedelta(hours=1))
    EventPageFactory(
        parent=site_tree.events, slug="kurs", start=past, end=past + datetime.timedelta(hours=1),
        recurrence_rule="FREQ=WEEKLY",
    )
    listed = client.get("/de/sitemap.xml").content.decode()
    assert "/events/kurs/" in listed and "/events/vorbei/" not in listed


def add_items(tree, count):
    partner = PartnerPageFactory(parent=tree.partners)
    for _ in range(count):
        TopicFactory()
        GuidePageFactory(parent=tree.guides)
        ServicePageFactory(parent=partner, provider=partner)
        PartnerPageFactory(parent=tree.partners)
        EventPageFactory(parent=tree.events)
        listing(None, title="Angebot")


def test_the_sitemap_costs_the_same_queries_for_5_and_50_items_of_each_kind(client, site_tree):
    add_items(site_tree, 5)
    client.get("/de/sitemap.xml")  # the visibility scope is read once per tree change, then kept
    with count_queries() as small:
        few = client.get("/de/sitemap.xml")
    add_items(site_tree, 45)
    client.get("/de/sitemap.xml")  # read again after the tree changed
    with count_queries() as large:
        many = client.get("/de/sitemap.xml")
    # The home page, n topics, n of each item kind (help offers among them) and one partner per call offering the services.
    assert len(urls(parse(few))) == 1 + 5 * 6 + 1
    assert len(urls(parse(many))) == 1 + 50 * 6 + 2
    assert_same_query_count(small, large)
    with count_queries() as index:
        parse(client.get("/sitemap.xml"))
    # The site, the last publication per language of pages and of help offers and requests.
    assert len(index.captured_queries) <= 3
