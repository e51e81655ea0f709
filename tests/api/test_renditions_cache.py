"""
A list with images writes no rendition to the shared (Redis) cache once the renditions
exist: it takes them from those prefetched with the images, and Wagtail's ``get_rendition`` writes every rendition it returns to the "renditions"
cache alias, which lives in process memory (cms/settings/base.py), else to the default
cache, which is Redis in production.
"""

from contextlib import ExitStack
from unittest import mock

import pytest
import wagtail_factories
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from tests.api.helpers import data
from tests.factories import GuidePageFactory

QUERY = "{ guides(first: 10) { edges { node { title image { rendition(size: SMALL) { url } } } } } }"
WRITES = ("set", "add", "set_many")


def rendition_writes(client):
    """The rendition keys the second request writes to the default cache, and the request's data."""
    data(client, QUERY)  # creates the renditions
    cache = caches["default"]
    with ExitStack() as stack:
        spies = [stack.enter_context(mock.patch.object(cache, name, wraps=getattr(cache, name))) for name in WRITES]
        result = data(client, QUERY)
    keys = []
    for spy in spies:
        for call in spy.call_args_list:
            first = call.args[0]
            keys.extend(first if isinstance(first, dict) else [first])
    return [key for key in keys if "rendition" in str(key)], result


@pytest.fixture
def guides_with_images(site_tree):
    for number in range(3):
        GuidePageFactory(parent=site_tree.guides, title=f"Bild {number}", image=wagtail_factories.ImageFactory())


def test_second_request_writes_no_rendition_to_the_default_cache(client, guides_with_images):
    written, result = rendition_writes(client)

    urls = [edge["node"]["image"]["rendition"]["url"] for edge in result["guides"]["edges"]]
    assert len(urls) == 3 and all(urls)
    assert written == []
    # Wagtail keeps them in the process-local alias instead.
    assert any("wagtail-rendition-" in key for key in caches["renditions"]._cache)


def test_prefetched_renditions_are_used_without_any_cache_write(client, guides_with_images):
    """
    Even without the alias: a list's renditions are taken from those prefetched with its
    images (graphql_api/media/types.py), where Wagtail's ``get_rendition`` would write each
    to the default cache again (3 writes here).
    """
    with override_settings(CACHES={"default": settings.CACHES["default"]}):
        written, result = rendition_writes(client)
    assert written == []
    assert all(edge["node"]["image"]["rendition"]["url"] for edge in result["guides"]["edges"])
