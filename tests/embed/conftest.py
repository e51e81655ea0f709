import pytest
from django.core.cache import cache

from embed.models import ApiKey


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit windows and key lookups live in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issue_key(db):
    def issue(name="Verein", origins="https://verein.example.org", limit=120):
        key = ApiKey(name=name, allowed_origins=origins, rate_limit_per_minute=limit)
        raw = key.set_new_key()
        key.save()
        return key, raw

    return issue
