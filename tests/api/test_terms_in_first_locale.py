"""
A list's topics that are already in the reader's first locale are not read a second time:
translations point at the German terms, so a German list takes them as they were
prefetched (one query for the terms), while an Arabic list still maps them to their
Arabic translations (a second query). Both answers are those of the mapping.
"""

from tests.api.helpers import count_queries, data, translate, translate_snippet
from tests.factories import GuidePageFactory, TopicFactory

LIST = "query ($locale: String) { guides(locale: $locale) { edges { node { title topics { name slug locale } } } } }"
WITHOUT_TOPICS = "query ($locale: String) { guides(locale: $locale) { edges { node { title } } } }"


def queries(client, query, locale):
    with count_queries() as context:
        answer = data(client, query, {"locale": locale})
    return answer, len(context.captured_queries)


def test_the_terms_locale_is_known_without_reading_locales(client, site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", topics=[TopicFactory(name="Wohnen")])
    data(client, WITHOUT_TOPICS, {"locale": "de"})

    with count_queries() as context:
        answer = data(client, LIST, {"locale": "de"})

    assert answer["guides"]["edges"][0]["node"]["topics"][0]["locale"] == "de"
    (terms,) = [query["sql"] for query in context.captured_queries if "taxonomy_topic" in query["sql"]]
    assert "wagtailcore_locale" not in terms


def test_terms_in_the_first_locale_cost_one_query_and_others_two(client, site_tree):
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    work = TopicFactory(name="Arbeit", slug="arbeit")
    translate_snippet(housing, "ar", name="السكن")
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", topics=[housing, work])
    translate(guide, "ar", title="العثور على شقة")
    data(client, WITHOUT_TOPICS, {"locale": "de"})  # the visibility scope, read once per process

    german, with_topics = queries(client, LIST, "de")
    _, without = queries(client, WITHOUT_TOPICS, "de")
    assert with_topics == without + 1
    assert german["guides"]["edges"][0]["node"]["topics"] == [
        {"name": "Arbeit", "slug": "arbeit", "locale": "de"},
        {"name": "Wohnen", "slug": "wohnen", "locale": "de"},
    ]

    arabic, with_topics = queries(client, LIST, "ar")
    _, without = queries(client, WITHOUT_TOPICS, "ar")
    assert with_topics == without + 2
    # The Arabic translation where there is one, the German term (the fallback) where not.
    assert arabic["guides"]["edges"][0]["node"]["topics"] == [
        {"name": "Arbeit", "slug": "arbeit", "locale": "de"},
        {"name": "السكن", "slug": "wohnen", "locale": "ar"},
    ]
