"""The status of many pages costs the same number of queries as the status of one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import GuidePageFactory
from tests.translation.conftest import publish, submit, translate_and_publish
from translation.machine import pretranslate
from translation.review import submit_for_review
from translation.status import compute_statuses, source_pages, target_locales


def make_pages(site_tree, count, user):
    locales = {locale.language_code: locale for locale in target_locales()}
    for number in range(count):
        page = publish(GuidePageFactory(parent=site_tree.guides, title=f"Seite {number}"))
        translate_and_publish(page, "ar")
        submit(page, "uk")
        pretranslate(page, [locales["fa"]], user=user)
        if number % 2:
            publish(page, summary="geändert")
            submit_for_review(submit(page, "en"), user)


def count_queries(pages):
    with CaptureQueriesContext(connection) as queries:
        statuses = compute_statuses(pages, target_locales())
    return len(queries), statuses


@pytest.mark.parametrize("as_queryset", [True, False])
def test_query_count_is_constant_in_the_number_of_pages(site_tree, users, as_queryset):
    make_pages(site_tree, 1, users.admin)
    pages = source_pages() if as_queryset else list(source_pages())
    few, statuses = count_queries(pages)
    assert len(statuses) == len(pages) * 12

    make_pages(site_tree, 4, users.admin)
    pages = source_pages() if as_queryset else list(source_pages())
    many, statuses = count_queries(pages)
    assert len(statuses) == len(pages) * 12
    assert {item.status for item in statuses} >= {"missing", "in_progress", "up_to_date", "waiting_for_review", "outdated"}
    assert many == few
    assert many <= 16
