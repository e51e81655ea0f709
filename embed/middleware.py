"""
Key check, CORS and rate limit in front of the public API and the calendar feeds.

Scoped to the path prefixes in ``EMBED_API_PATHS`` so the admin and the kiosk pages are
untouched. A key arrives in the ``X-Api-Key`` header, or as the ``key`` query parameter
for GET requests (the widget uses the parameter: a custom header would make every
cross-origin GET a preflighted request, doubling round trips and defeating HTTP caches).

- No key: allowed, limited per client address (``EMBED_ANONYMOUS_RATE_LIMIT``), and
  never granted CORS, so another site's browser code cannot use the API anonymously.
- A valid key: its own limit; CORS granted only for the origins it lists; a request
  from any other origin is refused (403), so a copied key is useless on a foreign site.
- An unknown or revoked key: refused (401), never silently downgraded to anonymous.

Caching headers: every answer to a request with a valid key depends on its ``Origin``
(CORS granted, refused, or not needed), so it says ``Vary: Origin``; anonymous answers do
not depend on it. The API's language comes from the query (``locale``), not from
``Accept-Language``: the ``Vary: Accept-Language`` and ``Content-Language`` that Django's
LocaleMiddleware adds are taken off again here (this middleware sits outside it), so a
CDN keeps one copy of an answer, not one per browser language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from . import ratelimit, usage
from .keys import key_matches, split_prefix
from .models import KEY_CACHE_SECONDS, ApiKey, normalise_origin

ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Content-Type, X-Api-Key"


@dataclass(frozen=True)
class KeyInfo:
    """What the middleware needs of a key, small enough to cache."""

    id: int
    key_hash: str
    origins: frozenset
    rate_limit: int
    active: bool
    #: The key's partner: what is submitted through the key is addressed to them (offers).
    partner_id: int | None = None


def graphql_error(message, code, status, **extensions):
    """A GraphQL-shaped error body, so API clients handle it the way they handle any other."""
    error = {"message": message, "extensions": {"code": code, **extensions}}
    response = JsonResponse({"data": None, "errors": [error]}, status=status)
    response["Cache-Control"] = "no-store"  # a refusal is for this client now, not for a CDN to repeat
    return response


def load_key(prefix):
    cache_key = ApiKey.cache_key(prefix)
    info = cache.get(cache_key)
    if info is None:
        key = ApiKey.objects.filter(prefix=prefix).first()
        info = (
            KeyInfo(
                key.pk, key.key_hash, frozenset(key.origins()), key.rate_limit_per_minute, key.is_active, key.partner_id
            )
            if key
            else False
        )
        cache.set(cache_key, info, KEY_CACHE_SECONDS)
    return info or None


def origin_allowed_by_any_key(origin):
    """For preflights, which never carry the key: does some active key list this origin?"""
    candidates = ApiKey.objects.filter(revoked_at__isnull=True, allowed_origins__icontains=origin)
    return any(origin in key.origins() for key in candidates)


def client_address(request):
    """The client's address; behind N trusted proxies, the N-th address from the right."""
    proxies = getattr(settings, "EMBED_TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


class ApiAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = tuple(getattr(settings, "EMBED_API_PATHS", ("/graphql/", "/feeds/")))

    def __call__(self, request):
        if not request.path.startswith(self.paths):
            return self.get_response(request)
        response = self.handle(request)
        self.drop_language_negotiation(request, response)
        return response

    def handle(self, request):
        origin = request.headers.get("Origin")
        origin = normalise_origin(origin) if origin and origin != "null" else origin
        foreign_origin = origin and origin != normalise_origin(f"{request.scheme}://{request.get_host()}")

        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            return self.preflight(origin if foreign_origin and origin_allowed_by_any_key(origin) else None)

        raw_key = request.headers.get("X-Api-Key") or (request.GET.get("key") if request.method == "GET" else None)
        key = None
        if raw_key:
            prefix = split_prefix(raw_key)
            key = load_key(prefix) if prefix else None
            if key is None or not key_matches(raw_key, key.key_hash):
                return graphql_error(_("This API key is not valid."), "INVALID_API_KEY", 401)
            if not key.active:
                return graphql_error(_("This API key has been revoked."), "API_KEY_REVOKED", 401)
            if foreign_origin and origin not in key.origins:
                response = graphql_error(
                    _("This API key may not be used from %(origin)s.") % {"origin": origin},
                    "ORIGIN_NOT_ALLOWED",
                    403,
                )
                patch_vary_headers(response, ("Origin",))
                return response

        # Read by the API: a keyed caller may register persisted documents (graphql_api/persisted.py),
        # and submissions are limited per key and per client address (offers.spam).
        request.api_key = key
        request.client_address = client_address(request)
        if key:
            allowed, retry_after = ratelimit.hit(f"key:{key.id}", key.rate_limit)
        else:
            limit = getattr(settings, "EMBED_ANONYMOUS_RATE_LIMIT", 60)
            allowed, retry_after = ratelimit.hit(f"ip:{client_address(request)}", limit)
        if not allowed:
            response = graphql_error(
                _("Too many requests. Try again in %(seconds)d seconds.") % {"seconds": retry_after},
                "RATE_LIMITED",
                429,
                retryAfter=retry_after,
            )
            response["Retry-After"] = str(retry_after)
        else:
            if key:
                usage.record_request(key.id)
            response = self.get_response(request)

        if key:
            # Same origin, no origin or a listed one: each gets another answer (with or
            # without the CORS grant), so a cache must keep them apart.
            patch_vary_headers(response, ("Origin",))
            if foreign_origin:
                self.add_cors_headers(response, origin)
        return response

    @staticmethod
    def add_cors_headers(response, origin):
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "Retry-After"

    @staticmethod
    def drop_language_negotiation(request, response):
        """
        Take off what LocaleMiddleware added for ``Accept-Language``: the answer's language
        comes from the query, so caches must not keep one copy per browser language (other
        ``Vary`` values stay). ``Content-Language`` goes too when it is just the negotiated
        language, which a cache would otherwise hand to every later reader.
        """
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip() and value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        negotiated = getattr(request, "LANGUAGE_CODE", None)
        if negotiated and response.get("Content-Language") == negotiated:
            del response["Content-Language"]

    @staticmethod
    def preflight(origin):
        response = HttpResponse(status=204)
        response["Vary"] = "Origin"
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = "600"
        return response
