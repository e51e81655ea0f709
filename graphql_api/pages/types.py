"""Page types of the ``pages`` app: home, index pages and guides."""

from datetime import date, datetime

import strawberry
import strawberry_django
from wagtail.models import Page

from graphql_api.context import Info
from graphql_api.media.types import ImageType
from graphql_api.pages.blocks import GuideBlock, body_of, convert_stream, prepare_links
from graphql_api.pages.interface import PageInterface
from graphql_api.taxonomy.types import AudienceType, SpokenLanguageType, TopicType
from public_content.batches import batch_of, chain_of
from public_content.relations import listed_terms
from pages.models import EventIndexPage, GuideIndexPage, GuidePage, HomePage
from taxonomy.models import Audience, Topic


class PublicQuerySetMixin:
    """
    Every page type narrows any queryset it is reached through to public pages. Root
    lists come already public from ``public_content.Reading`` and are marked so
    (``pagination.public``); this is the rule for every other way in.
    """

    @classmethod
    def get_queryset(cls, queryset, info: Info, **kwargs):
        return info.context.reading.visibility.public(queryset)


@strawberry.type(name="TranslationState")
class TranslationStateType:
    outdated: bool = strawberry.field(
        description="The German text was changed after this translation; false for German items."
    )
    source_updated_at: datetime | None = strawberry.field(
        description="When the German text was last published, for an outdated translation; else null."
    )


@strawberry_django.interface(Page, name="ContentPage")
class ContentPageInterface(PageInterface):
    """Fields of every page a reader reads: guides, events, partners, services."""

    summary: str

    @strawberry_django.field(
        only=["last_reviewed", "translation_key", "locale"],
        description="When the content was last checked; null while the item is machine-translated and not reviewed.",
    )
    def last_reviewed(self, info: Info) -> date | None:
        # A translation copies the German date: unreviewed machine output must never look reviewed.
        if self.last_reviewed is None or info.context.reading.is_machine_translated(self):
            return None
        return self.last_reviewed

    @strawberry_django.field(
        only=["translation_key", "locale"],
        description="Machine-translated and not yet approved by a person (show a notice to readers).",
    )
    def machine_translated(self, info: Info) -> bool:
        return info.context.reading.is_machine_translated(self)

    @strawberry_django.field(
        only=["translation_key", "locale", "last_published_at"],
        description="Whether this translation is older than the German text it was made from (show a notice).",
    )
    def translation_state(self, info: Info) -> TranslationStateType:
        state = info.context.reading.translation_state(self)
        return TranslationStateType(outdated=state.outdated, source_updated_at=state.source_updated_at)

    image: ImageType | None = strawberry_django.field()

    @strawberry_django.field(prefetch_related=[lambda info: listed_terms("topics", Topic)], description="Topics in the reader's locale.")
    def topics(self, info: Info) -> list[TopicType]:
        return info.context.reading.relations.many(self, "topics", Topic)

    @strawberry_django.field(prefetch_related=[lambda info: listed_terms("audiences", Audience)], description="Whom it is for, in the reader's locale.")
    def audiences(self, info: Info) -> list[AudienceType]:
        return info.context.reading.relations.many(self, "audiences", Audience)

    languages: list[SpokenLanguageType] = strawberry_django.field(
        description="Languages in which readers are served in person."
    )


@strawberry_django.type(HomePage, name="HomePage")
class HomePageType(PublicQuerySetMixin, PageInterface):
    intro: str


@strawberry_django.type(GuideIndexPage, name="GuideIndexPage")
class GuideIndexPageType(PublicQuerySetMixin, PageInterface):
    intro: str


@strawberry_django.type(EventIndexPage, name="EventIndexPage")
class EventIndexPageType(PublicQuerySetMixin, PageInterface):
    intro: str


@strawberry_django.type(GuidePage, name="Guide")
class GuideType(PublicQuerySetMixin, ContentPageInterface):
    @strawberry_django.field(only=["body"], description="The body as typed blocks.")
    def body(self, info: Info) -> list[GuideBlock]:
        prepare_links(batch_of(self), info)
        return convert_stream(body_of(self, info), info, chain_of(self))
