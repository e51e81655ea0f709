"""The translators' overview: counts per locale, the to-do list, its filters, sorting and links."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page

from taxonomy.models import Topic
from tests.conftest import SiteTree, rolled_back_at_the_end
from tests.factories import EventPageFactory, GuidePageFactory, TopicFactory
from tests.translation.conftest import publish, submit, translate_and_publish
from translation.models import GlossaryTerm
from translation.views import overview

URL = reverse("translation:overview")


@pytest.fixture(scope="module")
def shared_content(shared_site_tree, django_db_blocker):
    """Translated and outdated pages, built once for the module (see tests/conftest.py)."""
    with rolled_back_at_the_end(django_db_blocker):
        site_tree = SiteTree.fetch(shared_site_tree)
        housing = TopicFactory(slug="wohnen", name="Wohnen")
        current = publish(GuidePageFactory(parent=site_tree.guides, title="Anmeldung"))
        stale = publish(GuidePageFactory(parent=site_tree.guides, title="Wohnung finden"))
        stale.topics.add(housing)
        stale = publish(stale)
        untranslated = publish(EventPageFactory(parent=site_tree.events, title="Sprachcafé"))
        translate_and_publish(current, "ar")
        translate_and_publish(stale, "ar")
        publish(stale, summary="Neu.")
        yield {"current": current.pk, "stale": stale.pk, "event": untranslated.pk, "housing": housing.pk}


@pytest.fixture
def content(shared_content, db):
    pages = {name: Page.objects.get(pk=shared_content[name]).specific for name in ("current", "stale", "event")}
    return type("Content", (), {**pages, "housing": Topic.objects.get(pk=shared_content["housing"])})


def summary(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row["data-locale"]: {cell["data-status"]: int(cell.get_text(strip=True)) for cell in row.select("td")}
        for row in soup.select("table[data-summary] tbody tr")
    }


def todo(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (row.select("td")[0].get_text(" ", strip=True), row.select("td")[2]["lang"], row["data-status"])
        for row in soup.select("table[data-todo] tbody tr[data-status]")
    ]


def test_counts_per_locale(admin_client, content):
    counts = summary(admin_client.get(URL))
    # German index pages and home page count as translatable items too (3 + 3 content pages + home).
    assert counts["ar"]["up_to_date"] == 1
    assert counts["ar"]["outdated"] == 1
    assert counts["ar"]["missing"] == 5  # home, three section pages, the event
    assert counts["uk"]["missing"] == 7
    assert "de" not in counts


def test_filters_by_locale_status_topic_and_content_type(admin_client, content):
    rows = todo(admin_client.get(URL, {"locale": "ar", "status": "outdated"}))
    assert rows == [("Wohnung finden", "ar", "outdated")]
    rows = todo(admin_client.get(URL, {"locale": "ar", "topic": content.housing.pk}))
    assert rows == [("Wohnung finden", "ar", "outdated")]
    event_type = ContentType.objects.get_for_model(type(content.event))
    rows = todo(admin_client.get(URL, {"locale": "uk", "content_type": event_type.pk}))
    assert rows == [("Sprachcafé", "uk", "missing")]


def test_sorting_and_pagination(admin_client, content, monkeypatch):
    titles = [row[0] for row in todo(admin_client.get(URL, {"locale": "uk", "sort": "title"}))]
    assert titles == sorted(titles, key=str.lower)
    assert [row[0] for row in todo(admin_client.get(URL, {"locale": "uk", "sort": "-title"}))] == titles[::-1]
    monkeypatch.setattr(overview, "PAGE_SIZE", 2)
    second = todo(admin_client.get(URL, {"locale": "uk", "sort": "title", "p": 2}))
    assert [row[0] for row in second] == titles[2:4]


def test_rows_link_into_wagtail_localize(admin_client, content):
    response = admin_client.get(URL, {"locale": "ar"})
    html = response.content.decode()
    assert reverse("wagtail_localize:submit_page_translation", args=[content.event.pk]) in html
    target = content.stale.get_translation(content.stale.locale.__class__.objects.get(language_code="ar"))
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in html
    assert reverse("translation:mark_minor", args=[content.stale.pk]) in html


def test_in_progress_rows_offer_submission_for_review(admin_client, site_tree):
    page = publish(GuidePageFactory(parent=site_tree.guides, title="Kita"))
    translation = submit(page, "fa")
    html = admin_client.get(URL, {"locale": "fa", "status": "in_progress"}).content.decode()
    assert reverse("translation:submit_for_review", args=[translation.pk]) in html


def test_glossary_is_shown_to_translators(admin_client, site_tree):
    from wagtail.models import Locale

    GlossaryTerm.objects.create(source_term="Duldung", target_locale=Locale.objects.get(language_code="ar"), target_term="تصريح التسامح")
    html = admin_client.get(URL, {"locale": "ar"}).content.decode()
    assert "Duldung" in html and "تصريح التسامح" in html


def test_only_translation_staff_see_it(client, content, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert content.stale.title not in response.content.decode()
    assert "data-summary" not in response.content.decode()
