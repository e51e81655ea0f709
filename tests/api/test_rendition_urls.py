"""
Rendition addresses are Wagtail's, worked out once per file name for files in the file
system (``graphql_api.media.types._url``) and asked of any other storage every time.
"""

import pytest
import wagtail_factories
from django.core.files.storage import FileSystemStorage, default_storage
from django.test import override_settings

from graphql_api.media import types as media
from tests.api.helpers import data
from tests.factories import GuidePageFactory

QUERY = "{ guides(first: 10) { edges { node { image { rendition(size: SMALL) { url } } } } } }"


@pytest.fixture
def guides_with_images(site_tree):
    return [
        GuidePageFactory(parent=site_tree.guides, title=f"Bild {number}", image=wagtail_factories.ImageFactory())
        for number in range(3)
    ]


def urls(client):
    return sorted(edge["node"]["image"]["rendition"]["url"] for edge in data(client, QUERY)["guides"]["edges"])


def wagtails_urls(guides):
    return sorted(guide.image.get_rendition(media.FILTERS[media.ImageSize.SMALL]).url for guide in guides)


def test_addresses_are_wagtails_and_kept_per_name(client, guides_with_images, monkeypatch):
    media._urls.clear()
    calls = []
    joined = FileSystemStorage.url
    monkeypatch.setattr(FileSystemStorage, "url", lambda self, name: calls.append(name) or joined(self, name))

    first = urls(client)
    second = urls(client)

    assert len(calls) == 3  # the first request's three; the second asked no storage
    assert first == second == wagtails_urls(guides_with_images)
    assert all(url.startswith("/media/images/") for url in first)


def test_a_new_media_url_gives_new_addresses(client, guides_with_images):
    urls(client)
    with override_settings(MEDIA_URL="https://bilder.example.org/media/"):
        moved = urls(client)
    assert all(url.startswith("https://bilder.example.org/media/images/") for url in moved)


def test_other_storages_are_asked_every_time(client, guides_with_images, monkeypatch):
    class SignedStorage(FileSystemStorage):
        """Addresses that change on every call, as signed ones that expire do."""

        count = 0

        def url(self, name):
            SignedStorage.count += 1
            return f"{super().url(name)}?signature={SignedStorage.count}"

    storage = SignedStorage(location=default_storage.location, base_url=default_storage.base_url)
    field = media.Image.get_rendition_model()._meta.get_field("file")
    monkeypatch.setattr(field, "storage", storage)

    first = urls(client)
    second = urls(client)

    assert all("?signature=" in url for url in first + second)
    assert set(first).isdisjoint(second)
