"""
Admin wiring of partner self-service: URLs, the "Staff" button on a partner page, the
page chooser that keeps other partners' drafts out of sight, and the dashboard panel
"Your partner's changes". Imported by ``directory.wagtail_hooks``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from directory.models import PartnerPage
from directory.staff import scope, urls
from directory.staff.changes import partner_changes, partners_of
from directory.staff.views import may_invite


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("partner-staff/", include((urls.admin_urlpatterns, "partner_staff"), namespace="partner_staff"))]


@hooks.register("register_page_header_buttons")
def staff_button(page, user, view_name=None, next_url=None):
    """On a partner page, for who may publish it: invite its staff, see who was invited."""
    if page.specific_class is PartnerPage and may_invite(user, page):
        url = reverse("partner_staff:staff", args=[page.pk])
        yield Button(_("Invite staff"), url, priority=70, icon_name="group")


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_others(pages, request):
    """Linking to a page is open to everyone in the admin; other partners' drafts are not."""
    return scope.without_other_partners_drafts(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    """The report names the last edited page of each type (``views.PageTypesUsageReport``)."""
    if scope.confined(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class PartnerChangesPanel(Component):
    """The staff's own view of their changes: draft, in review, changes requested."""

    name = "partner_changes"
    order = 205
    template_name = "directory/staff/panel.html"

    def __init__(self, partners):
        self.partners = partners

    def get_context_data(self, parent_context):
        return {"rows": partner_changes(self.partners)}


@hooks.register("construct_homepage_panels")
def add_partner_changes_panel(request, panels):
    partners = partners_of(request.user)
    if partners:
        panels.append(PartnerChangesPanel(partners))


