"""
Persisted queries: a client sends the SHA-256 of its document instead of the document.

Compatible with Apollo's *automatic persisted queries*: the request carries
``extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}``. Without a
``query`` the document is looked up by its hash; unknown, the answer is the error
``PersistedQueryNotFound`` (code ``PERSISTED_QUERY_NOT_FOUND``) and the client sends
hash and document once, which stores it. The kiosk, the widget and the website thus send
short GET URLs that a CDN and the response cache can keep.

``GRAPHQL_ANONYMOUS_DOCUMENTS = "registered"`` closes the API to documents nobody vouched
for: an anonymous request may then run only ``RegisteredDocument``\\s (our own consumers'
documents, registered with ``manage.py register_documents``), while a partner with an API
key and a signed-in editor may send any document, which registers it.
"""

import hashlib
import re
from dataclasses import replace

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _

from graphql_api.errors import ErrorCode
from graphql_api.models import RegisteredDocument
from graphql_api.response_cache import normalise

REMEMBERED = "graphql:persisted:"
REGISTERED = "graphql:registered:"
#: How long a document sent by an anonymous client is remembered (renewed by each use).
REMEMBER_SECONDS = 7 * 24 * 3600
HASH = re.compile(r"^[0-9a-f]{64}$")


class PersistedQueryError(Exception):
    def __init__(self, message, code: ErrorCode, status=200):
        super().__init__(message)
        self.message, self.code, self.status = message, code, status


def digest(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def trusted(request) -> bool:
    """A caller whose documents we may register: a partner with an API key, or an editor (POST)."""
    if getattr(request, "api_key", None) is not None:
        return True
    if request.method != "POST" or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        # An editor's session counts only on a POST: a JSON POST from another site needs a
        # CORS preflight, a link in an e-mail does not, and this view is CSRF-exempt.
        # Without a session cookie, nothing is read: answers keep free of ``Vary: Cookie``.
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


def registered_only() -> bool:
    return settings.GRAPHQL_ANONYMOUS_DOCUMENTS == "registered"


def resolve(data, request):
    """The request data with its document filled in from the store; refuses what it must."""
    persisted = (data.extensions or {}).get("persistedQuery")
    vouched_only = registered_only() and not trusted(request)  # trusted() only read when it matters
    if persisted is None:
        if data.query is not None and vouched_only and registered(digest(data.query)) is None:
            raise _required()
        return data
    sha = _hash_of(persisted)
    if data.query is None:
        document = registered(sha) if vouched_only else remembered(sha)
        if document is None:
            raise PersistedQueryError("PersistedQueryNotFound", ErrorCode.PERSISTED_QUERY_NOT_FOUND)
        return replace(data, query=document)
    if digest(data.query) != sha:
        raise PersistedQueryError(_("The sha256Hash does not match the query."), ErrorCode.BAD_REQUEST, 400)
    if vouched_only and registered(sha) is None:
        raise _required()
    if normalise(data.query) is not None:  # nothing is stored that does not parse
        remember(sha, data.query, register=trusted(request))
    return data


def remembered(sha):
    """A document any client sent (kept a week after its last use), or a registered one."""
    document = caches["default"].get(REMEMBERED + sha)
    return document if document is not None else registered(sha)


def registered(sha):
    """A document the platform vouches for (``RegisteredDocument``), cached."""
    cache = caches["default"]
    document = cache.get(REGISTERED + sha)
    if document is None:
        document = RegisteredDocument.objects.filter(sha256=sha).values_list("document", flat=True).first()
        if document is not None:
            cache.set(REGISTERED + sha, document, REMEMBER_SECONDS)
    return document


def remember(sha, document, *, register=False, name=""):
    caches["default"].set(REMEMBERED + sha, document, REMEMBER_SECONDS)
    if register:
        RegisteredDocument.objects.get_or_create(sha256=sha, defaults={"document": document, "name": name})


def _hash_of(persisted):
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError("PersistedQueryNotSupported", ErrorCode.BAD_REQUEST, 400)
    sha = persisted.get("sha256Hash")
    if not isinstance(sha, str) or not HASH.match(sha.lower()):
        raise PersistedQueryError(_("sha256Hash must be 64 hexadecimal digits."), ErrorCode.BAD_REQUEST, 400)
    return sha.lower()


def _required():
    return PersistedQueryError(
        _("This API answers registered documents only; send an API key to use your own."),
        ErrorCode.PERSISTED_QUERY_REQUIRED,
        403,
    )
