from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GraphQLAPIConfig(AppConfig):
    name = "graphql_api"
    verbose_name = _("GraphQL API")

    def ready(self):
        from graphql_api import purging

        purging.connect()
