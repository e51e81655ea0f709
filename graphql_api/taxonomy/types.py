"""Topics, audiences and spoken languages."""

import strawberry
import strawberry_django

from graphql_api.context import Info
from taxonomy.models import Audience, SpokenLanguage, Topic


@strawberry_django.type(Topic, name="Topic")
class TopicType:
    id: strawberry.ID
    name: str
    slug: str = strawberry_django.field(description="Stable identifier for filters; the same in every locale.")
    description: str
    translation_key: strawberry.ID

    @strawberry_django.field(only=["locale"])
    def locale(self, info: Info) -> str:
        return info.context.reading.locale_code(self)


@strawberry_django.type(Audience, name="Audience")
class AudienceType:
    id: strawberry.ID
    name: str
    slug: str
    description: str
    translation_key: strawberry.ID

    @strawberry_django.field(only=["locale"])
    def locale(self, info: Info) -> str:
        return info.context.reading.locale_code(self)


@strawberry_django.type(SpokenLanguage, name="SpokenLanguage")
class SpokenLanguageType:
    code: str
    native_name: str
    german_name: str
