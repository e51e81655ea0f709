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


@pytest.fixture
def many_matches(site_tree):
    """Five guides that mention "Beratung" in their text, then one that has it in its title."""
    for number in range(5):
        GuidePageFactory(parent=site_tree.guides, title=f"Leitfaden {number}", summary="Mit Beratung vor Ort.")
    GuidePageFactory(parent=site_tree.guides, title="Beratung für Familien", summary="Offene Sprechstunde.")
    return site_tree


@postgres_only
def test_a_word_in_more_items_than_wanted_ranks_a_bounded_sample_title_matches_included(many_matches):
    """To find the best N, at most N title matches and N text matches are ranked, not every match."""
    from wagtail.models import Locale

    from pages.models import GuidePage
    from public_content.search_backend import candidates

    german = GuidePage.objects.filter(live=True, locale=Locale.objects.get(language_code="de"))
    assert len(candidates(german, "Beratung", "german", 10)) == 6
    sample = candidates(german, "Beratung", "german", 2)
    assert len(sample) == 3  # the one title match and two of the five text matches
    # Made last, still a candidate: titles are candidates of their own.
    assert GuidePage.objects.get(title="Beratung für Familien").pk in sample


@postgres_only
def test_the_title_match_comes_first_among_many_text_matches(client, many_matches):
    assert next(iter(titles_in_order(client, "Beratung"))) == "Beratung für Familien"


def titles_in_order(client, text):
    result = data(client, SEARCH, {"q": text, "locale": "de"})
    return [edge["node"]["title"] for edge in result["search"]["edges"]]


@postgres_only
def test_words_split_between_title_and_text_are_found_while_under_the_bound(client, site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Wohngeld", summary="Den Antrag stellen.")
    GuidePageFactory(parent=site_tree.guides, title="Wohngeld für Studierende", summary="Andere Regeln.")
    assert titles(client, SEARCH, "Wohngeld Antrag", locale="de") == {"Wohngeld"}
    assert titles(client, LIST, "Wohngeld Antrag") == {"Wohngeld"}


@postgres_only
def test_several_words_find_the_items_with_all_of_them_past_the_bound(client, many_matches, monkeypatch):
    """The one guide with both words is found although the first word alone is in six."""
    from public_content import search

    GuidePageFactory(parent=many_matches.guides, title="Beratung auf Arabisch", summary="Jeden Montag.")
    monkeypatch.setattr(search, "MAX_HITS", 2)
    assert titles(client, SEARCH, "Beratung Arabisch", locale="de") == {"Beratung auf Arabisch"}
    # Split between title and text: found too.
    assert titles(client, SEARCH, "Arabisch Montag", locale="de") == {"Beratung auf Arabisch"}
