"""
The hourly limits of reader feedback, counted in a real Redis (a throwaway redis-server):
per client address and per API key, and the keys of feedback's counts name no address
(the API's own per-minute limit, ``embed.ratelimit``, is another matter).
"""

import shutil

import pytest
from django.core.cache import caches
from django.test import override_settings

from freshness.models import Feedback
from public_content.ratelimit import Client, count_client
from tests.api.helpers import error_codes
from tests.services import ThrowawayRedis

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server on PATH"),
]

RATE = "mutation ($id: ID!) { rateItem(id: $id, helpful: true) { received } }"


@pytest.fixture
def redis():
    server = ThrowawayRedis()
    server.start()
    caches_setting = {
        "default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{server.port}/0"}
    }
    try:
        with override_settings(CACHES=caches_setting, FRESHNESS_FEEDBACK_PER_ADDRESS=3, FRESHNESS_FEEDBACK_PER_KEY=5):
            yield caches["default"]
    finally:
        server.stop()


def rate(client, page, address):
    response = client.post(
        "/graphql/", {"query": RATE, "variables": {"id": str(page.pk)}}, content_type="application/json", REMOTE_ADDR=address
    )
    return response.json()


def test_one_address_is_limited_per_hour_and_others_are_not(client, guide, redis):
    for _ in range(3):
        assert rate(client, guide, "198.51.100.7")["data"] == {"rateItem": {"received": True}}
    refused = rate(client, guide, "198.51.100.7")
    assert error_codes(refused) == ["TOO_MANY_SUBMISSIONS"]
    assert rate(client, guide, "198.51.100.8")["data"] == {"rateItem": {"received": True}}
    assert Feedback.objects.count() == 4


def test_what_redis_holds_names_no_address(client, guide, redis):
    rate(client, guide, "198.51.100.7")
    keys = [key.decode() for key in redis._cache.get_client().keys("*feedback:*")]
    assert len(keys) == 1 and "feedback:rate:address:" in keys[0]
    assert "198.51.100.7" not in keys[0]


def test_one_api_key_is_limited_across_addresses(redis):
    results = [count_client("feedback", Client(address=f"198.51.100.{n}", api_key_id=7), per_address=3, per_key=5) for n in range(6)]
    assert results == [True] * 5 + [False]
