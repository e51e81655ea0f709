"""The admin side of draft previews: an editor gets a fresh token for one page."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Page

from graphql_api.preview.tokens import make_preview_token


def preview_token_view(request, page_id):
    """Show a token for the page's latest revision; only to users who may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision
    token = make_preview_token(page, revision)
    frontend = settings.FRONTEND_PREVIEW_URL
    # Admin URLs are never cached (Wagtail wraps them), so the token stays with this editor.
    return TemplateResponse(
        request,
        "graphql_api/preview_token.html",
        {
            "page": page,
            "token": token,
            "minutes": settings.PREVIEW_TOKEN_MAX_AGE // 60,
            "frontend_url": f"{frontend}?token={token}" if frontend else "",
        },
    )
