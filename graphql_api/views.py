"""
The /graphql/ endpoint.

Each request goes: persisted document (``persisted``) → response cache (``response_cache``:
a stored answer, or ``304 Not Modified`` for a matching ``If-None-Match``) → strawberry.

Queries may come by GET (cacheable by a CDN: ``Cache-Control: public``) or POST;
strawberry refuses mutations over GET. A response that served a draft preview is never
cacheable, whatever the method. Batching stays off (strawberry's default).

A request the transport cannot take (no query, a body that is not a JSON object, an
unsupported content type, an unknown operation name) is refused like every other error:
a JSON body with ``errors[].extensions.code`` (``BAD_REQUEST``), HTTP 400 (405 for a
method GraphQL does not use), never a plain-text page or a server error.
"""

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView
from cross_web import HTTPException

from graphql_api import persisted, response_cache
from graphql_api.context import Context
from graphql_api.errors import ErrorCode
from graphql_api.schema import schema
from public_content import dependencies
from public_content.errors import RETRY_AFTER_SECONDS


#: Which code answers: the schema and the deployment's ``RELEASE`` (response cache keys).
RELEASE = hashlib.sha256(f"{settings.RELEASE}\n{schema}".encode()).hexdigest()[:16]


def transport_error(message, status=400, code=ErrorCode.BAD_REQUEST):
    response = JsonResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": str(code)}}]},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


class WelcomeGraphQLView(GraphQLView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return self.run(request=request)
        except HTTPException as error:
            return transport_error(error.reason, error.status_code)
        except persisted.PersistedQueryError as error:
            return transport_error(error.message, error.status, error.code)

    def run(self, request, context=None, root_value=None):
        adapter = self.request_adapter_class(request)
        if not self.is_request_allowed(adapter) or self.should_render_graphql_ide(adapter):
            return super().run(request)
        data = self.parse_http_body(adapter)
        if isinstance(data, list):
            return super().run(request)  # refused by strawberry: batching is off
        data = persisted.resolve(data, request)
        request.graphql_request_data = data

        key = None
        if response_cache.enabled():
            key = response_cache.request_key(
                request.get_host(), data.query, data.variables, data.operation_name, release=RELEASE
            )
        if key is None:
            return super().run(request)
        entry = response_cache.get(key)
        if entry is not None:
            return self.cached_response(request, entry)
        generation = response_cache.generation()
        with dependencies.recording() as read:
            response = super().run(request)
        if getattr(response, "storable", False):
            url = request.build_absolute_uri() if request.method == "GET" else None
            entry = response_cache.put(key, response.content, read, started_at_generation=generation, url=url)
            if entry is not None:
                response["ETag"] = entry.etag
                self.tag_response(response, entry)
        response["X-Cache"] = "MISS"
        return response

    def parse_http_body(self, adapter):
        # The data ``run`` resolved (a persisted document filled in), not a second parse.
        data = getattr(adapter.request, "graphql_request_data", None)
        return data if data is not None else super().parse_http_body(adapter)

    def cached_response(self, request, entry):
        """A stored answer, or ``304 Not Modified`` when the client holds it already."""
        if entry.etag in request.headers.get("If-None-Match", ""):
            response = HttpResponse(status=304)
        else:
            response = HttpResponse(entry.body, content_type="application/json")
        response["ETag"] = entry.etag
        response["Cache-Control"] = self.cache_control(request)
        response["X-Cache"] = "HIT"
        self.tag_response(response, entry)
        return response

    @staticmethod
    def cache_control(request):
        return f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}" if request.method == "GET" else "no-store"

    @staticmethod
    def tag_response(response, entry):
        # For CDNs that purge by tag (Fastly: Surrogate-Key, Cloudflare: Cache-Tag).
        response["Surrogate-Key"] = response_cache.surrogate_keys(entry)
        response["Cache-Tag"] = ",".join(entry.tags)

    def parse_json(self, data):
        try:
            decoded = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(400, "The request body (or the variables parameter) is not valid JSON.") from None
        if not isinstance(decoded, dict | list):
            raise HTTPException(400, "The request body must be a JSON object with a 'query'.")
        return decoded

    def get_context(self, request, response):
        context = Context(request=request, response=response)
        response.welcome_context = context
        return context

    def create_response(self, response_data, sub_response):
        response = super().create_response(response_data, sub_response)
        context = getattr(sub_response, "welcome_context", None)
        has_errors = isinstance(response_data, dict) and bool(response_data.get("errors"))
        codes = {(error.get("extensions") or {}).get("code") for error in (response_data.get("errors") or [])} if has_errors else set()
        if str(ErrorCode.SERVICE_UNAVAILABLE) in codes:
            # The database is away for a moment (cms/errors.py): say when to come back.
            response.status_code = 503
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            response["Cache-Control"] = "no-store"
            return response
        if context is not None and context.served_preview:
            response["Cache-Control"] = "private, no-store"
        elif context is not None and not has_errors:
            # Our response cache may keep it (GET and POST); a CDN or browser only a GET.
            response.storable = response.status_code == 200
            response["Cache-Control"] = self.cache_control(context.request)
        else:
            response["Cache-Control"] = "no-store"
        return response


graphql_view = csrf_exempt(
    WelcomeGraphQLView.as_view(schema=schema, graphql_ide="graphiql" if settings.GRAPHIQL else None)
)
