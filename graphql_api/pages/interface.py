"""
The ``Page`` interface: what every page type shares, so ``page(urlPath)`` and ``search``
can return any of them and clients can ask for common fields once.
"""

from datetime import datetime

import strawberry
import strawberry_django
from wagtail.models import Page

from graphql_api.context import Info
from public_content.links import reader_path


@strawberry_django.interface(Page, name="Page")
class PageInterface:
    id: strawberry.ID
    title: str
    slug: str
    translation_key: strawberry.ID = strawberry_django.field(
        description="The same for every translation of this item."
    )
    first_published_at: datetime | None
    last_published_at: datetime | None
    seo_title: str
    search_description: str

    @strawberry_django.field(only=["url_path"], description="Path below the locale's home page, e.g. /ratgeber/anmeldung/.")
    def url_path(self) -> str:
        return reader_path(self.url_path)

    @strawberry_django.field(select_related=["locale"], only=["locale__language_code"], description="The locale this item is really in.")
    def locale(self) -> str:
        return self.locale.language_code

    @strawberry_django.field(
        only=["translation_key"], description="Every locale in which this item is publicly available."
    )
    def available_locales(self, info: Info) -> list[str]:
        return info.context.reading.available_locales(self)
