"""The flat page listings and snippet listings editors use to find content, and what is stale."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from directory.choices import PartnerKind
from tests.admin.i18n import shown
from taxonomy.models import SpokenLanguage
from tests.factories import (
    AudienceFactory,
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
)


def listed_titles(response):
    return {page.title for page in response.context["object_list"]}


def today():
    return timezone.localdate()


@pytest.fixture
def guides(site_tree):
    housing = TopicFactory(name="Wohnen", slug="housing")
    fresh = GuidePageFactory(parent=site_tree.guides, title="Frisch", last_reviewed=today())
    fresh.topics.add(housing)
    fresh.save()
    # The guides' review cycle (freshness' rule): due on the day the interval has passed.
    cycle = relativedelta(months=settings.FRESHNESS_REVIEW_MONTHS["guidepage"])
    boundary = GuidePageFactory(
        parent=site_tree.guides, title="Grenzfall", last_reviewed=today() - cycle + datetime.timedelta(days=1)
    )
    stale = GuidePageFactory(parent=site_tree.guides, title="Veraltet", last_reviewed=today() - cycle)
    never = GuidePageFactory(parent=site_tree.guides, title="Nie geprüft", last_reviewed=None)
    return {"housing": housing, "pages": [fresh, boundary, stale, never]}


def test_guides_listing_shows_every_guide_with_its_review_date(publisher_client, guides):
    response = publisher_client.get(reverse("guides:index"))

    assert response.status_code == 200
    assert listed_titles(response) == {"Frisch", "Grenzfall", "Veraltet", "Nie geprüft"}
    assert shown("Last reviewed") in response.content.decode()


def test_due_for_review_filter_agrees_with_the_model(publisher_client, guides):
    due = publisher_client.get(reverse("guides:index"), {"due_for_review": "true"})
    current = publisher_client.get(reverse("guides:index"), {"due_for_review": "false"})

    expected_due = {page.title for page in guides["pages"] if page.is_due_for_review}
    assert expected_due == {"Veraltet", "Nie geprüft"}
    assert listed_titles(due) == expected_due
    assert listed_titles(current) == {"Frisch", "Grenzfall"}


def test_topic_filter_finds_tagged_guides_once(publisher_client, guides):
    other = TopicFactory(name="Arbeit", slug="work")
    fresh = guides["pages"][0]
    fresh.topics.add(other)
    fresh.save()

    response = publisher_client.get(reverse("guides:index"), {"topics": [guides["housing"].pk, other.pk]})

    assert [page.title for page in response.context["object_list"]] == ["Frisch"]


def test_locale_filter_is_offered_and_applied(publisher_client, guides):
    response = publisher_client.get(reverse("guides:index"), {"locale": "ar"})

    assert response.status_code == 200
    assert "locale" in response.context["filters"].form.fields
    assert listed_titles(response) == set()


def test_partner_listing_filters_by_kind(publisher_client, site_tree):
    PartnerPageFactory(parent=site_tree.partners, title="Verein", kind=PartnerKind.ASSOCIATION)
    PartnerPageFactory(parent=site_tree.partners, title="Amt", kind=PartnerKind.PUBLIC_OFFICE)

    response = publisher_client.get(reverse("partners:index"), {"kind": PartnerKind.PUBLIC_OFFICE})

    assert listed_titles(response) == {"Amt"}


def test_service_and_event_listings_respond(publisher_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)
    ServicePageFactory(parent=partner, title="Beratung", last_reviewed=None)
    EventPageFactory(parent=site_tree.events, title="Sprachcafé")

    services = publisher_client.get(reverse("services:index"), {"due_for_review": "true"})
    events = publisher_client.get(reverse("events:index"))

    assert listed_titles(services) == {"Beratung"}
    assert listed_titles(events) == {"Sprachcafé"}


#: Per-row queries of wagtail-localize's "Translate" / "Sync translated pages" row buttons
#: (upstream: the page explorer pays them too). Everything else must stay constant.
LOCALIZE_ROW_QUERIES = ('FROM "wagtail_localize_translatableobject"', 'SELECT 1 AS "a" FROM "wagtailcore_locale" WHERE NOT')


def test_guide_listing_query_count_does_not_grow_with_the_number_of_guides(publisher_client, site_tree):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = publisher_client.get(reverse("guides:index"), {"due_for_review": "false", "topics": []})
        assert response.status_code == 200
        sql = [query["sql"] for query in queries.captured_queries]
        ours = [statement for statement in sql if not any(marker in statement for marker in LOCALIZE_ROW_QUERIES)]
        return len(ours), len(sql) - len(ours), ours

    for _ in range(2):
        GuidePageFactory(parent=site_tree.guides)
    count_queries()  # warm the per-process caches (content types, site root paths)
    few, localize_few, _sql = count_queries()
    for _ in range(2):
        GuidePageFactory(parent=site_tree.guides)
    many, localize_many, sql = count_queries()

    assert many == few, "\n".join(sql)
    assert (localize_few, localize_many) == (2 * 2, 2 * 4)


def test_place_snippets_filter_by_accessibility_and_city(superuser_client, db):
    PlaceFactory(name="Stadthaus", accessibility="full")
    PlaceFactory(name="Altbau", accessibility="none", city="Markkleeberg")
    url = reverse("wagtailsnippets_directory_place:list")

    accessible = superuser_client.get(url, {"accessibility": "full"})
    elsewhere = superuser_client.get(url, {"city": "Markkleeberg"})

    assert {place.name for place in accessible.context["object_list"]} == {"Stadthaus"}
    assert {place.name for place in elsewhere.context["object_list"]} == {"Altbau"}


def test_place_snippets_are_searchable(superuser_client, db):
    PlaceFactory(name="Stadthaus")
    PlaceFactory(name="Volkshochschule")

    response = superuser_client.get(reverse("wagtailsnippets_directory_place:list"), {"q": "Volkshoch"})

    assert {place.name for place in response.context["object_list"]} == {"Volkshochschule"}


def test_place_edit_form_has_rooms_inline(superuser_client, db):
    place = PlaceFactory()

    response = superuser_client.get(reverse("wagtailsnippets_directory_place:edit", args=[place.pk]))

    assert response.status_code == 200
    assert "rooms-TOTAL_FORMS" in response.content.decode()


TAXONOMY = {
    "topic": lambda: TopicFactory(name="Wohnen"),
    "audience": lambda: AudienceFactory(name="Familien"),
    "spokenlanguage": lambda: SpokenLanguage.objects.get(code="prs"),
}


@pytest.mark.parametrize("model_name", list(TAXONOMY))
def test_taxonomy_snippets_are_grouped_and_listed(superuser_client, db, model_name):
    item = TAXONOMY[model_name]()
    url = reverse(f"wagtailsnippets_taxonomy_{model_name}:list")
    response = superuser_client.get(url)
    admin_home = superuser_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert item in response.context["object_list"]
    assert str(item) in response.content.decode()
    assert shown("Taxonomy") in admin_home.content.decode()
    assert url in admin_home.content.decode()  # offered in the admin menu


def test_spoken_languages_are_searched_by_native_name(superuser_client, db):
    response = superuser_client.get(reverse("wagtailsnippets_taxonomy_spokenlanguage:list"), {"q": "دری"})

    assert [language.code for language in response.context["object_list"]] == ["prs"]


def test_place_listing_query_count_does_not_grow_with_the_number_of_places(superuser_client, db):
    url = reverse("wagtailsnippets_directory_place:list")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert superuser_client.get(url).status_code == 200
        sql = [query["sql"] for query in queries.captured_queries]
        ours = [statement for statement in sql if not any(marker in statement for marker in LOCALIZE_ROW_QUERIES)]
        return len(ours), len(sql) - len(ours), ours

    for _ in range(2):
        PlaceFactory()
    count_queries()  # warm the per-process caches
    few, localize_few, _sql = count_queries()
    for _ in range(2):
        PlaceFactory()
    many, localize_many, sql = count_queries()

    assert many == few, "\n".join(sql)
    # wagtail-localize's snippet row buttons cost a few lookups per place (upstream; two on
    # PostgreSQL, three on SQLite): the same per row, and never more than three.
    per_row = localize_few // 2
    assert 0 < per_row <= 3
    assert (localize_few, localize_many) == (per_row * 2, per_row * 4)
