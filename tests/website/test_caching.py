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
