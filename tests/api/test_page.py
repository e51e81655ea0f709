"""``page``: any page type by id or path, through the ``Page`` interface, with fallback."""

import pytest

from tests.api.helpers import data, translate
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory

PAGE = """
query ($id: ID, $urlPath: String, $locale: String) {
  page(id: $id, urlPath: $urlPath, locale: $locale) {
    __typename id title slug urlPath locale translationKey availableLocales
    firstPublishedAt lastPublishedAt seoTitle searchDescription
    ... on ContentPage { summary topics { slug } }
  }
}
"""


@pytest.fixture
def every_page(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein", slug="verein")
    return {
        "HomePage": (site_tree.home, "/"),
        "GuideIndexPage": (site_tree.guides, "/ratgeber/"),
        "EventIndexPage": (site_tree.events, "/veranstaltungen/"),
        "PartnerIndexPage": (site_tree.partners, "/partner/"),
        "Guide": (GuidePageFactory(parent=site_tree.guides, slug="wohnen"), "/ratgeber/wohnen/"),
        "Event": (EventPageFactory(parent=site_tree.events, slug="fest"), "/veranstaltungen/fest/"),
        "Partner": (partner, "/partner/verein/"),
        "Service": (ServicePageFactory(parent=partner, slug="beratung"), "/partner/verein/beratung/"),
    }


def test_page_by_id_and_by_path_for_every_page_type(client, every_page):
    for typename, (page, path) in every_page.items():
        by_id = data(client, PAGE, {"id": str(page.pk)})["page"]
        assert by_id["__typename"] == typename
        assert by_id["urlPath"] == path and by_id["locale"] == "de" and by_id["title"] == page.title
        assert data(client, PAGE, {"urlPath": path})["page"] == by_id, typename


def test_page_in_dari_falls_back_to_farsi_then_german(client, every_page):
    guide, _ = every_page["Guide"]
    farsi = translate(guide, "fa", title="خانه")
    result = data(client, PAGE, {"id": str(guide.pk), "locale": "prs"})["page"]
    assert (result["title"], result["locale"]) == ("خانه", "fa")
    assert result["availableLocales"] == ["de", "fa"]
    assert data(client, PAGE, {"id": str(farsi.pk), "locale": "de"})["page"]["locale"] == "de"
    # A page with no Farsi or Dari translation comes in German.
    event, path = every_page["Event"]
    assert data(client, PAGE, {"urlPath": path, "locale": "prs"})["page"]["locale"] == "de"


def test_missing_page_is_null(client, every_page):
    assert data(client, PAGE, {"urlPath": "/gibt-es-nicht/"})["page"] is None
    assert data(client, PAGE, {"id": "123456789"})["page"] is None
    assert data(client, PAGE, {"id": "kein-id"})["page"] is None
