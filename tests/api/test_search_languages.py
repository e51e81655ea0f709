"""
Search understands the reader's language: on PostgreSQL German words are stemmed and
match as prefixes (inflected forms and compounds), Arabic with and without the article;
every database answers the same words without an error.
"""

import pytest
from django.db import connection

from tests.api.helpers import data, translate
from tests.factories import GuidePageFactory, PartnerPageFactory, ServicePageFactory

SEARCH = 'query ($q: String!, $locale: String) { search(query: $q, locale: $locale) { edges { node { title } } } }'
LIST = 'query ($q: String!) { guides(search: $q) { edges { node { title } } } }'
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is PostgreSQL's; CI runs the suite on PostgreSQL"
)


@pytest.fixture
def german(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Familienzentrum")
    ServicePageFactory(parent=partner, title="Beratung für Eltern", summary="Offene Sprechstunde.")
    GuidePageFactory(parent=site_tree.guides, title="Betreuung für Kinder", summary="Kita und Hort.")
    GuidePageFactory(parent=site_tree.guides, title="Sprachkurse finden", summary="Integrationskurs und mehr.")
    GuidePageFactory(parent=site_tree.guides, title="Wohnungssuche in Leipzig", summary="Tipps für die Suche.")
    return site_tree


def titles(client, query, text, **variables):
    result = data(client, query, {"q": text, **variables})
    return {edge["node"]["title"] for edge in next(iter(result.values()))["edges"]}


WORDS = [
    ("Beratungen", "Beratung für Eltern"),
    ("Beratung", "Beratung für Eltern"),
    ("Kind", "Betreuung für Kinder"),
    ("Kinder", "Betreuung für Kinder"),
    ("Sprachkurs", "Sprachkurse finden"),
    ("Sprachkursen", "Sprachkurse finden"),
    ("Wohnung", "Wohnungssuche in Leipzig"),
]


@postgres_only
@pytest.mark.parametrize("text, title", WORDS)
def test_german_finds_inflected_forms_and_compounds(client, german, text, title):
    assert title in titles(client, SEARCH, text, locale="de")


@postgres_only
def test_a_lists_search_argument_follows_the_same_rules(client, german):
    assert titles(client, LIST, "Sprachkursen") == {"Sprachkurse finden"}
    assert titles(client, LIST, "Kinder") == {"Betreuung für Kinder"}


@postgres_only
@pytest.mark.parametrize("text", ["السكن", "سكن"])
def test_arabic_finds_words_with_and_without_the_article(client, site_tree, text):
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnen in Leipzig")
    translate(guide, "ar", title="السكن في لايبزيغ", summary="نصائح للبحث عن سكن.")
    assert titles(client, SEARCH, text, locale="ar") == {"السكن في لايبزيغ"}


@pytest.mark.parametrize("text", [text for text, _title in WORDS] + ["السكن", "Kita-Platz", "ß"])
def test_every_database_answers_these_words_without_an_error(client, german, text):
    titles(client, SEARCH, text, locale="ar")
    titles(client, LIST, text)
