"""
"Still correct": one click records a review without editing or publishing anything, logs
it, and the API's (cached) lastReviewed follows.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from freshness.reviews import REVIEWED_ACTION
from pages.models import GuidePage
from tests.api.helpers import gql, publish
from tests.factories import GuidePageFactory, PlaceFactory

OLD = timezone.localdate().replace(year=2025)
QUERY = "query ($id: ID!) { guide(id: $id) { title lastReviewed } }"


@pytest.fixture
def guide(site_tree):
    return publish(GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=OLD))


def review(client, page):
    return client.post(reverse("freshness:review_page", args=[page.pk]), {"next": "/admin/"})


def test_records_the_review_without_publishing_the_draft(publisher_client, publisher, guide):
    live_revision = guide.live_revision_id
    guide.title = "Wohnen (Entwurf)"
    draft = guide.save_revision(user=publisher)

    response = review(publisher_client, guide)

    assert response.status_code == 302 and response["Location"] == "/admin/"
    guide = GuidePage.objects.get(pk=guide.pk)
    assert guide.last_reviewed == timezone.localdate()
    assert guide.title == "Wohnen" and guide.live_revision_id == live_revision
    assert guide.latest_revision_id == draft.pk and guide.has_unpublished_changes
    assert guide.revisions.count() == 2
    draft.refresh_from_db()
    assert draft.content["title"] == "Wohnen (Entwurf)"
    assert draft.content["last_reviewed"] == timezone.localdate().isoformat()
    entry = PageLogEntry.objects.filter(page=guide, action=REVIEWED_ACTION).get()
    assert entry.user == publisher


def test_publishing_the_draft_later_keeps_the_review(publisher_client, publisher, guide):
    guide.title = "Wohnen (neu)"
    draft = guide.save_revision(user=publisher)
    review(publisher_client, guide)
    draft.refresh_from_db()
    draft.publish()
    assert GuidePage.objects.get(pk=guide.pk).last_reviewed == timezone.localdate()


def test_the_api_follows_even_when_cached(client, publisher_client, guide, settings, django_capture_on_commit_callbacks):
    settings.GRAPHQL_RESPONSE_CACHE = True
    caches[settings.GRAPHQL_RESPONSE_CACHE_ALIAS].clear()
    variables = {"id": str(guide.pk)}
    assert gql(client, QUERY, variables, method="get")["data"]["guide"]["lastReviewed"] == OLD.isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        review(publisher_client, guide)
    client.logout()
    answer = gql(client, QUERY, variables, method="get")
    assert answer["data"]["guide"]["lastReviewed"] == timezone.localdate().isoformat()


def test_someone_who_cannot_edit_gets_403(client, django_user_model, guide):
    reader = django_user_model.objects.create_user(username="leser", password="x")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert review(client, guide).status_code == 403
    assert GuidePage.objects.get(pk=guide.pk).last_reviewed == OLD


def test_the_link_of_the_digest_asks_first_and_records_nothing(publisher_client, guide):
    """A link (GET) opens the question; only its button (POST) records the review."""
    page = publisher_client.get(reverse("freshness:review_page", args=[guide.pk]))
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode() and reverse("wagtailadmin_pages:edit", args=[guide.pk]) in page.content.decode()
    assert GuidePage.objects.get(pk=guide.pk).last_reviewed == OLD
    assert publisher_client.put(reverse("freshness:review_page", args=[guide.pk])).status_code == 405


def test_the_header_menu_offers_it_to_editors(publisher_client, guide):
    page = publisher_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert reverse("freshness:review_page", args=[guide.pk]) in page and "w-action#post" in page


def test_a_place_too(superuser_client, db):
    place = PlaceFactory(last_reviewed=None)
    listing = superuser_client.get(reverse("wagtailsnippets_directory_place:list")).content.decode()
    assert reverse("freshness:review_place", args=[place.pk]) in listing
    response = superuser_client.post(reverse("freshness:review_place", args=[place.pk]))
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.last_reviewed == timezone.localdate()
    assert ModelLogEntry.objects.filter(object_id=str(place.pk), action=REVIEWED_ACTION).exists()
