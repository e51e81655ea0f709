import strawberry

from graphql_api.context import Info
from graphql_api.labels.types import InterfaceLabelType
from public_content import dependencies
from translation.labels import interface_labels
from translation.models import InterfaceLabel


@strawberry.type
class Query:
    @strawberry.field(description="Every front-end interface string (kiosk, widget, website), each in the first locale of the chain that has it: a translator's label from the CMS, else the built-in translation.")
    def interface_labels(self, info: Info, locale: str) -> list[InterfaceLabelType]:
        """Every key of ``translation.interface_strings``, resolved by ``translation.labels``."""
        # An unknown (or empty) locale gets the same coded error as every other root field.
        code = info.context.reading.chain(locale)[0]
        dependencies.read_list(InterfaceLabel)
        return [
            InterfaceLabelType(key=label.key, text=label.text, locale=label.locale)
            for label in interface_labels(code).values()
        ]
