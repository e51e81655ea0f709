"""
Answers of the public API, kept in the shared cache until what they were made of changes.

Most readers ask the same few questions (the kiosk's start screen, a partner's widget, the
website's topic pages), so a query is answered once and then served from the cache
(Redis) by every app server, GET and POST alike, until content changes.

- **Key**: the normalised document (parsed and printed again, so spacing and comments do
  not matter), the variables, the operation name, the host, and the release (the schema
  and ``RELEASE``): a deployment never serves answers of the code before it.
- **Tags**: while the answer is made, ``public_content.dependencies`` records every item
  and list it read. Each tag has a token in the cache; an answer remembers the tokens it
  was made under, and purging a tag gives it a new token, which makes every answer that
  carries the old one a miss (``purge``). Nothing has to find the answers themselves, so
  a purge costs one write per tag, however many answers carry it.
- **Round trips**: a hit reads the entry and its tags' tokens; the entries this process
  served last are kept in its memory too (``RecentEntries``), so most hits read only the
  tokens.
- **Races**: a purge also moves a global counter; an answer made while the counter moved
  may have read content from before the change and is not stored. With a read replica,
  nothing is stored for ``GRAPHQL_RESPONSE_CACHE_REPLICA_LAG`` seconds after a purge, as
  the replica may not have the change yet.
- **Lifetime**: ``GRAPHQL_RESPONSE_CACHE_TIMEOUT`` at most, ``..._CLOCK_TIMEOUT`` for
  answers that depend on the time of day (``openNow``, a default event window) or on the
  search index (updated by the worker after a publication), and never past the next
  moment a page expires by itself (``expire_at``) or, for answers showing help offers
  and requests, a listing ends (``expires_at``).
- **Redis away**: while the cache runs on its per-process fallback (``cms.cache``), answers
  are neither read nor stored, as other processes would not see purges. Purges made
  while Redis was away are lost to Redis: answers stored before stay at most one lifetime.
- **CDN**: ``Surrogate-Key`` / ``Cache-Tag`` headers carry the tags; for a CDN that
  purges by URL, each tag remembers the GET URLs served under it and a purge hands them to
  Wagtail's front-end cache invalidation (``WAGTAILFRONTENDCACHE``).
"""

import hashlib
import json
import logging
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min
from django.utils import timezone, translation
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse, print_ast
from wagtail.models import Page

from offers.models import Listing

logger = logging.getLogger(__name__)

ANSWER_PREFIX = "graphql:answer:"
TAG_PREFIX = "graphql:tag:"
URLS_PREFIX = "graphql:urls:"
GENERATION_KEY = "graphql:purges"
LAST_PURGE_KEY = "graphql:last-purge"
#: At most this many URLs are remembered per tag for a URL-purging CDN.
MAX_URLS_PER_TAG = 500
#: Tags of answers that show help offers or requests (``public_content.dependencies``).
LISTING_TAGS = (f"{Listing._meta.label_lower}:", f"list:{Listing._meta.label_lower}")


@dataclass
class Entry:
    body: bytes
    etag: str
    tokens: dict[str, str]  # tag -> token it was stored under
    tags: tuple[str, ...]
    expires_at: float = 0.0  # time.time() when the shared cache lets it go


@lru_cache(maxsize=512)
def normalise(query: str):
    """``(printed document, is a query)``; ``None`` for a document that does not parse."""
    try:
        document = parse(query)
    except GraphQLError:
        return None
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    is_query = bool(operations) and all(node.operation == OperationType.QUERY for node in operations)
    return print_ast(document), is_query


def request_key(host, query, variables, operation_name, *, release=""):
    """
    The cache key of a query request, or ``None`` when it must not be cached. ``release``
    names the code that answers: answers made by the code before a deployment are not
    served by the code after it. The active language is part of it: rich-text links point
    at the website in that language (``public_content.richtext``).
    """
    if not isinstance(query, str):
        return None
    normalised = normalise(query)
    if normalised is None or not normalised[1]:
        return None
    material = json.dumps(
        [release, host, translation.get_language(), normalised[0], variables or {}, operation_name],
        sort_keys=True, default=str,
    )
    return hashlib.sha256(material.encode()).hexdigest()


def enabled() -> bool:
    return settings.GRAPHQL_RESPONSE_CACHE and not getattr(_cache(), "degraded", False)


def _cache():
    return caches[settings.GRAPHQL_RESPONSE_CACHE_ALIAS]


def generation():
    """The purge counter, read before an answer is made (see "Races")."""
    return _cache().get(GENERATION_KEY, 0)


class RecentEntries:
    """
    The answers this process served last, so a hit costs one round trip (the tag tokens)
    instead of two. Only a copy: an entry is served only after its tokens were checked
    against the shared cache, so a purge reaches every process at once.
    """

    def __init__(self, size=128):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def drop(self, key):
        with self._lock:
            self._entries.pop(key, None)


recent = RecentEntries()


def get(key) -> Entry | None:
    cache = _cache()
    entry = recent.get(key)
    if entry is not None and entry.expires_at > time.time() and _current(cache, entry):
        return entry
    entry = cache.get(ANSWER_PREFIX + key)
    if entry is None or not _current(cache, entry):
        recent.drop(key)
        return None
    recent.put(key, entry)
    return entry


def _current(cache, entry) -> bool:
    """Whether no tag of ``entry`` was purged since it was stored (one round trip)."""
    tokens = cache.get_many([TAG_PREFIX + tag for tag in entry.tokens])
    return all(tokens.get(TAG_PREFIX + tag) == token for tag, token in entry.tokens.items())


def put(key, body: bytes, dependencies, *, started_at_generation, url=None) -> Entry | None:
    """Store an answer made under ``started_at_generation``; ``None`` when it must not be kept."""
    cache = _cache()
    tags = sorted(dependencies.tags)
    # Tokens first, then the counter: ``purge`` moves the counter before the tokens, so a
    # purge between the two is seen here, and one after both makes these tokens stale.
    tokens = _tokens(cache, tags)
    state = cache.get_many([GENERATION_KEY, LAST_PURGE_KEY])
    if state.get(GENERATION_KEY, 0) != started_at_generation:
        return None
    if time.time() - state.get(LAST_PURGE_KEY, 0) < settings.GRAPHQL_RESPONSE_CACHE_REPLICA_LAG:
        return None  # a read replica may not have the change yet
    timeout = _timeout(dependencies)
    if timeout <= 0:
        return None
    entry = Entry(body=body, etag=f'"{hashlib.sha256(body).hexdigest()[:32]}"', tokens=tokens, tags=tuple(tags))
    entry.expires_at = time.time() + timeout
    cache.set(ANSWER_PREFIX + key, entry, timeout)
    recent.put(key, entry)
    if url and settings.WAGTAILFRONTENDCACHE:
        _remember_url(cache, tags, url)
    return entry


def new_token() -> int:
    """
    A tag's token: a random number, not a string. Django's Redis serializer stores an
    ``int`` as it is and reads it back with ``int()``, where a string is pickled and read
    back after ``int()`` has failed; a cached answer checks every tag it carries (about 40
    for a list of 20 guides) on every hit.
    """
    return secrets.randbits(62)


def _tokens(cache, tags):
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # ``add``: two servers creating the same tag at once agree on one token.
            cache.add(key, new_token(), _tag_timeout())
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(cache.get_many(missing))
    return {tag: found.get(TAG_PREFIX + tag) for tag in tags}


def _tag_timeout():
    # A tag token outlives every answer that may carry it; if it is evicted anyway, the
    # answers carrying it simply become misses.
    return settings.GRAPHQL_RESPONSE_CACHE_TIMEOUT * 2 + 60


def _timeout(dependencies):
    timeout = settings.GRAPHQL_RESPONSE_CACHE_TIMEOUT
    if dependencies.brief:
        timeout = min(timeout, settings.GRAPHQL_RESPONSE_CACHE_CLOCK_TIMEOUT)
    now = timezone.now()
    next_expiry = (
        Page.objects.filter(live=True, expire_at__gt=now, expire_at__lt=now + timedelta(seconds=timeout))
        .aggregate(first=Min("expire_at"))["first"]
    )
    if next_expiry is not None:
        timeout = min(timeout, int((next_expiry - now).total_seconds()))
    if any(tag.startswith(LISTING_TAGS) for tag in dependencies.tags):
        # A help offer or request ends by the clock too (``Listing.objects.public()``).
        next_end = (
            Listing.objects.public(now).filter(expires_at__lt=now + timedelta(seconds=timeout))
            .aggregate(first=Min("expires_at"))["first"]
        )
        if next_end is not None:
            timeout = min(timeout, int((next_end - now).total_seconds()))
    return timeout


def purge(tags):
    """Make every answer that carries any of ``tags`` a miss (and tell the CDN)."""
    tags = set(tags)
    if not tags:
        return
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, None)
    cache.set_many(
        {LAST_PURGE_KEY: time.time(), **{TAG_PREFIX + tag: new_token() for tag in tags}}, _tag_timeout()
    )
    if settings.WAGTAILFRONTENDCACHE:
        _purge_cdn(cache, tags)


def purge_on_commit(tags):
    """
    Purge once the change is committed: purging earlier would let a request read the old
    rows and store them as fresh; a rolled back change purges nothing.
    """
    tags = frozenset(tags)
    transaction.on_commit(lambda: purge(tags))


def surrogate_keys(entry) -> str:
    """The ``Surrogate-Key`` header: the entry's tags as tokens a CDN accepts (no spaces)."""
    return " ".join(entry.tags)


# URL-purging CDNs --------------------------------------------------------------------


def _redis(cache):
    """The raw Redis client behind the cache, or ``None`` (sets need Redis)."""
    client = getattr(cache, "_cache", None)
    if client is None or not hasattr(client, "get_client"):
        return None
    return client.get_client(write=True)


def _remember_url(cache, tags, url):
    client = _redis(cache)
    if client is None:
        return
    try:
        with client.pipeline(transaction=False) as pipe:
            for tag in tags:
                key = cache.make_key(URLS_PREFIX + tag)
                pipe.sadd(key, url)
                pipe.expire(key, _tag_timeout())
            pipe.execute()
    except Exception as error:  # noqa: BLE001 — a CDN hint is not worth an error page
        logger.warning("Could not remember a URL for CDN purging: %s", error)


def _purge_cdn(cache, tags):
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    client = _redis(cache)
    if client is None:
        return
    urls = set()
    try:
        for tag in tags:
            key = cache.make_key(URLS_PREFIX + tag)
            urls.update(member.decode() for member in client.srandmember(key, MAX_URLS_PER_TAG) or ())
            client.delete(key)
    except Exception as error:  # noqa: BLE001
        logger.warning("Could not read the URLs to purge from the CDN: %s", error)
        return
    if urls:
        purge_urls_from_cache(sorted(urls))
