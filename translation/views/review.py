"""Admin actions around review: submit a translation for review, mark a source edit minor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation

from translation.minor import mark_minor
from translation.review import NoReviewWorkflow, submit_for_review


def _next(request, default):
    return get_valid_next_url_from_request(request) or default


def submit_for_review_view(request, translation_id):
    """Save the translation as a draft and start the review workflow (instead of publishing)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not isinstance(target, Page) or not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request,
            "translation/submit_for_review.html",
            {"page": target, "locale": translation.target_locale, "next": _next(request, "")},
        )
    try:
        submit_for_review(translation, request.user)
    except NoReviewWorkflow as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("'%(page)s' in %(locale)s was submitted for review.")
            % {"page": target.get_admin_display_title(), "locale": translation.target_locale.get_display_name()},
        )
    return redirect(_next(request, "translation:overview"))


def mark_minor_view(request, page_id):
    """Confirm, then keep the translations of the page current despite its last change."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if request.method == "POST":
        kept = mark_minor(page, request.user)
        if kept:
            messages.success(
                request,
                _("The last change was recorded as minor; translations stay current in: %(locales)s.")
                % {"locales": ", ".join(kept)},
            )
        else:
            messages.warning(
                request,
                _("No translation was current before this change, so there is nothing to keep current."),
            )
        return redirect(_next(request, "translation:overview"))
    return TemplateResponse(request, "translation/mark_minor.html", {"page": page, "next": _next(request, "")})
