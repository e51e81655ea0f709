"""
Production: everything from the environment, and refusals to start with settings that
would be unsafe (a missing or well-known secret key, DEBUG on, no ALLOWED_HOSTS).

Served by gunicorn (``Procfile``: ``web``), static files by WhiteNoise from the app itself
(hashed names, compressed, cached for a year), background work by ``manage.py worker``
(``Procfile``: ``worker``). docs/operations.md explains each setting.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import ALLOWED_HOSTS, MIDDLEWARE, SECRET_KEY, STORAGES, env_bool, tasks_setting

INSECURE_KEYS = {"", "change-me", "changeme", "secret", "dev-only-insecure-key-do-not-use-in-production"}
if (
    SECRET_KEY in INSECURE_KEYS
    or SECRET_KEY.startswith("django-insecure")
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production: it shows tracebacks and settings to anyone.")
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host names the platform answers for, e.g. welcome.leipzig.de.")

DEBUG = False

# HTTPS, usually ended by a proxy or load balancer that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The load balancer's health check may speak plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

GRAPHIQL = env_bool("GRAPHIQL", False)

# Static files from the app: WhiteNoise right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE[:1], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "cms.storage.StaticFilesStorage"},
}

# Background work goes to the worker's queue, not into the editor's request.
TASKS = tasks_setting("database")

# E-mail (confirmation links, relayed answers, invitations, reminders), queued and sent by
# the worker (cms/mail.py) through the city's SMTP relay; docs/operations.md, "E-mail".
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

assert ALLOWED_HOSTS  # read from the environment by base.py
