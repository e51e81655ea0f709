"""
Settings shared by every environment.

Everything that differs between a laptop and production comes from the environment
(``DATABASE_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``DEBUG``, ``REDIS_URL``,
``MEDIA_ROOT``), so one code base runs as the quick start on SQLite and behind a load
balancer on PostgreSQL and Redis without edits.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}

def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps: one per domain.
    "cms",
    "taxonomy",
    "pages",
    "directory",
    "graphql_api",
    "demo",
    "kiosk",
    "embed",
    "offers",
    "freshness",
    "freshness.calendars",
    "website",
    "translation",
    # Translation workflow.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "strawberry_django",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    # Background tasks (Wagtail's index updates, our schedule): django-tasks with its
    # database backend, worked by `manage.py worker`.
    "django_tasks",
    "django_tasks_db",
    # Login throttling for the admin (django-axes): see "Admin login" below.
    "axes",
    # Optional two-factor login for the admin (django-otp; cms/two_factor/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "cms.two_factor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # API keys, CORS and rate limits for /graphql/ and /feeds/ (embed/middleware.py).
    "embed.middleware.ApiAccessMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin's second login step: django-otp marks verified sessions, ours sends the
    # others to the verify or setup page (cms/two_factor/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Content-Security-Policy: strict for the public parts, looser for the admin (cms/csp.py).
    "cms.csp.ContentSecurityPolicyMiddleware",
    # Refuses logins after too many failures (django-axes); last, as it asks.
    "axes.middleware.AxesMiddleware",
]

# Admin login ----------------------------------------------------------------------------
# After AXES_FAILURE_LIMIT wrong passwords for one user name from one address, that pair
# is locked for AXES_COOLOFF_MINUTES (answered 429); a right password resets the count.
# Failures are counted in the database, so every app server sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Two-factor login (cms/two_factor/): any admin user may turn it on from their account
# page; with WELCOME_2FA_REQUIRED_FOR_SUPERUSERS a superuser without it is sent to set it
# up before anything else. Wrong codes are throttled by django-otp (1, 2, 4 … seconds).
WELCOME_2FA_REQUIRED_FOR_SUPERUSERS = env_bool("WELCOME_2FA_REQUIRED_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = "Willkommenszentrum Leipzig"  # the account's name in the authenticator app

ROOT_URLCONF = "cms.urls"

# The public parts (kiosk, GraphiQL, feeds, the website): our own origin only. The admin
# gets additions in cms/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # GraphiQL's stylesheet embeds its fonts.
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# No avatars from an outside service in the admin (and nothing for the policy to allow).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite for the quick start, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A connection broken by a database restart is replaced on the next request.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# Read replica (optional; docs/operations.md, "Read replica") ---------------------------
# DATABASE_REPLICA_URL adds a "replica" database: cms.routers sends the reads of /graphql/
# and /feeds/ there (a middleware marks those requests); writes, the admin, migrations
# and everything else stay on "default". Without the variable nothing changes.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    )
    # Tests never create a database on a replica: it mirrors default's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["cms.routers.ReplicaRouter"]
    MIDDLEWARE = [*MIDDLEWARE, "cms.routers.ReplicaReadsMiddleware"]
# End of the read replica block.

# Cache: Redis when REDIS_URL is set (shared across app servers), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache with a process-local fallback while Redis is down (cms/cache.py).
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "welcome",
            # Fail fast when Redis is gone, instead of holding every request.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "cms.cache.LocalMemoryCache"}}
# Wagtail's ``get_rendition`` writes the rendition it returns to the "renditions" cache on
# every call (to the default cache without this alias): with Redis that is one network
# write per image per request. Our lists prefetch renditions with their images, so this
# cache only spares a query for images read one by one; process memory is enough, and a
# changed file or focal point makes a new key, so nothing stale is served.
RENDITIONS_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
CACHES["renditions"] = RENDITIONS_CACHE

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation ---------------------------------------------------------------
TIME_ZONE = "Europe/Berlin"
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = "de"
WAGTAIL_I18N_ENABLED = True

# The content locales of PRODUCT.md. German is the source language; easy German
# (Leichte Sprache) is a locale of its own with a private-use subtag. Each entry:
# code, native name, text direction, the fallback chain a reader follows when an
# item is not translated (the last link is always German, the source), and the
# PostgreSQL text search configuration its text is indexed and searched with
# (stemming where PostgreSQL has it for the language, "simple" elsewhere).
WELCOME_LOCALES = [
    {"code": "de", "name": "Deutsch", "direction": "ltr", "fallbacks": [], "search_config": "german"},
    {"code": "de-x-ls", "name": "Leichte Sprache", "direction": "ltr", "fallbacks": ["de"], "search_config": "german"},
    {"code": "en", "name": "English", "direction": "ltr", "fallbacks": ["de"], "search_config": "english"},
    {"code": "ar", "name": "العربية", "direction": "rtl", "fallbacks": ["de"], "search_config": "arabic"},
    {"code": "fa", "name": "فارسی", "direction": "rtl", "fallbacks": ["de"], "search_config": "simple"},
    {"code": "prs", "name": "دری", "direction": "rtl", "fallbacks": ["fa", "de"], "search_config": "simple"},
    {"code": "ps", "name": "پښتو", "direction": "rtl", "fallbacks": ["fa", "de"], "search_config": "simple"},
    {"code": "uk", "name": "Українська", "direction": "ltr", "fallbacks": ["ru", "de"], "search_config": "simple"},
    {"code": "ru", "name": "Русский", "direction": "ltr", "fallbacks": ["de"], "search_config": "russian"},
    {"code": "tr", "name": "Türkçe", "direction": "ltr", "fallbacks": ["de"], "search_config": "turkish"},
    {"code": "kmr", "name": "Kurmancî", "direction": "ltr", "fallbacks": ["tr", "de"], "search_config": "simple"},
    {"code": "fr", "name": "Français", "direction": "ltr", "fallbacks": ["de"], "search_config": "french"},
    {"code": "ti", "name": "ትግርኛ", "direction": "ltr", "fallbacks": ["en", "de"], "search_config": "simple"},
]

LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (entry["code"], entry["name"]) for entry in WELCOME_LOCALES
]
LANGUAGES_BIDI = [entry["code"] for entry in WELCOME_LOCALES if entry["direction"] == "rtl"]
# The admin itself speaks German and English; content is edited in every locale.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static and media files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Production serves images from MEDIA_ROOT itself unless a proxy or CDN does (cms/media.py);
# documents always go through Wagtail's serve view, which checks collection privacy.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Willkommenszentrum Leipzig"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "txt", "csv", "zip"]
# Uploads that fit the server: a photo of 6000 × 4000 (24 MP) is fine, a 11 000 × 11 000 PNG
# of a few KB (121 MP, over a GB of memory to render) is refused with a form error. The
# admin's upload form states both limits.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 15 * 1024 * 1024))
# Documents: Wagtail's own limit (wagtail.documents.fields), checked in the single and the
# multiple upload form and stated as the file field's help text; our form base keeps the
# refusal to one clear error (cms/uploads.py).
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
# Django's own limits, as its defaults, stated here beside the upload limits: form fields
# other than files may total 2.5 MB; an upload above 2.5 MB goes to a temporary file, not
# memory. Django reads a whole upload before a form can refuse it, so the proxy in front
# should refuse bodies somewhat above the largest limit (e.g. nginx client_max_body_size 25m).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Wagtail's database search; on PostgreSQL with a text search configuration per locale
# (public_content/search_backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "public_content.search_backend",
        "AUTO_UPDATE": True,
    }
}
# Machine pre-translation, chosen by MACHINE_TRANSLATOR (deepl | libretranslate | dummy).
# wagtail-localize reads WAGTAILLOCALIZE_MACHINE_TRANSLATOR (no underscore between WAGTAIL
# and LOCALIZE); the offline dummy is the default for development and tests.
MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "dummy").strip().lower()
if MACHINE_TRANSLATOR == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation.machine.GlossaryDeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": os.environ.get("DEEPL_API_KEY", ""),
            "FORMALITY": os.environ.get("DEEPL_FORMALITY", "default"),
        },
    }
elif MACHINE_TRANSLATOR == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ.get("LIBRETRANSLATE_URL", "").rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
# Kept under its old name for anything that already reads it.
WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR
# Topics whose pages are legal information: a machine translation of them is only ever
# cleared by an approved review in the "Translation review" workflow.
TRANSLATION_LEGAL_TOPIC_SLUGS = env_list(
    "TRANSLATION_LEGAL_TOPIC_SLUGS", "asyl,aufenthalt,einbuergerung"
)
# A page submitted for translation starts as a draft in the target locale and goes live
# through the "Translation review" workflow, never with untranslated German text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Background tasks ---------------------------------------------------------------------
# "immediate" runs a task inside the request that enqueues it (the quick start, tests);
# "database" queues it for `manage.py worker` (production's default, see production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(default):
    """Django's TASKS setting for ``TASKS_BACKEND`` (immediate | database), else ``default``."""
    name = os.environ.get("TASKS_BACKEND", default).strip().lower()
    if name not in TASK_BACKENDS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting("immediate")

# Logging: errors in full to the server log, never to API clients.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}


# GraphQL API (graphql_api/) ------------------------------------------------------------
# Introspection and the GraphiQL IDE help front-end developers; production may switch
# either off from the environment (production.py turns GraphiQL off by default).
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
GRAPHIQL = env_bool("GRAPHIQL", True)
# Seconds a CDN or browser may keep an anonymous, public GET response.
GRAPHQL_CACHE_MAX_AGE = int(os.environ.get("GRAPHQL_CACHE_MAX_AGE", "60"))
# Answers kept in the shared cache until the content they show changes (graphql_api/
# response_cache.py): at most this many seconds, and answers that depend on the time of
# day (open now, the next 31 days of events) this many. "0" switches the cache off.
GRAPHQL_RESPONSE_CACHE = env_bool("GRAPHQL_RESPONSE_CACHE", True)
# The deployed release (a commit id; many hosts set SOURCE_VERSION): part of every cached
# answer's key, so answers of the code before a deployment are never served after it.
RELEASE = os.environ.get("RELEASE") or os.environ.get("SOURCE_VERSION", "")
GRAPHQL_RESPONSE_CACHE_ALIAS = "default"
GRAPHQL_RESPONSE_CACHE_TIMEOUT = int(os.environ.get("GRAPHQL_RESPONSE_CACHE_TIMEOUT", "3600"))
GRAPHQL_RESPONSE_CACHE_CLOCK_TIMEOUT = int(os.environ.get("GRAPHQL_RESPONSE_CACHE_CLOCK_TIMEOUT", "60"))
# With a read replica: seconds after a purge in which no answer is stored (the replica's
# lag bound), so an answer read from a replica behind the change is never kept.
GRAPHQL_RESPONSE_CACHE_REPLICA_LAG = float(
    os.environ.get("GRAPHQL_RESPONSE_CACHE_REPLICA_LAG", "5" if os.environ.get("DATABASE_REPLICA_URL") else "0")
)
# "any": anyone may send any document (persisted by hash or not); "registered": anonymous
# readers may run only registered documents (graphql_api/persisted.py), partners with an
# API key and editors any.
GRAPHQL_ANONYMOUS_DOCUMENTS = os.environ.get("GRAPHQL_ANONYMOUS_DOCUMENTS", "any")
# Purge a CDN in front of the API by URL on publish (Wagtail's front-end cache
# invalidation); empty: no CDN, or one that purges by the Surrogate-Key header.
WAGTAILFRONTENDCACHE = {}
# Draft preview tokens expire after this many seconds (minutes, never forever).
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "900"))
# Where the website renders a preview: the admin links there with ?token=… (optional).
FRONTEND_PREVIEW_URL = os.environ.get("FRONTEND_PREVIEW_URL", "")


# Partner embedding (embed/) and kiosks (kiosk/) ----------------------------------------
# Requests per minute and client address without an API key (kiosks and other readers).
EMBED_ANONYMOUS_RATE_LIMIT = int(os.environ.get("EMBED_ANONYMOUS_RATE_LIMIT", "120"))
# Proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
EMBED_TRUSTED_PROXY_COUNT = int(os.environ.get("EMBED_TRUSTED_PROXY_COUNT", "0"))
# Key usage is counted in the cache and written to the database every N requests.
EMBED_USAGE_FLUSH_EVERY = int(os.environ.get("EMBED_USAGE_FLUSH_EVERY", "50"))
# A kiosk whose last heartbeat is older than this many seconds shows as offline.
KIOSK_OFFLINE_AFTER_SECONDS = int(os.environ.get("KIOSK_OFFLINE_AFTER_SECONDS", "180"))
# The public website that kiosk QR codes and widget links open (empty: the default site).
KIOSK_PUBLIC_SITE_URL = os.environ.get("KIOSK_PUBLIC_SITE_URL", "")


# Review cycles (freshness/; issue 15) ------------------------------------------------------
# Months between reviews per kind of content (model name); an item may override its own.
FRESHNESS_REVIEW_MONTHS = {"guidepage": 6, "servicepage": 3, "partnerpage": 12, "eventpage": 6, "place": 12}
# An item due for longer than this many days is overdue.
FRESHNESS_OVERDUE_AFTER_DAYS = 30
# Reader feedback (freshness/feedback/; docs/freshness.md): ratings and mistake reports per
# hour from one client address and through one API key (a kiosk counts as one address), and
# the days a resolved report is kept before it is deleted.
FRESHNESS_FEEDBACK_PER_ADDRESS = int(os.environ.get("FRESHNESS_FEEDBACK_PER_ADDRESS", "30"))
FRESHNESS_FEEDBACK_PER_KEY = int(os.environ.get("FRESHNESS_FEEDBACK_PER_KEY", "600"))
FRESHNESS_FEEDBACK_RETENTION_DAYS = int(os.environ.get("FRESHNESS_FEEDBACK_RETENTION_DAYS", "30"))
# How long the link in a partner staff invitation may be used to set a password (directory.staff).
PARTNER_INVITATION_DAYS = int(os.environ.get("PARTNER_INVITATION_DAYS", "7"))


# Help offers and requests, room requests (offers/; docs/offers.md) -----------------------
# Periods are data protection promises: docs/offers.md lists them for the privacy notice.
# A listing ends at its valid-until date, or this many days after approval at the latest.
OFFERS_LIFETIME_DAYS = int(os.environ.get("OFFERS_LIFETIME_DAYS", "60"))
# The reminder that lets a submitter extend once goes out this many days before the end.
OFFERS_REMINDER_DAYS = int(os.environ.get("OFFERS_REMINDER_DAYS", "7"))
# Personal data (contact details, relayed messages) is deleted this many days after the
# listing or room request ended, was rejected or withdrawn.
OFFERS_RETENTION_DAYS = int(os.environ.get("OFFERS_RETENTION_DAYS", "30"))
# Submissions whose e-mail address nobody confirmed are deleted after this many hours.
OFFERS_UNCONFIRMED_HOURS = int(os.environ.get("OFFERS_UNCONFIRMED_HOURS", "48"))
# Spam protection without third parties: a form filled faster than this is refused ...
OFFERS_MIN_FILL_SECONDS = int(os.environ.get("OFFERS_MIN_FILL_SECONDS", "3"))
# ... and so is a burst: submissions (offers, requests, answers, reports, room requests)
# per hour from one client address, from one e-mail address, and through one API key.
OFFERS_SUBMISSIONS_PER_ADDRESS = int(os.environ.get("OFFERS_SUBMISSIONS_PER_ADDRESS", "5"))
OFFERS_SUBMISSIONS_PER_EMAIL = int(os.environ.get("OFFERS_SUBMISSIONS_PER_EMAIL", "3"))
OFFERS_SUBMISSIONS_PER_KEY = int(os.environ.get("OFFERS_SUBMISSIONS_PER_KEY", "60"))
# Where the platform's e-mails come from.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Willkommenszentrum Leipzig <willkommen@leipzig.de>")
# Every e-mail is queued for the worker (cms/mail.py), which sends it through
# EMAIL_DELIVERY_BACKEND; the queue's row of a sent message (address and text) is deleted
# EMAIL_KEEP_DELIVERED_HOURS later.
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_KEEP_DELIVERED_HOURS = int(os.environ.get("EMAIL_KEEP_DELIVERED_HOURS", "24"))

# The link checker (freshness.links, daily): seconds per request, requests at once, pause
# between two requests to one host, and who asks. Addresses in private networks are never
# checked unless allowed: on a public server, whoever writes a link would otherwise make it
# probe the internal network (the tests allow 127.0.0.1 for their own servers).
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_CONCURRENCY = int(os.environ.get("LINK_CHECK_CONCURRENCY", "4"))
LINK_CHECK_HOST_DELAY = float(os.environ.get("LINK_CHECK_HOST_DELAY", "1"))
LINK_CHECK_PRIVATE_ADDRESSES = env_bool("LINK_CHECK_PRIVATE_ADDRESSES", False)
LINK_CHECK_USER_AGENT = os.environ.get(
    "LINK_CHECK_USER_AGENT",
    "WelcomePlatformLinkChecker/1.0 (Willkommenszentrum Leipzig; willkommen@leipzig.de)",
)

# The calendar import (freshness.calendars, hourly): seconds per request, the largest
# calendar read, whether private addresses may be fetched (the link checker's rule), and
# who asks.
CALENDAR_IMPORT_TIMEOUT = float(os.environ.get("CALENDAR_IMPORT_TIMEOUT", "15"))
CALENDAR_IMPORT_MAX_BYTES = int(os.environ.get("CALENDAR_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
CALENDAR_IMPORT_PRIVATE_ADDRESSES = env_bool("CALENDAR_IMPORT_PRIVATE_ADDRESSES", False)
CALENDAR_IMPORT_USER_AGENT = os.environ.get(
    "CALENDAR_IMPORT_USER_AGENT",
    "WelcomePlatformCalendarImport/1.0 (Willkommenszentrum Leipzig; willkommen@leipzig.de)",
)
