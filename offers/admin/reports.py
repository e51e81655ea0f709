"""Readers' reports, open ones first: close one as unfounded, or take the listing down with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from offers import moderation, permissions
from offers.admin.forms import ResolveReportForm
from offers.models import Report

PAGE_SIZE = 50


def _reports(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    return Report.objects.filter(permissions.visible_to(request.user)).select_related("listing")


def reports_view(request):
    reports = _reports(request).filter(resolved_at__isnull=True).order_by("created_at", "pk")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "offers/admin/reports.html", {"page": page, "reports": page.object_list, "form": ResolveReportForm()}
    )


def resolve_view(request, pk):
    report = get_object_or_404(_reports(request).filter(resolved_at__isnull=True), pk=pk)
    form = ResolveReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.resolve_report(report, request.user, form.cleaned_data["action"], form.cleaned_data["reason"])
        except moderation.ModerationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The report on “%(title)s” is resolved.") % {"title": report.listing.title})
            return redirect("moderation_reports:index")
    return TemplateResponse(request, "offers/admin/resolve_report.html", {"report": report, "form": form})
