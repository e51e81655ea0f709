"""
The /graphql/ endpoint.

Queries may come by GET (cacheable by a CDN: ``Cache-Control: public``) or POST;
strawberry refuses mutations over GET. A response that served a draft preview is never
cacheable, whatever the method. Batching stays off (strawberry's default).
"""

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView

from graphql_api.context import Context
from graphql_api.schema import schema


class WelcomeGraphQLView(GraphQLView):
    def get_context(self, request, response):
        context = Context(request=request, response=response)
        response.welcome_context = context
        return context

    def create_response(self, response_data, sub_response):
        response = super().create_response(response_data, sub_response)
        context = getattr(sub_response, "welcome_context", None)
        has_errors = isinstance(response_data, dict) and bool(response_data.get("errors"))
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
