"""
``translationState``: readers of a translation learn that the German text changed after
it, and when; German items are never outdated; a list pays a fixed number of queries.
"""

from tests.api.helpers import assert_same_query_count, count_queries, data
from tests.factories import GuidePageFactory
from tests.translation.conftest import publish, translate_and_publish

STATE = 'query ($locale: String) { guides(locale: $locale) { edges { node { title locale translationState { outdated sourceUpdatedAt } } } } }'


def states(client, locale):
    return {
        edge["node"]["title"]: edge["node"]["translationState"]
        for edge in data(client, STATE, {"locale": locale})["guides"]["edges"]
    }


def test_a_translation_is_outdated_once_the_german_text_changes(client, site_tree):
    guide = publish(GuidePageFactory(parent=site_tree.guides, title="Aufenthalt"))
    translate_and_publish(guide, "ar")
    assert states(client, "ar") == {"[Aufenthalt]": {"outdated": False, "sourceUpdatedAt": None}}

    guide = publish(guide, summary="Neue Regeln ab Januar.")
    (state,) = states(client, "ar").values()
    assert state["outdated"] is True
    assert state["sourceUpdatedAt"].startswith(guide.last_published_at.date().isoformat())
    assert states(client, "de") == {"Aufenthalt": {"outdated": False, "sourceUpdatedAt": None}}


def test_the_state_costs_the_same_queries_for_2_and_4_translations(client, site_tree):
    made = []

    def add(count):
        for _ in range(count):
            made.append(None)
            guide = publish(GuidePageFactory(parent=site_tree.guides, title=f"Ratgeber {len(made)}"))
            translate_and_publish(guide, "ar")
            publish(guide, summary="geändert")

    add(2)
    with count_queries() as small:
        assert all(state["outdated"] for state in states(client, "ar").values())
    add(2)
    with count_queries() as large:
        assert len(states(client, "ar")) == 4
    assert_same_query_count(small, large)
