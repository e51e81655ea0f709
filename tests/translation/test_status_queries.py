"""The status of many pages costs the same number of queries as the status of a few."""

import pytest
from django.contrib.auth import get_user_model

from tests.api.helpers import assert_same_query_count, count_queries
from tests.conftest import SiteTree, rolled_back_at_the_end
from tests.factories import GuidePageFactory
from tests.translation.conftest import publish, submit, translate_and_publish
from translation.machine import pretranslate
from translation.review import submit_for_review
from translation.status import compute_statuses, source_pages, target_locales


def make_pages(site_tree, count, user):
    """
    ``count`` guides, each translated into Arabic, submitted into Ukrainian and machine
    pre-translated into Farsi; every second one changed since and waiting for review in
    English. An even count gives every status a page has.
    """
    locales = {locale.language_code: locale for locale in target_locales()}
    for number in range(count):
        page = publish(GuidePageFactory(parent=site_tree.guides, title=f"Seite {number}"))
        translate_and_publish(page, "ar")
        submit(page, "uk")
        pretranslate(page, [locales["fa"]], user=user)
        if number % 2:
            publish(page, summary="geändert")
            submit_for_review(submit(page, "en"), user)


def statuses_and_queries(pages):
    with count_queries() as queries:
        statuses = compute_statuses(pages, target_locales())
    return statuses, queries


EVERY_STATUS = {"missing", "in_progress", "up_to_date", "waiting_for_review", "outdated"}


@pytest.fixture(scope="module")
def two_pages(shared_site_tree, django_db_blocker):
    """The first two pages, made once for the module (see tests/conftest.py); yields their editor."""
    with rolled_back_at_the_end(django_db_blocker):
        editor = get_user_model().objects.create_superuser("status-editor", password="x")
        make_pages(SiteTree.fetch(shared_site_tree), 2, editor)
        yield editor.pk


@pytest.mark.parametrize("as_queryset", [True, False])
def test_query_count_is_the_same_for_2_and_4_pages(two_pages, site_tree, as_queryset):
    editor = get_user_model().objects.get(pk=two_pages)
    pages = source_pages() if as_queryset else list(source_pages())
    statuses, few = statuses_and_queries(pages)
    few_pages = len(pages)  # the guides and the site tree's home and section pages
    assert len(statuses) == len(pages) * 12
    assert {item.status for item in statuses} >= EVERY_STATUS

    make_pages(site_tree, 2, editor)
    pages = source_pages() if as_queryset else list(source_pages())
    statuses, many = statuses_and_queries(pages)
    assert len(pages) == few_pages + 2
    assert len(statuses) == len(pages) * 12
    assert {item.status for item in statuses} >= EVERY_STATUS
    assert_same_query_count(few, many)
    assert len(many.captured_queries) <= 16
