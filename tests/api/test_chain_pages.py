"""
A list read through a fallback chain finds its page locale by locale
(``public_content.paging``): the same items, in the same order and with the same cursors
as the list's own queryset, without ranking every candidate of the chain first.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from directory.models import ServicePage
from pages.models import GuidePage
from public_content import Reading, filters, paging
from tests.api.helpers import count_queries, data, translate
from tests.factories import GuidePageFactory, PartnerPageFactory, PlaceFactory, ServicePageFactory, TopicFactory

#: Lists are paged locale by locale on PostgreSQL; on SQLite (the quick start) as they are.
BY_LOCALE = connection.vendor == "postgresql"
needs_ordered_branches = pytest.mark.skipif(not BY_LOCALE, reason="lists are paged locale by locale on PostgreSQL")

GUIDES = """
query ($locale: String, $first: Int, $after: String, $order: PageOrder) {
  guides(locale: $locale, first: $first, after: $after, order: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { title locale } }
  }
}
"""


def day(n):
    return datetime.date(2026, 1, 1) + datetime.timedelta(days=n)


def moment(n):
    return timezone.make_aware(datetime.datetime(2025, 1, 1) + datetime.timedelta(hours=n))


def dated(page, n, *, reviewed=True):
    """Distinct publication and review dates, so every order interleaves the locales."""
    GuidePage.objects.filter(pk=page.pk).update(
        last_reviewed=day(n * 7 % 11) if reviewed else None, first_published_at=moment(n * 5 % 13)
    )


@pytest.fixture
def catalogue(site_tree):
    """
    German guides and their Farsi and Dari translations, public or not, with titles that
    interleave the locales in every order. ``expected`` is what a Dari reader
    (``prs → fa → de``) sees: one title per item, the best public translation.
    """
    housing = TopicFactory(slug="housing")
    expected = set()
    n = 0

    def guide(title, *, topics=(), reviewed=True):
        nonlocal n
        n += 1
        page = GuidePageFactory(parent=site_tree.guides, title=title, topics=list(topics))
        dated(page, n, reviewed=reviewed)
        return page

    def translated(page, code, title):
        nonlocal n
        n += 1
        translation = translate(page, code, title=title)
        dated(translation, n)
        return translation

    for title in ["Arbeit", "Kita", "Schule", "Zoll"]:
        guide(title, topics=[housing])
        expected.add(title)
    expected.add(translated(guide("Wohnung", topics=[housing]), "fa", "خانه").title)
    both = guide("Deutschkurs", reviewed=False)
    translated(both, "fa", "کلاس آلمانی")
    expected.add(translated(both, "prs", "صنف جرمنی").title)
    expected.add(translated(guide("Anmeldung", topics=[housing]), "prs", "ثبت نام").title)
    # A Dari translation taken offline: the German one is read.
    offline = guide("Bank")
    translated(offline, "prs", "بانک").unpublish()
    expected.add("Bank")
    # An expired Farsi translation: the German one is read.
    expired = translated(guide("Ärztin"), "fa", "پزشک")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    expected.add("Ärztin")
    # Only the Dari translation is public: it is read although its source is offline.
    source = guide("Bibliothek")
    expected.add(translated(source, "prs", "کتابخانه").title)
    source.unpublish()
    return expected


def lists(chain_code, model=GuidePage, **filtering):
    reading = Reading()
    chain = reading.chain(chain_code)
    for order in filters.ORDERINGS:
        queryset = filters.tagged(reading.pages(model, chain), **filtering)
        yield order, filters.ordered(queryset, order)


def slices(length):
    for start in sorted({0, 1, 3, length - 1, length, length + 1}):
        for size in (0, 1, 2, 5, length + 2):
            yield start, start + size


def test_a_dari_list_holds_each_item_once_in_its_best_public_translation(catalogue):
    for order, queryset in lists("prs"):
        nodes = paging.by_locale(queryset)
        titles = [page.title for page in nodes[0:100]]
        assert sorted(titles) == sorted(catalogue), order
        assert len(nodes) == len(catalogue)


@pytest.mark.parametrize("code", ["prs", "fa", "de"])
@pytest.mark.parametrize("topic", [None, "housing"])
def test_every_slice_is_the_slice_of_the_list_itself(catalogue, code, topic):
    for order, queryset in lists(code, topic=topic):
        nodes = paging.by_locale(queryset)
        assert isinstance(nodes, paging.ChainList) == (BY_LOCALE and code != "de")
        length = queryset.count()
        for start, stop in slices(length):
            found = [page.pk for page in nodes[start:stop]]
            assert found == [page.pk for page in queryset[start:stop]], (order, start, stop)


def test_services_by_distance_are_paged_locale_by_locale_too(site_tree):
    """``near`` orders by an annotation (the distance to the nearest place), ties by id."""
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    translate(partner, "fa", title="انجمن")
    places = [PlaceFactory(latitude=51.34 + i / 1000, longitude=12.37) for i in range(6)]
    for i, place in enumerate(places):
        service = ServicePageFactory(parent=partner, title=f"Beratung {i}", places=[place])
        if i % 2:
            translate(service, "fa", title=f"مشاوره {i}")
    reading = Reading()
    chain = reading.chain("prs")
    queryset = filters.near(reading.pages(ServicePage, chain), 51.34, 12.37, 5)
    nodes = paging.by_locale(queryset)
    assert isinstance(nodes, paging.ChainList) == BY_LOCALE
    expected = [page.pk for page in queryset]
    assert len(expected) == 6
    for start, stop in slices(6):
        assert [page.pk for page in nodes[start:stop]] == expected[start:stop]


@pytest.mark.parametrize("order", ["TITLE", "NEWEST", "RECENTLY_REVIEWED"])
def test_cursors_walk_a_dari_list_page_by_page(client, catalogue, order):
    whole = data(client, GUIDES, {"locale": "prs", "first": 100, "order": order})["guides"]
    assert whole["totalCount"] == len(catalogue) == len(whole["edges"])
    assert {edge["node"]["title"] for edge in whole["edges"]} == catalogue
    for size in (1, 2, 4):
        walked, after = [], None
        while True:
            page = data(client, GUIDES, {"locale": "prs", "first": size, "after": after, "order": order})["guides"]
            walked += page["edges"]
            after = page["pageInfo"]["endCursor"]
            if not page["pageInfo"]["hasNextPage"]:
                break
        assert walked == whole["edges"], size


@needs_ordered_branches
def test_a_page_is_found_locale_by_locale_without_ranking_the_whole_list(client, catalogue):
    """
    Two queries: the page's ids (one ordered, limited branch per locale), then its rows.
    (``totalCount`` still counts the whole list, with the condition of ``best_translations``.)
    """
    with count_queries() as captured:
        result = data(client, '{ guides(locale: "prs", first: 3) { edges { node { title } } } }')["guides"]
    assert len(result["edges"]) == 3
    statements = [query["sql"] for query in captured.captured_queries if "pages_guidepage" in query["sql"]]
    (ids,) = [sql for sql in statements if "UNION ALL" in sql]
    assert ids.count("UNION ALL") == 2 and ids.count("LIMIT 4") == 4  # three branches and the merge
    assert ids.count("NOT EXISTS") == 2  # the Farsi and the German branch skip what Dari has
    # No statement keeps one translation per item by hashing every key of the better locales.
    assert not [sql for sql in statements if '"translation_key" IN (SELECT' in sql]


@needs_ordered_branches
def test_a_count_alone_reads_no_page(client, catalogue):
    with count_queries() as captured:
        result = data(client, '{ guides(locale: "prs") { totalCount } }')
    assert result["guides"]["totalCount"] == len(catalogue)
    listing = [query["sql"] for query in captured.captured_queries if "pages_guidepage" in query["sql"]]
    assert len(listing) == 1 and "UNION" not in listing[0]
