import strawberry

from graphql_api.locales.types import LocaleType, TextDirection
from translation import locales


@strawberry.type
class Query:
    @strawberry.field(description="Every content locale, with its native name, direction and fallback chain.")
    def locales(self) -> list[LocaleType]:
        return [
            LocaleType(
                code=info.code,
                native_name=info.name,
                direction=TextDirection(info.direction),
                fallbacks=list(info.fallbacks),
            )
            for info in locales.all_locales()
        ]
