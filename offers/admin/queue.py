"""
The moderation queue: what waits, oldest first; one listing with its text, its submitter's
contact, its reports and suggested matches; approve, reject with a reason, edit.

Every view reads the listing through ``offers.permissions.moderatable``: a listing outside
the user's scope (another partner's) is a 404, as if it did not exist.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offers import moderation, permissions
from offers.admin.forms import ListingEditForm, QueueFilterForm, ReasonForm
from offers.choices import Status
from offers.matching import matches
from offers.models import Report
from offers.translating import mark_checked

PAGE_SIZE = 50
MATCHES_SHOWN = 5


def open_reports():
    """Unresolved reports of a listing, counted over all its translations (a reader reports the one they read)."""
    counted = (
        Report.objects.filter(listing__translation_key=OuterRef("translation_key"), resolved_at__isnull=True)
        .order_by()
        .values("listing__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _allowed(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied


def _listing(request, pk):
    _allowed(request)
    return get_object_or_404(permissions.moderatable(request.user).select_related("submitter", "partner", "locale"), pk=pk)


def queue_view(request):
    _allowed(request)
    form = QueueFilterForm(request.GET or None)
    listings = (
        form.filter(permissions.moderatable(request.user))
        .select_related("partner", "locale")
        .annotate(open_reports=open_reports())
        .order_by("submitted_at", "pk")
    )
    page = Paginator(listings, PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "offers/admin/queue.html",
        {"form": form, "page": page, "listings": page.object_list, "Status": Status},
    )


def detail_view(request, pk):
    listing = _listing(request, pk)
    reports = list(moderation.unresolved_reports(listing).order_by("created_at"))
    suggested = matches(listing, MATCHES_SHOWN, pending_within=permissions.moderatable(request.user))
    return TemplateResponse(
        request,
        "offers/admin/detail.html",
        {
            "listing": listing,
            "submitter": listing.submitter,
            "reports": reports,
            "matches": suggested,
            "reject_form": ReasonForm(),
            "Status": Status,
            "returned_by_reports": listing.status == Status.PENDING and listing.approved_at is not None,
        },
    )


def _decided(request, listing, error=None):
    if error is not None:
        messages.error(request, str(error.message))
        return redirect("moderation:detail", listing.pk)
    messages.success(request, _("“%(title)s” is now “%(status)s”.") % {"title": listing.title, "status": listing.get_status_display()})
    return redirect("moderation:queue")


@require_POST
def approve_view(request, pk):
    listing = _listing(request, pk)
    try:
        moderation.approve(listing, request.user)
    except moderation.ModerationError as error:
        return _decided(request, listing, error)
    return _decided(request, listing)


def reject_view(request, pk):
    listing = _listing(request, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.reject(listing, request.user, form.cleaned_data["reason"])
        except moderation.ModerationError as error:
            return _decided(request, listing, error)
        return _decided(request, listing)
    return TemplateResponse(request, "offers/admin/reject.html", {"listing": listing, "form": form})


def edit_view(request, pk):
    """Corrections before approving: an approved listing's text lives in its translations too."""
    listing = _listing(request, pk)
    if listing.status != Status.PENDING:
        messages.error(request, _("Only a listing waiting for moderation can be edited here."))
        return redirect("moderation:detail", listing.pk)
    form = ListingEditForm(request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        form.save()
        mark_checked(listing)
        messages.success(request, _("Your changes to “%(title)s” were saved.") % {"title": listing.title})
        return redirect("moderation:detail", listing.pk)
    return TemplateResponse(request, "offers/admin/edit.html", {"listing": listing, "form": form})
