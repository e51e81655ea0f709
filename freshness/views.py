"""
The freshness dashboard (what is due or overdue, filterable) and the "still correct" click.

The dashboard lists live pages and places whose review is due, computed in SQL per kind
(``freshness.cycles.due``), translations older than their source
(``freshness.translations``), broken links in the pages (``freshness.links``) and what
readers reported (``freshness.feedback``), each narrowed by the same owner, kind, topic
and language, so an owner sees everything of theirs in one place.
"""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from directory.models import Place
from freshness import cycles
from freshness.feedback import views as feedback
from freshness.links.views import reported_links
from freshness.models import LinkUse
from freshness.owners import TEAM, owned_by, owning_teams
from freshness.permissions import may_see
from freshness.reviews import can_review, record_review
from freshness.translations import outdated_translations
from taxonomy.models import Topic

#: The longest list the dashboard shows; the counts are complete.
LIMIT = 200


def _filtered(model, params, items=None):
    items = cycles.due(model) if items is None else items
    items = owned_by(items.select_related("content_owner", "owner_team", "locale"), params.get("owner"))
    if params.get("language"):
        items = items.filter(locale__language_code=params["language"])
    if params.get("topic"):
        if not hasattr(model, "topics"):
            return model.objects.none()
        items = items.filter(topics__slug=params["topic"]).distinct()
    return items


def due_items(params=None):
    """``(kind, item, state)`` for every due or overdue item matching the filters, most overdue first."""
    params = params or {}
    rows = []
    for model in cycles.REVIEWED_MODELS:
        if params.get("kind") and params["kind"] != model._meta.model_name:
            continue
        for item in _filtered(model, params)[:LIMIT]:
            rows.append((model._meta.verbose_name, item, cycles.state(item)))
    rows.sort(key=lambda row: (row[2] != cycles.OVERDUE, cycles.due_on(row[1]) or datetime.date.min))
    return rows[:LIMIT]


def matching_pages(params):
    """
    A condition on ``page_id`` for rows about pages (link uses, reader feedback): the live
    pages matching the filters; ``None`` when no filter is set.
    """
    if not any(params.get(key) for key in ("owner", "kind", "topic", "language")):
        return None
    matching = Q(pk__in=[])
    for model in cycles.REVIEWED_MODELS:
        if issubclass(model, Page) and params.get("kind") in ("", None, model._meta.model_name):
            matching |= Q(page_id__in=_filtered(model, params, model.objects.live()).values("pk"))
    return matching


def broken_links(pages=None):
    """
    Broken or moved addresses used on ``pages`` (``matching_pages``; any page when
    ``None``), with those pages; a link on a page outside them is not listed.
    """
    links = reported_links().order_by("state", "-consecutive_failures", "url")
    uses = LinkUse.objects.select_related("page").order_by("page__title")
    if pages is not None:
        uses = uses.filter(pages)
        links = links.filter(pk__in=uses.values("link_id"))
    return list(links[:LIMIT].prefetch_related(Prefetch("uses", queryset=uses)))


def counts():
    """How many items are due (overdue included) and how many overdue."""
    due = sum(cycles.due(model).count() for model in cycles.REVIEWED_MODELS)
    overdue = sum(cycles.due(model, overdue=True).count() for model in cycles.REVIEWED_MODELS)
    return {"due": due, "overdue": overdue, "reports": feedback.open_report_count(), "links": reported_links().count()}


def dashboard(request):
    if not may_see(request.user):
        raise PermissionDenied
    params = {key: request.GET.get(key, "") for key in ("owner", "kind", "topic", "language")}
    User = get_user_model()
    pages = matching_pages(params)
    context = {
        "rows": due_items(params),
        "outdated": outdated_translations(params),
        "broken_links": broken_links(pages),
        "params": params,
        "counts": counts(),
        "kinds": [(model._meta.model_name, model._meta.verbose_name) for model in cycles.REVIEWED_MODELS],
        "owners": User.objects.filter(is_active=True).order_by("username"),
        "teams": [(f"{TEAM}{team.pk}", team.name) for team in owning_teams(cycles.REVIEWED_MODELS)],
        "topics": Topic.objects.filter(locale=Locale.get_default()).order_by("name"),
        "locales": Locale.objects.order_by("language_code"),
        "header_title": _("Freshness"),
        **feedback.dashboard_context(pages),
    }
    return TemplateResponse(request, "freshness/dashboard.html", context)


def _review(request, item):
    if not can_review(item, request.user):
        # A plain 403, not Wagtail's redirect to the dashboard: nothing was recorded.
        return HttpResponseForbidden(_("You may not review this item."))
    if request.method == "GET":
        # The weekly digest's "Still correct" link: a link must not change anything, so
        # it opens this question, and its button posts.
        return TemplateResponse(request, "freshness/confirm_review.html", {"item": item, "header_title": _("Still correct")})
    record_review(item, request.user)
    messages.success(request, _("'%(item)s' is marked as still correct.") % {"item": item})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "freshness:dashboard"
    return redirect(target)


@require_http_methods(["GET", "POST"])
def review_page(request, page_id):
    return _review(request, get_object_or_404(Page, pk=page_id).specific)


@require_http_methods(["GET", "POST"])
def review_place(request, place_id):
    return _review(request, get_object_or_404(Place, pk=place_id))
