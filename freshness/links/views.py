"""
"Broken links", a Wagtail report: the addresses that failed or moved for good, with the
pages that use them, so an editor goes from the report straight to the page to fix.
"""

import datetime

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from freshness.choices import LinkState
from freshness.models import CheckedLink, LinkUse

#: The states an editor has to act on.
REPORTED = [LinkState.BROKEN, LinkState.MOVED]
#: Who may see the report: anyone who writes pages.
PAGE_PERMISSIONS = ["add", "change", "publish"]


def may_see(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_PERMISSIONS)


def reported_links():
    return CheckedLink.objects.filter(state__in=REPORTED)


class LinkFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=[(state.value, state.label) for state in REPORTED], empty_label=_("Broken or moved")
    )

    class Meta:
        model = CheckedLink
        fields = ["state", "kind"]


def result(link):
    """What the check found, in words: the error, else the status code."""
    if link.error:
        return link.get_error_display()
    return link.status_code


class AddressColumn(Column):
    cell_template_name = "freshness/links/url_cell.html"


class UsesColumn(Column):
    """The pages that use the address, each linked to its editor."""

    cell_template_name = "freshness/links/uses_cell.html"


class BrokenLinksView(ReportView):
    page_title = _("Broken links")
    header_icon = "link-external"
    index_url_name = "freshness_links:report"
    index_results_url_name = "freshness_links:report_results"
    results_template_name = "freshness/links/report_results.html"
    filterset_class = LinkFilterSet
    any_permission_required = PAGE_PERMISSIONS
    model = CheckedLink
    columns = [
        AddressColumn("url", label=_("Address")),
        StatusTagColumn("get_state_display", label=_("State"), primary=lambda link: link.state == LinkState.BROKEN),
        Column("result", label=_("Result"), accessor=result),
        Column("final_url", label=_("Final address")),
        UsesColumn("uses", label=_("Used on"), accessor=lambda link: link.uses.all()),
        DateColumn("first_failed", label=_("Failing since")),
        Column("consecutive_failures", label=_("Failures in a row")),
        DateColumn("last_checked", label=_("Last checked")),
    ]
    list_export = ["url", "state", "status_code", "error", "final_url", "first_failed", "consecutive_failures"]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        uses = LinkUse.objects.select_related("page").order_by("page__title")
        return (
            reported_links()
            .select_related("document")
            .prefetch_related(Prefetch("uses", queryset=uses))
            .order_by("state", "-consecutive_failures", "url")
        )

    def get_filename(self):
        return f"broken-links-{datetime.date.today():%Y-%m-%d}"
