"""
The /graphql/ endpoint.

Queries may come by GET (cacheable by a CDN: ``Cache-Control: public``) or POST;
strawberry refuses mutations over GET. A response that served a draft preview is never
cacheable, whatever the method. Batching stays off (strawberry's default).

A request the transport cannot take (no query, a body that is not a JSON object, an
unsupported content type, an unknown operation name) is refused like every other error:
a JSON body with ``errors[].extensions.code`` (``BAD_REQUEST``), HTTP 400 (405 for a
method GraphQL does not use), never a plain-text page or a server error.
"""

import json

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView
from cross_web import HTTPException

from graphql_api.context import Context
from graphql_api.errors import ErrorCode
from graphql_api.schema import schema
from public_content.errors import RETRY_AFTER_SECONDS


def transport_error(message, status=400):
    response = JsonResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": str(ErrorCode.BAD_REQUEST)}}]},
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
        elif context is not None and context.request.method == "GET" and not has_errors:
            response["Cache-Control"] = f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"
        else:
            response["Cache-Control"] = "no-store"
        return response


graphql_view = csrf_exempt(
    WelcomeGraphQLView.as_view(schema=schema, graphql_ide="graphiql" if settings.GRAPHIQL else None)
)
