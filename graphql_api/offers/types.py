"""
``Listing``: a help offer or request as readers see it.

What it shows is chosen field by field, and nothing leads to the person who wrote it:
no submitter, e-mail address, phone, name, organisation, status, channel, moderation
note or reason is a field, and no field returns a model that has them (``partner`` is a
public page, ``topics`` and ``languages`` are terms). ``tests/api/test_offers.py`` holds
the field list, so adding one is a decision a reviewer sees.
"""

from datetime import date, datetime

import strawberry
import strawberry_django
from django.utils.translation import gettext_lazy as _

from directory.models import PartnerPage
from graphql_api.context import Info
from graphql_api.directory.types import PartnerType
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.offers.enums import DistrictEnum, ListingDirectionEnum, ListingKindEnum
from graphql_api.taxonomy.types import SpokenLanguageType, TopicType
from offers import reading
from offers.matching import MAX_MATCHES, batch_matches
from offers.models import Listing
from taxonomy.models import Topic


@strawberry_django.type(
    Listing,
    name="Listing",
    description=(
        "A help offer or request: donations, volunteering, mentoring, housing, jobs. Approved by a moderator;"
        " the submitter's contact details are never part of it (answer through the website's form)."
    ),
)
class ListingType:
    id: strawberry.ID
    title: str
    description: str = strawberry_django.field(description="Plain text: show it as text, never as HTML.")
    translation_key: strawberry.ID = strawberry_django.field(description="The same for every translation of this item.")
    valid_until: date | None = strawberry_django.field(description="The end the submitter gave, if any.")

    @classmethod
    def get_queryset(cls, queryset, info: Info, **kwargs):
        """Whichever way a listing is reached, only public ones (approved and not ended)."""
        return queryset.public()

    @strawberry_django.field(only=["direction"])
    def direction(self) -> ListingDirectionEnum:
        return ListingDirectionEnum(self.direction)

    @strawberry_django.field(only=["kind"])
    def kind(self) -> ListingKindEnum:
        return ListingKindEnum(self.kind)

    @strawberry_django.field(only=["district"], description="Where in Leipzig; null when the submitter did not say.")
    def district(self) -> DistrictEnum | None:
        return DistrictEnum(self.district) if self.district else None

    @strawberry_django.field(only=["approved_at"], description="When a moderator approved it.")
    def published_at(self) -> datetime | None:
        return self.approved_at

    @strawberry_django.field(only=["expires_at"], description="When it leaves the lists (valid-until, or the lifetime).")
    def ends_at(self) -> datetime | None:
        return self.expires_at

    @strawberry_django.field(select_related=["locale"], only=["locale__language_code"], description="The locale this item is really in.")
    def locale(self) -> str:
        return self.locale.language_code

    @strawberry_django.field(only=["translation_key"], description="Every locale in which this item is public.")
    def available_locales(self, info: Info) -> list[str]:
        return info.context.reading.relations.per_batch(
            self, "listing-locales", lambda batch: _available_locales(batch.items)
        )

    @strawberry_django.field(
        only=["machine_translated"],
        description="Machine-translated and not yet checked by a person (show a notice to readers).",
    )
    def machine_translated(self) -> bool:
        return self.machine_translated

    @strawberry_django.field(prefetch_related=["topics"], description="Topics in the reader's locale.")
    def topics(self, info: Info) -> list[TopicType]:
        return info.context.reading.relations.many(self, "topics", Topic)

    languages: list[SpokenLanguageType] = strawberry_django.field(description="Languages the submitter speaks.")

    @strawberry_django.field(
        select_related=["partner"],
        description="The partner organisation it is addressed to (through its widget), in the reader's locale.",
    )
    def partner(self, info: Info) -> PartnerType | None:
        return info.context.reading.relations.one(self, "partner", PartnerPage, pages=True)

    @strawberry_django.field(
        prefetch_related=["topics", "languages"],
        only=["direction", "kind", "district", "translation_key", "approved_at", "submitted_at"],
        description=(
            "Public listings of the other direction and the same kind (offers for a request, requests for an"
            " offer), those sharing topics, district and languages first, then the newest."
        ),
    )
    def matches(self, info: Info, first: int = 5) -> list["ListingType"]:
        if not 0 <= first <= MAX_MATCHES:
            raise ApiError(
                _("'first' must be between 0 and %(max)d.") % {"max": MAX_MATCHES}, ErrorCode.PAGE_SIZE_EXCEEDED
            )

        def answer_batch(batch):
            found = batch_matches(batch.items, first, chain=batch.chain)
            return {id(each): found.get(each.pk, []) for each in batch.items}

        return info.context.reading.relations.per_batch(self, f"listing-matches:{first}", answer_batch)


def _available_locales(items):
    found = reading.available_locales(items)
    return {id(each): found.get(each.translation_key, []) for each in items}
