import strawberry

from graphql_api.context import Info
from graphql_api.labels.types import InterfaceLabelType
from translation.labels import interface_labels


@strawberry.type
class Query:
    @strawberry.field(description="Every kiosk and widget label, each in the first locale of the chain that has it.")
    def interface_labels(self, info: Info, locale: str) -> list[InterfaceLabelType]:
        """Every key of ``translation.interface_strings``, resolved by ``translation.labels``."""
        info.context.reading.chain(locale)  # an unknown locale gets the same coded error as every other root field
        return [
            InterfaceLabelType(key=label.key, text=label.text, locale=label.locale)
            for label in interface_labels(locale).values()
        ]
