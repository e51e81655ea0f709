"""
The link checker in the admin: its report under *Reports*, and a count of broken links on
the dashboard while there are any. Imported by ``FreshnessConfig.ready`` (Wagtail looks
for hooks only in an app's top-level ``wagtail_hooks``).
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem

from freshness.choices import LinkState
from freshness.links.views import BrokenLinksView, may_see, reported_links

urlpatterns = [
    path("", BrokenLinksView.as_view(), name="report"),
    path("results/", BrokenLinksView.as_view(results_only=True), name="report_results"),
]


@hooks.register("register_admin_urls")
def register_link_report_urls():
    return [path("reports/broken-links/", include((urlpatterns, "freshness_links"), namespace="freshness_links"))]


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_link_report_menu_item():
    return BrokenLinksMenuItem(
        _("Broken links"), reverse("freshness_links:report"), name="broken-links", icon_name="link-external", order=750
    )


class BrokenLinksSummaryItem(SummaryItem):
    """How many links are broken, linked to the report; nothing while none is."""

    order = 450
    template_name = "freshness/links/summary_item.html"

    def __init__(self, request):
        super().__init__(request)
        self.count = reported_links().filter(state=LinkState.BROKEN).count() if may_see(request.user) else 0

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse("freshness_links:report") + f"?state={LinkState.BROKEN}"}

    def is_shown(self):
        return self.count > 0


@hooks.register("construct_homepage_summary_items")
def add_broken_links_summary_item(request, items):
    items.append(BrokenLinksSummaryItem(request))
