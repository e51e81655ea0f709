"""
The website's pages read the API's answers through the response cache: a page seen before
costs no content query, and a publication shows on the website as soon as it is committed.
"""

import pytest
from django.utils import timezone

from tests.api.helpers import count_queries
from tests.api.test_response_cache import caching, committed  # noqa: F401 (fixtures)
from tests.factories import GuidePageFactory


def content_queries(captured):
    """Queries for content (pages), not the per-request interface labels or the site."""
    return [query for query in captured.captured_queries if "wagtailcore_page" in query["sql"]]


@pytest.mark.parametrize("path", ["/de/", "/de/guides/wohngeld/", "/de/services/", "/de/events/"])
def test_a_page_seen_before_reads_no_content(client, site_tree, caching, path, monkeypatch):  # noqa: F811
    # Both requests in the same minute, as the answers are reused within one.
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    GuidePageFactory(parent=site_tree.guides, title="Wohngeld", slug="wohngeld")
    assert client.get(path).status_code == 200
    with count_queries() as again:
        assert client.get(path).status_code == 200
    assert content_queries(again) == []


def test_a_publication_shows_at_once(client, site_tree, caching, committed):  # noqa: F811
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohngeld", slug="wohngeld")
    assert "Wohngeld" in client.get("/de/").content.decode()
    assert "Wohngeld" in client.get("/de/guides/wohngeld/").content.decode()

    guide.title = "Wohngeld beantragen"
    committed(lambda: guide.save_revision().publish())
    assert "Wohngeld beantragen" in client.get("/de/").content.decode()
    assert "Wohngeld beantragen" in client.get("/de/guides/wohngeld/").content.decode()

    committed(guide.unpublish)
    assert client.get("/de/guides/wohngeld/").status_code == 404
    assert "Wohngeld" not in client.get("/de/").content.decode()


def test_a_cached_item_page_reads_the_sites_address_once(client, site_tree, caching):  # noqa: F811
    from tests.factories import PartnerPageFactory, ServicePageFactory

    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein", slug="verein")
    ServicePageFactory(parent=partner, title="Beratung", slug="beratung", provider=partner)
    client.get("/de/services/beratung/")
    with count_queries() as again:
        client.get("/de/services/beratung/")
    assert len([query for query in again.captured_queries if "wagtailcore_site" in query["sql"]]) == 1
