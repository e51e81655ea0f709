"""Local development and the quick start (``make run``): debug on, a throwaway key."""

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
# E-mails are queued as in production and, once the worker sends them, printed.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
