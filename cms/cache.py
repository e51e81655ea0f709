"""
The shared cache (Redis) that keeps the platform answering while Redis is unreachable.

Everything that uses the cache, Wagtail and our rate limits and key lookups included,
would otherwise answer every request with a server error during a Redis restart. This
backend catches Redis' connection errors, logs the outage once, and answers from a
process-local memory cache until Redis responds again: rate limits and counters are then
per process instead of shared, which is good enough for the seconds or minutes of an
outage. After ``RETRY_SECONDS`` one request tries Redis again, so the platform recovers by
itself. ``/health/`` reports the state (``degraded`` while on the fallback).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: After a failure, Redis is tried again this many seconds later (one request pays for it).
RETRY_SECONDS = 2.0
#: Errors that mean "Redis is not there", not "this value is wrong".
UNREACHABLE = (RedisError, ConnectionError, TimeoutError, OSError)
OPERATIONS = ("add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many", "delete_many", "clear")


class ReusedClients(RedisCacheClient):
    """
    One ``redis.Redis`` per connection pool, not one per cache call: Django builds a new
    client object (and its table of ~170 response callbacks) for every ``get``, which took
    more time than the network round trip itself. Clients share their pool and are
    thread-safe, so keeping them is what redis-py intends.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # One client for writes (the first server), one for reads (a replica, if any,
        # chosen once per process).
        client = self._clients.get(write)
        if client is None:
            client = self._clients[write] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        self._fallback = LocalMemoryCache(f"fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 10_000}})
        self._retry_at = 0.0
        self._down_since = None
        self._lock = threading.Lock()

    def validate_key(self, key):
        """
        Nothing to check: Redis takes any key. Django's default warns about keys memcached
        would refuse, checking every character of every key on every call, which for a
        cached answer (one key per tag it carries) cost more than reading them.
        """

    @property
    def degraded(self) -> bool:
        """True while answers come from the process-local fallback."""
        return self._down_since is not None

    def _run(self, operation, *args, **kwargs):
        return self._either(
            lambda: getattr(RedisCache, operation)(self, *args, **kwargs),
            lambda: getattr(self._fallback, operation)(*args, **kwargs),
        )

    def _either(self, on_redis, on_fallback):
        if self._down_since is not None and time.monotonic() < self._retry_at:
            return on_fallback()
        try:
            result = on_redis()
        except UNREACHABLE as error:
            with self._lock:
                self._retry_at = time.monotonic() + RETRY_SECONDS
                if self._down_since is None:
                    self._down_since = time.monotonic()
                    logger.warning("Redis is unreachable (%s); using this process's memory until it is back.", error)
            return on_fallback()
        if self._down_since is not None:
            with self._lock:
                if self._down_since is not None:
                    logger.warning("Redis is back after %.1f s.", time.monotonic() - self._down_since)
                    self._down_since = None
        return result

    def count_in_window(self, key, timeout):
        """
        ``key`` + 1, expiring ``timeout`` seconds after its first count (a rate-limit
        window): one round trip on Redis (``INCR`` and ``EXPIRE NX`` pipelined), where
        ``add`` + ``incr`` took three.
        """

        def on_redis():
            full_key = self.make_and_validate_key(key)
            with self._cache.get_client(write=True).pipeline(transaction=False) as pipeline:
                pipeline.incr(full_key)
                pipeline.expire(full_key, timeout, nx=True)
                return pipeline.execute()[0]

        return self._either(on_redis, lambda: self._fallback.count_in_window(key, timeout))


class LocalMemoryCache(LocMemCache):
    """
    Django's process-local cache with the platform's window counter, so the rate limits
    (embed/ratelimit.py, the kiosk heartbeat) call one ``count_in_window`` whatever the
    cache: this one in development and tests, and as Redis' fallback.
    """

    def count_in_window(self, key, timeout):
        self.add(key, 0, timeout)
        try:
            return self.incr(key)
        except ValueError:  # evicted between add() and incr()
            self.set(key, 1, timeout)
            return 1


def _delegate(operation):
    def method(self, *args, **kwargs):
        return self._run(operation, *args, **kwargs)

    method.__name__ = operation
    method.__doc__ = f"``{operation}`` on Redis, or on the process-local fallback while Redis is unreachable."
    return method


for _operation in OPERATIONS:
    setattr(ResilientRedisCache, _operation, _delegate(_operation))
