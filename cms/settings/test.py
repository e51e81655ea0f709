"""Fast, isolated settings for the test suite (SQLite unless DATABASE_URL is set)."""

import tempfile

from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "cms.cache.LocalMemoryCache"},
    "renditions": RENDITIONS_CACHE,  # noqa: F405 (from base)
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="welcome-test-media-")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "public_content.search_backend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# The suite sends thousands of API requests from one address within minutes; tests of
# the rate limit itself (tests/embed/) set their own low limits.
EMBED_ANONYMOUS_RATE_LIMIT = 1_000_000
# Tests change content with the ORM and read the API in one transaction (whose purges
# would wait for a commit that never comes): the response cache is on only in its own
# tests (tests/api/test_response_cache.py).
GRAPHQL_RESPONSE_CACHE = False
