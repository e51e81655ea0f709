import strawberry
from django.conf import settings

from graphql_api.locales.types import LocaleType, TextDirection


@strawberry.type
class Query:
    @strawberry.field(description="Every content locale, with its native name, direction and fallback chain.")
    def locales(self) -> list[LocaleType]:
        return [
            LocaleType(
                code=entry["code"],
                native_name=entry["name"],
                direction=TextDirection(entry["direction"]),
                fallbacks=list(entry["fallbacks"]),
            )
            for entry in settings.WELCOME_LOCALES
        ]
