from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView

from graphql_api.schema import schema

graphql_view = csrf_exempt(
    GraphQLView.as_view(schema=schema, graphql_ide="graphiql" if getattr(settings, "GRAPHIQL", True) else None)
)
