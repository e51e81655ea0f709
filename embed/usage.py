"""
Counting requests per key and day without one database write per request.

Each request adds one to a counter in the shared cache (Redis in production); every
``EMBED_USAGE_FLUSH_EVERY`` requests the counter is moved into ``ApiKeyUsage`` with a
single ``UPDATE … SET count = count + n`` (or an insert on the day's first flush).
``manage.py flush_api_usage`` moves what is left, e.g. from the scheduled jobs.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import ApiKey, ApiKeyUsage

#: Pending counters outlive a day so the scheduled flush can still pick up yesterday's.
PENDING_SECONDS = 3 * 24 * 3600


def _pending_key(key_id, day):
    return f"embed:usage:{key_id}:{day.isoformat()}"


def add_to_database(key_id, day, count):
    """Add ``count`` requests to a key's day: an atomic increment, or the day's first row."""
    if count <= 0:
        return
    rows = ApiKeyUsage.objects.filter(key_id=key_id, date=day)
    if rows.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            ApiKeyUsage.objects.create(key_id=key_id, date=day, count=count)
    except IntegrityError:  # another process inserted the row meanwhile
        rows.update(count=F("count") + count)


def _take_pending(key_id, day):
    cache_key = _pending_key(key_id, day)
    pending = cache.get(cache_key) or 0
    if pending:
        # decr, not delete: requests counted since the get() stay counted.
        cache.decr(cache_key, pending)
    return pending


def record_request(key_id):
    day = timezone.localdate()
    cache_key = _pending_key(key_id, day)
    cache.add(cache_key, 0, PENDING_SECONDS)
    try:
        pending = cache.incr(cache_key)
    except ValueError:  # evicted between add() and incr()
        cache.set(cache_key, 1, PENDING_SECONDS)
        pending = 1
    if pending >= getattr(settings, "EMBED_USAGE_FLUSH_EVERY", 50):
        add_to_database(key_id, day, _take_pending(key_id, day))


def pending_counts(key_ids, day):
    """Requests counted in the cache but not yet written, by key id (for the admin)."""
    found = cache.get_many([_pending_key(key_id, day) for key_id in key_ids])
    return {key_id: found.get(_pending_key(key_id, day), 0) for key_id in key_ids}


def flush_all(days=2):
    """Write every pending counter of the last ``days`` days; returns the number of requests moved."""
    today = timezone.localdate()
    moved = 0
    for key_id in ApiKey.objects.values_list("pk", flat=True):
        for offset in range(days):
            day = today - datetime.timedelta(days=offset)
            count = _take_pending(key_id, day)
            add_to_database(key_id, day, count)
            moved += count
    return moved
