import strawberry

from graphql_api.context import Info
from graphql_api.localization import best_translations, locale_chain
from graphql_api.taxonomy.types import AudienceType, TopicType
from taxonomy.models import Audience, Topic


def _terms(model, info, locale):
    chain = locale_chain(locale)
    info.context.chain = chain
    # Taxonomies are short (a dozen terms), so they are a plain list, not a connection.
    return list(
        best_translations(model.objects.all(), chain).select_related("locale").order_by("sort_order", "slug")
    )


@strawberry.type
class Query:
    @strawberry.field(description="All topics, each in the reader's locale or its fallback.")
    def topics(self, info: Info, locale: str | None = None) -> list[TopicType]:
        return _terms(Topic, info, locale)

    @strawberry.field(description="All audiences (target groups), in the reader's locale or its fallback.")
    def audiences(self, info: Info, locale: str | None = None) -> list[AudienceType]:
        return _terms(Audience, info, locale)
