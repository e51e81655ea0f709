"""
Redis blinks: the API, the feeds and the rate limits keep answering from the process's
memory while it is down (``/health/`` says "degraded"), and everything goes back to Redis
by itself when it returns. Runs its own throwaway redis-server on a free port, never the
shared one.
"""

import shutil
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from cms import cache as resilient
from tests.services import ThrowawayRedis

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server on PATH")

LOCALES = "/graphql/?query=%7Blocales%7Bcode%7D%7D"


@pytest.fixture
def redis_cache(monkeypatch):
    server = ThrowawayRedis()
    server.start()
    monkeypatch.setattr(resilient, "RETRY_SECONDS", 0.3)
    settings = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=settings, EMBED_ANONYMOUS_RATE_LIMIT=1000):
        yield server, caches["default"]
    if server.process.poll() is None:
        server.stop()


def test_the_api_answers_through_a_redis_outage_and_recovers(client, site_tree, redis_cache, caplog):
    server, cache = redis_cache
    assert client.get(LOCALES).status_code == 200
    assert client.get("/health/").json()["status"] == "ok"

    server.stop()
    answers = [client.get(LOCALES) for _ in range(20)]
    assert {response.status_code for response in answers} == {200}
    assert all(response.json()["data"]["locales"] for response in answers)
    assert client.get("/feeds/events/topic/nirgends.ics").status_code == 404  # answered, not a 500
    health = client.get("/health/")
    assert health.status_code == 200 and health.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "fallback"}}
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1  # logged once

    server.start()
    time.sleep(0.4)
    assert client.get(LOCALES).status_code == 200
    assert not cache.degraded
    assert client.get("/health/").json()["status"] == "ok"
    # Counters are shared again: the rate limit's key lives in Redis.
    keys = cache._cache.get_client().keys("*")
    assert any(key.startswith(b":1:embed:rate:") for key in keys)
    # Counted under a keyed hash: the client's address is not in Redis.
    assert not [key for key in keys if b"127.0.0.1" in key]


def test_rate_limits_still_hold_on_the_fallback(client, site_tree, redis_cache, settings):
    server, _cache = redis_cache
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 3
    server.stop()
    statuses = [client.get(LOCALES).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
