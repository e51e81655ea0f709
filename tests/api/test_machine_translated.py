"""
``machineTranslated`` on content pages: true after machine pre-translation until a
reviewer approves, never for German sources; ``lastReviewed`` is hidden meanwhile; a list
loads the flag once for the whole page of results.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from graphql_api.preview.tokens import make_preview_token
from tests.api.helpers import assert_same_query_count, count_queries, data
from tests.factories import GuidePageFactory, locale
from tests.translation.conftest import publish, save_target
from translation.machine import pretranslate
from translation.review import REVIEWERS_GROUP, TRANSLATORS_GROUP, submit_for_review

REVIEWED = datetime.date(2026, 1, 5)

GUIDE = """query ($id: ID!, $locale: String) {
  guide(id: $id, locale: $locale) { locale machineTranslated lastReviewed }
}"""

GUIDES = """query ($locale: String) {
  guides(locale: $locale, first: 100) { edges { node { title locale machineTranslated lastReviewed } } }
}"""


@pytest.fixture
def people(db):
    User = get_user_model()
    translator = User.objects.create_user("translator", password="x")
    translator.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    reviewer = User.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return translator, reviewer


def machine_translated_guide(site_tree, translator, title="Aufenthalt"):
    """A German guide, pre-translated into Arabic by machine and published without review."""
    guide = publish(GuidePageFactory(parent=site_tree.guides, title=title, last_reviewed=REVIEWED))
    (translation,) = pretranslate(guide, [locale("ar")], user=translator)
    save_target(translation)  # an editor with publish rights bypasses the review
    return guide, translation


def test_machine_translation_is_flagged_until_a_reviewer_approves(client, site_tree, people):
    translator, reviewer = people
    guide, translation = machine_translated_guide(site_tree, translator)

    single = data(client, GUIDE, {"id": guide.pk, "locale": "ar"})["guide"]
    assert single == {"locale": "ar", "machineTranslated": True, "lastReviewed": None}
    (edge,) = data(client, GUIDES, {"locale": "ar"})["guides"]["edges"]
    assert edge["node"]["locale"] == "ar"
    assert edge["node"]["machineTranslated"] is True and edge["node"]["lastReviewed"] is None

    with TestCase.captureOnCommitCallbacks(execute=True):
        state = submit_for_review(translation, translator)
        state.current_task_state.approve(user=reviewer)

    single = data(client, GUIDE, {"id": guide.pk, "locale": "ar"})["guide"]
    assert single == {"locale": "ar", "machineTranslated": False, "lastReviewed": REVIEWED.isoformat()}
    (edge,) = data(client, GUIDES, {"locale": "ar"})["guides"]["edges"]
    assert edge["node"]["machineTranslated"] is False and edge["node"]["lastReviewed"] == REVIEWED.isoformat()


def test_german_source_is_never_machine_translated(client, site_tree, people):
    guide, _translation = machine_translated_guide(site_tree, people[0])
    single = data(client, GUIDE, {"id": guide.pk, "locale": "de"})["guide"]
    assert single == {"locale": "de", "machineTranslated": False, "lastReviewed": REVIEWED.isoformat()}
    (edge,) = data(client, GUIDES, {"locale": "de"})["guides"]["edges"]
    assert edge["node"]["machineTranslated"] is False and edge["node"]["lastReviewed"] == REVIEWED.isoformat()


def test_german_lists_pay_no_queries_for_the_flag(client, site_tree, people):
    machine_translated_guide(site_tree, people[0])
    plain = "{ guides(locale: \"de\") { edges { node { title } } } }"
    flagged = "{ guides(locale: \"de\") { edges { node { title machineTranslated lastReviewed } } } }"
    data(client, plain)  # reads the visibility scope of this tree once; both below reuse it
    with count_queries() as without_flag:
        data(client, plain)
    with count_queries() as with_flag:
        data(client, flagged)
    assert_same_query_count(without_flag, with_flag)


def test_fallback_items_in_a_list_keep_their_own_flag(client, site_tree, people):
    machine_translated_guide(site_tree, people[0], title="Aufenthalt")
    publish(GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=REVIEWED))
    nodes = [edge["node"] for edge in data(client, GUIDES, {"locale": "ar"})["guides"]["edges"]]
    flags = {node["locale"]: (node["machineTranslated"], node["lastReviewed"]) for node in nodes}
    assert flags == {"ar": (True, None), "de": (False, REVIEWED.isoformat())}


def test_the_flag_costs_the_same_queries_for_2_and_4_guides(client, site_tree, people):
    for number in range(2):
        machine_translated_guide(site_tree, people[0], title=f"Leitfaden {number}")
    with count_queries() as small:
        nodes = data(client, GUIDES, {"locale": "ar"})["guides"]["edges"]
    assert [edge["node"]["machineTranslated"] for edge in nodes] == [True] * 2

    for number in range(2, 4):
        machine_translated_guide(site_tree, people[0], title=f"Leitfaden {number}")
    with count_queries() as large:
        nodes = data(client, GUIDES, {"locale": "ar"})["guides"]["edges"]
    assert [edge["node"]["machineTranslated"] for edge in nodes] == [True] * 4
    assert_same_query_count(small, large)


def test_preview_of_a_machine_translated_draft_is_flagged(client, site_tree, people):
    """A preview keeps the German default chain but may show any locale: the flag still applies."""
    guide = publish(GuidePageFactory(parent=site_tree.guides, last_reviewed=REVIEWED))
    (translation,) = pretranslate(guide, [locale("ar")], user=people[0])  # a draft, not public
    query = "query ($token: String!) { preview(token: $token) { ... on ContentPage { machineTranslated lastReviewed } } }"
    token = make_preview_token(translation.get_target_instance())
    assert data(client, query, {"token": token})["preview"] == {"machineTranslated": True, "lastReviewed": None}
