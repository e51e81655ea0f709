import strawberry
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from graphql_api.context import Info
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.pages.interface import PageInterface
from graphql_api.preview.tokens import read_preview_token


def preview_page(info: Info, token: str):
    # Whatever happens next, this response must not be cached.
    info.context.served_preview = True
    payload = read_preview_token(token)
    page = Page.objects.filter(pk=payload["page"]).first() if payload else None
    if page is None:
        raise ApiError(_("The preview link is invalid or has expired."), ErrorCode.PREVIEW_TOKEN_INVALID)
    page = page.specific
    revision_id = payload.get("revision")
    if revision_id is not None:
        revision = page.revisions.filter(pk=revision_id).first()
        if revision is None:
            raise ApiError(_("The preview link is invalid or has expired."), ErrorCode.PREVIEW_TOKEN_INVALID)
        draft = revision.as_object()
    else:
        draft = page.get_latest_revision_as_object()
    # A draft is read in its own locale's chain, whatever else the document asks for.
    reading = info.context.reading
    return reading.adopted(draft, reading.chain(draft.locale.language_code))


@strawberry.type
class Query:
    @strawberry.field(
        description="The draft of exactly one page, for editors: needs a signed preview token that expires."
    )
    def preview(self, info: Info, token: str) -> PageInterface:
        return preview_page(info, token)
