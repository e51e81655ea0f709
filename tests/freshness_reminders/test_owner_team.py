"""A team can own an item: editors choose it beside the responsible person, on pages and places."""

from django.urls import reverse

from tests.factories import GuidePageFactory, PlaceFactory


def test_editors_choose_a_team_on_pages_and_places(admin_client, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides)
    place = PlaceFactory()
    for url in (
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        reverse("wagtailsnippets_directory_place:edit", args=[place.pk]),
    ):
        page = admin_client.get(url).content.decode()
        assert 'name="owner_team"' in page and 'name="content_owner"' in page
