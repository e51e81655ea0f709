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


def test_a_list_of_titles_reads_no_relations(client, site_tree):
    """Only what the hits' own fields need: topics are read when asked for, not otherwise."""
    from tests.api.helpers import count_queries

    GuidePageFactory(parent=site_tree.guides, title="Wohngeld beantragen")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Wohngeld-Verein")
    ServicePageFactory(parent=partner, title="Wohngeldberatung")
    data(client, SEARCH, {"query": "Wohngeld"})  # the visibility scope, read once
    with count_queries() as titles:
        data(client, SEARCH, {"query": "Wohngeld"})
    with count_queries() as with_topics:
        data(client, SEARCH.replace("title locale", "title locale ... on Guide { topics { name } }"), {"query": "Wohngeld"})
    assert not any("taxonomy_topic" in query["sql"] for query in titles.captured_queries)
    assert any("taxonomy_topic" in query["sql"] for query in with_topics.captured_queries)
    assert len(titles.captured_queries) < len(with_topics.captured_queries)


def test_own_fields_of_hits_cost_the_same_for_2_and_4_hits(client, site_tree):
    from graphql_api.search.schema import OWN_FIELDS
    from tests.api.helpers import assert_same_query_count, count_queries

    own = " ".join(sorted(OWN_FIELDS - {"summary", "lastReviewed", "machineTranslated"}))
    query = (
        "query ($q: String!) { search(query: $q) { edges { node { "
        f"{own} ... on Guide {{ summary lastReviewed machineTranslated }} "
        "... on Service { summary lastReviewed machineTranslated } } } } }"
    )

    def measured():
        data(client, query, {"q": "Wohngeld"})  # the tree changed: read its scope first
        with count_queries() as queries:
            data(client, query, {"q": "Wohngeld"})
        return queries

    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")

    def add_guide_and_service(number):
        GuidePageFactory(parent=site_tree.guides, title=f"Wohngeld {number}")
        ServicePageFactory(parent=partner, title=f"Wohngeldberatung {number}")

    add_guide_and_service(1)
    small = measured()
    add_guide_and_service(2)
    assert_same_query_count(small, measured())  # one query per content type, not per hit
