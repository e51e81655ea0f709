import strawberry

from graphql_api.context import Info
from graphql_api.taxonomy.types import AudienceType, SpokenLanguageType, TopicType
from public_content import dependencies
from public_content.batches import adopt
from taxonomy.models import Audience, SpokenLanguage, Topic


def _terms(model, info: Info, locale):
    reading = info.context.reading
    chain = reading.chain(locale)
    # Taxonomies are short (a dozen terms), so they are a plain list, not a connection.
    return adopt(reading.terms(model, chain).order_by("sort_order", "slug"), chain)


@strawberry.type
class Query:
    @strawberry.field(description="All topics, each in the reader's locale or its fallback.")
    def topics(self, info: Info, locale: str | None = None) -> list[TopicType]:
        return _terms(Topic, info, locale)

    @strawberry.field(description="All audiences (target groups), in the reader's locale or its fallback.")
    def audiences(self, info: Info, locale: str | None = None) -> list[AudienceType]:
        return _terms(Audience, info, locale)

    @strawberry.field(
        description="Every language in which services and events may be offered in person: the values of the `language` filters."
    )
    def spoken_languages(self, info: Info) -> list[SpokenLanguageType]:
        dependencies.read_list(SpokenLanguage)
        return list(SpokenLanguage.objects.all())
