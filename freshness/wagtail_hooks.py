"""Admin wiring of review cycles: the dashboard, its menu item and homepage panel, the "still correct" buttons."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from directory.models import Place
from freshness import cycles, urls, views
from freshness.reviews import REVIEWED_ACTION, can_review


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("freshness/", include(urls, namespace="freshness"))]


class FreshnessMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return FreshnessMenuItem(_("Freshness"), reverse("freshness:dashboard"), icon_name="time", order=460)


@hooks.register("register_log_actions")
def register_review_action(actions):
    actions.register_action(REVIEWED_ACTION, _("Still correct"), _("Reviewed: still correct"))


def still_correct_attrs(url):
    """One click posts (with the CSRF token) through Wagtail's own action controller."""
    return {"data-controller": "w-action", "data-action": "w-action#post", "data-w-action-url-value": url}


@hooks.register("register_page_header_buttons")
def still_correct_button(page, user, view_name=None, next_url=None):
    """On a live page its owner or an editor can review: record a review without editing."""
    page = page.specific_deferred
    if not isinstance(page, cycles.REVIEWED_MODELS) or not page.live or not can_review(page, user):
        return
    url = reverse("freshness:review_page", args=[page.pk])
    yield Button(_("Still correct"), url, priority=60, icon_name="check", attrs=still_correct_attrs(url))


@hooks.register("register_snippet_listing_buttons")
def still_correct_place_button(snippet, user, next_url=None):
    """The same click for places, in the "More" menu of each row of the places' list."""
    if isinstance(snippet, Place) and can_review(snippet, user):
        url = reverse("freshness:review_place", args=[snippet.pk])
        yield Button(_("Still correct"), url, priority=60, icon_name="check", attrs=still_correct_attrs(url))


class FreshnessPanel(Component):
    """Counts of what is due and overdue on the Wagtail dashboard, linked to the list."""

    name = "freshness"
    order = 90
    template_name = "freshness/panel.html"

    def get_context_data(self, parent_context):
        return {"counts": views.counts()}


@hooks.register("construct_homepage_panels")
def add_freshness_panel(request, panels):
    if views.may_see(request.user):
        panels.append(FreshnessPanel())
