"""
The visibility scope (site roots and hidden subtrees, the locales' ids) is read once per
change of the page tree or the locales, not once per request, and never outlives the
change: each way of hiding a section is seen by the very next request.
"""

import datetime
import time
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from public_content.visibility import Visibility
from tests.api.helpers import count_queries, data, translate
from tests.factories import GuidePageFactory

TITLES = "{ guides { edges { node { title } } } }"


def titles(client):
    return [edge["node"]["title"] for edge in data(client, TITLES)["guides"]["edges"]]


@pytest.fixture
def section(site_tree):
    """A section below the guides with one guide in it."""
    section = GuidePageFactory(parent=site_tree.guides, title="Abschnitt")
    GuidePageFactory(parent=section, title="Wohnung finden")
    return section


def test_a_second_request_does_not_read_the_scope_again(client, section):
    with count_queries() as first:
        titles(client)
    with count_queries() as second:
        titles(client)
    # roots, hidden subtrees, the next expiry, the locales' ids
    assert len(second.captured_queries) == len(first.captured_queries) - 4
    assert not any("numchild" in query["sql"] for query in second.captured_queries)


def test_lists_name_their_locales_by_id_and_look_in_their_trees_only(client, section, site_tree):
    translate(site_tree.home, "ar")
    translate(site_tree.home, "en")
    titles(client)
    with count_queries() as queries:
        data(client, '{ guides(locale: "ar") { edges { node { title } } } }')
    statements = [query["sql"] for query in queries.captured_queries if "pages_guidepage" in query["sql"]]
    # The statement that chooses the page: one query, or the page's ids on PostgreSQL
    # (public_content.paging: the list's rows in each of its two locales, and the rows that
    # may be better), then its rows by id.
    (listing,) = [sql for sql in statements if "UNION ALL" in sql] or statements
    lists = 2 if "UNION ALL" in listing else 1
    # No subquery per locale of the chain (ar, de) ...
    assert not [sql for sql in statements if "wagtailcore_locale" in sql]
    assert f'"locale_id" = {Locale.objects.get(language_code="ar").pk}' in listing
    # ... and the prefixes of the two trees, in the list and in its "better locale" subquery.
    scope = Visibility().scope[1]
    roots = dict(zip(scope.root_codes, scope.roots, strict=True))
    assert listing.count(f"'{roots['de']}%'") == lists + 1 and listing.count(f"'{roots['ar']}%'") == lists + 1
    assert not [sql for sql in statements if f"'{roots['en']}%'" in sql]


def test_a_new_locale_reaches_the_next_request(client, section):
    before = Visibility().locale_ids
    assert "nds" not in before

    low_german = Locale.objects.create(language_code="nds")

    assert Visibility().locale_ids == {**before, "nds": low_german.pk}


@pytest.mark.parametrize(
    "hide",
    [
        lambda page: page.unpublish(),
        lambda page: PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN),
        lambda page: page.delete(),
    ],
    ids=["unpublish", "restrict", "delete"],
)
def test_hiding_a_section_reaches_the_next_request(client, section, hide):
    assert "Wohnung finden" in titles(client)
    hide(section)
    assert "Wohnung finden" not in titles(client)


def test_lifting_a_restriction_reaches_the_next_request(client, section):
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert "Wohnung finden" not in titles(client)
    restriction.delete()
    assert "Wohnung finden" in titles(client)


def test_a_section_that_expires_by_itself_hides_its_pages_on_time(client, section):
    """No save, no signal: the scope knows when the next parent expires."""
    section.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    section.save()
    assert "Wohnung finden" in titles(client)
    time.sleep(1.1)
    assert "Wohnung finden" not in titles(client)



def test_a_locale_made_after_the_scope_was_read_is_looked_up(db, section):
    visibility = Visibility()
    german = Locale.objects.get(language_code="de")
    assert visibility.locale_code(SimpleNamespace(locale_id=german.pk)) == "de"

    low_german = Locale.objects.create(language_code="nds")  # this request keeps its scope

    assert "nds" not in visibility.locale_ids
    assert visibility.locale_code(SimpleNamespace(locale_id=low_german.pk, locale=low_german)) == "nds"
