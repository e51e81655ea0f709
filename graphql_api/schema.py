"""
The public GraphQL schema: the root fields of PRODUCT.md's contract, merged from one
module per area, with the optimizer and the abuse limits switched on.
"""

import logging

import strawberry
from graphql import GraphQLError
from django.conf import settings
from strawberry.extensions import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from graphql_api.directory.schema import Query as DirectoryQuery
from graphql_api.directory.types import PartnerIndexPageType, PartnerType, ServiceType
from graphql_api.errors import ErrorCode, classify
from graphql_api.events.schema import Query as EventsQuery
from graphql_api.events.types import EventType
from graphql_api.execution import PlainFieldsExecutor
from graphql_api.freshness.mutations import Mutation as FeedbackMutation
from graphql_api.labels.schema import Query as LabelsQuery
from graphql_api.limits import limit_extensions
from graphql_api.locales.schema import Query as LocalesQuery
from graphql_api.offers.mutations import Mutation as OffersMutation
from graphql_api.offers.rooms import Query as RoomsQuery
from graphql_api.offers.schema import Query as OffersQuery
from graphql_api.optimizer import QueryOptimizer
from graphql_api.pages.schema import Query as PagesQuery
from graphql_api.pages.types import EventIndexPageType, GuideIndexPageType, GuideType, HomePageType
from graphql_api.preview.schema import Query as PreviewQuery
from graphql_api.search.schema import Query as SearchQuery
from graphql_api.taxonomy.schema import Query as TaxonomyQuery

logger = logging.getLogger("graphql_api")

Query = merge_types(
    "Query",
    (LocalesQuery, TaxonomyQuery, PagesQuery, DirectoryQuery, EventsQuery, SearchQuery, PreviewQuery, LabelsQuery, OffersQuery, RoomsQuery),
)
#: The API's only writes: what the public submits (help offers and requests, answers, reports, rooms;
#: reader feedback on items).
Mutation = merge_types("Mutation", (OffersMutation, FeedbackMutation))

#: Page types reached only through the ``Page`` interface must be listed explicitly.
PAGE_TYPES = [
    HomePageType,
    GuideIndexPageType,
    EventIndexPageType,
    PartnerIndexPageType,
    GuideType,
    PartnerType,
    ServiceType,
    EventType,
]


class WelcomeSchema(strawberry.Schema):
    """
    Logs internal errors in full on the server; clients only see masked, coded errors.
    What a client sent wrong is logged as a refusal, without a traceback.
    """

    def process_errors(self, errors, execution_context=None):
        for error in errors:
            original = error.original_error
            # Classified here already (CodedErrors does it again, idempotently, on the way out).
            if classify(error).extensions.get("code") == str(ErrorCode.INTERNAL_SERVER_ERROR):
                logger.error("GraphQL error: %s", original, exc_info=original)
            else:
                logger.info("GraphQL request refused: %s", error.message)


class CodedErrors(strawberry.extensions.SchemaExtension):
    """Replace each error by what a client may see (see ``graphql_api.errors``)."""

    def on_operation(self):
        try:
            yield
        except GraphQLError as error:
            # Parse errors (the token limit among them) leave the operation as exceptions.
            classify(error)
            raise
        context = self.execution_context
        for error in [*(context.pre_execution_errors or []), *(getattr(context.result, "errors", None) or [])]:
            classify(error)


def build_schema(*, introspection: bool = True) -> strawberry.Schema:
    extensions = [CodedErrors, *limit_extensions(), QueryOptimizer]
    if not introspection:
        extensions.insert(1, DisableIntrospection)
    return WelcomeSchema(
        query=Query,
        mutation=Mutation,
        types=PAGE_TYPES,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=True),
        execution_context_class=PlainFieldsExecutor,
    )


schema = build_schema(introspection=getattr(settings, "GRAPHQL_INTROSPECTION", True))
