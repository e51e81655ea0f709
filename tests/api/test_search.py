"""``search`` across every content type, with locale fallback and no duplicates."""

from tests.api.helpers import data, error_codes, gql, translate
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory

SEARCH = """
query ($query: String!, $locale: String, $first: Int) {
  search(query: $query, locale: $locale, first: $first) {
    totalCount
    edges { node { __typename title locale } }
  }
}
"""


def hits(client, query, **variables):
    result = data(client, SEARCH, {"query": query, **variables})["search"]
    return {(edge["node"]["__typename"], edge["node"]["title"], edge["node"]["locale"]) for edge in result["edges"]}


def test_search_finds_every_content_type_in_german(client, site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Wohngeld beantragen")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Wohngeld-Verein")
    ServicePageFactory(parent=partner, title="Wohngeldberatung", summary="Hilfe beim Wohngeld")
    EventPageFactory(parent=site_tree.events, title="Infoabend", summary="Alles zum Wohngeld")
    GuidePageFactory(parent=site_tree.guides, title="Kita")

    assert hits(client, "Wohngeld", locale="de") == {
        ("Guide", "Wohngeld beantragen", "de"),
        ("Partner", "Wohngeld-Verein", "de"),
        ("Service", "Wohngeldberatung", "de"),
        ("Event", "Infoabend", "de"),
    }


def test_search_in_dari_returns_each_item_once_in_its_best_locale(client, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohngeld beantragen")
    translate(guide, "fa", title="یارانه مسکن Wohngeld")
    GuidePageFactory(parent=site_tree.guides, title="Wohngeld für Familien")
    assert hits(client, "Wohngeld", locale="prs") == {
        ("Guide", "یارانه مسکن Wohngeld", "fa"),
        ("Guide", "Wohngeld für Familien", "de"),
    }


def test_empty_search_is_refused(client, db):
    assert error_codes(gql(client, SEARCH, {"query": "  "})) == ["BAD_USER_INPUT"]
