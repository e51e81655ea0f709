"""
Hourly limits on what the public sends (offers, answers, reader feedback), per client.

Shared below every app that takes submissions from readers, so that each counts the same
way: a fixed one-hour window per ``namespace:scope:identity`` in the shared cache (Redis,
``count_in_window`` of cms/cache.py: one atomic round trip), so every app server counts
together. At most twice the limit can pass across a window's boundary, which is enough
against a burst. Identities (a client address, an e-mail address, an API key's id) are
counted under a keyed hash, so the cache holds no address, and nothing is stored elsewhere.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 3600


@dataclass(frozen=True)
class Client:
    """Where a submission comes from: the client's address, the API key it came with, the channel."""

    address: str
    api_key_id: int | None = None
    #: "website", "api", or "api-key:<id>" for a partner's site.
    channel: str = "website"


def hashed(value, purpose="public_content.ratelimit") -> str:
    """``value`` as a keyed hash (the project's secret key): it cannot be turned back into an address."""
    return salted_hmac(purpose, str(value)).hexdigest()[:32]


def count_in_window(namespace, scope, identity, limit, now=None) -> bool:
    """Count one submission for ``identity`` in this hour; ``False`` when over ``limit``."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    key = f"{namespace}:rate:{scope}:{hashed(identity)}:{window}"
    return cache.count_in_window(key, WINDOW_SECONDS + 60) <= limit


def count_client(namespace, client: Client, *, per_address, per_key, now=None) -> bool:
    """
    Count one submission against the limits of the client's address and API key; ``False``
    when either is exceeded (both are counted even then, so a burst stays refused for the
    rest of the hour).
    """
    checks = [count_in_window(namespace, "address", client.address, per_address, now)]
    if client.api_key_id is not None:
        checks.append(count_in_window(namespace, "key", client.api_key_id, per_key, now))
    return all(checks)
