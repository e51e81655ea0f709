"""
A fixed one-minute window per client in the shared cache.

Fixed windows can let up to twice the limit through across a window boundary; for
protecting a read-only API from runaway clients that is fine, and it costs one count per
request, which Redis does atomically for every app server at once: ``count_in_window``,
which every cache the platform configures offers (cms/cache.py; one round trip on Redis).
"""

import time

from django.core.cache import cache

from public_content.ratelimit import hashed

WINDOW_SECONDS = 60


def hit(client_id, limit, now=None):
    """Count one request; return ``(allowed, seconds_until_the_window_resets)``."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    # Under a keyed hash, as the submissions' limits: Redis never holds a client's address.
    cache_key = f"embed:rate:{hashed(client_id, 'embed.ratelimit')}:{window}"
    count = cache.count_in_window(cache_key, WINDOW_SECONDS + 5)
    retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999))
    return count <= limit, retry_after
