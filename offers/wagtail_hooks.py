"""
The "Moderation" menu: the queue of help offers and requests, readers' reports and the room
planner, each a viewset of its own views; and a dashboard panel with what waits.

Menu items show only to those who may use them (``offers.permissions``): moderators and
superusers see everything, partner editors the queue and reports of their partner, and
room requests are for the Stadthaus' moderators alone.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from offers import permissions
from offers.admin import queue, reports, rooms
from offers.choices import RoomRequestStatus, Status
from offers.models import Report


class GuardedViewSet(ViewSet):
    """A viewset whose menu item shows only to users ``may_use(user)`` admits."""

    add_to_admin_menu = False

    @staticmethod
    def may_use(user):
        raise NotImplementedError

    @cached_property
    def menu_item_class(self):
        may_use = self.may_use

        class GuardedMenuItem(MenuItem):
            def is_shown(self, request):
                return may_use(request.user)

        return GuardedMenuItem


class QueueViewSet(GuardedViewSet):
    name = "moderation"
    icon = "tasks"
    menu_label = _("Queue")
    may_use = staticmethod(permissions.can_moderate)

    def get_urlpatterns(self):
        return [
            path("", queue.queue_view, name="queue"),
            path("<int:pk>/", queue.detail_view, name="detail"),
            path("<int:pk>/approve/", queue.approve_view, name="approve"),
            path("<int:pk>/reject/", queue.reject_view, name="reject"),
            path("<int:pk>/edit/", queue.edit_view, name="edit"),
        ]


class ReportsViewSet(GuardedViewSet):
    name = "moderation_reports"
    url_prefix = "moderation-reports"
    icon = "warning"
    menu_label = _("Reports")
    may_use = staticmethod(permissions.can_moderate)

    def get_urlpatterns(self):
        return [
            path("", reports.reports_view, name="index"),
            path("<int:pk>/resolve/", reports.resolve_view, name="resolve"),
        ]


class RoomPlannerViewSet(GuardedViewSet):
    name = "room_planner"
    url_prefix = "room-planner"
    icon = "date"
    menu_label = _("Room planner")
    may_use = staticmethod(permissions.decides_rooms)

    def get_urlpatterns(self):
        return [
            path("", rooms.rooms_view, name="index"),
            path("room/<int:pk>/", rooms.room_view, name="room"),
            path("request/<int:pk>/confirm/", rooms.confirm_view, name="confirm"),
            path("request/<int:pk>/decline/", rooms.decline_view, name="decline"),
        ]


class ModerationGroup(ViewSetGroup):
    menu_label = _("Moderation")
    menu_icon = "tasks"
    menu_order = 250
    items = (QueueViewSet, ReportsViewSet, RoomPlannerViewSet)


@hooks.register("register_admin_viewset")
def register_moderation():
    return ModerationGroup()


class WaitingPanel(Component):
    """On the dashboard while something waits for a decision: how much, with links."""

    name = "offers_waiting"
    order = 80
    template_name = "offers/admin/waiting_panel.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        return {"counts": self.counts}


def waiting_counts(user):
    """``{"listings": n, "reports": n, "rooms": n}`` within the user's scope (three counts at most)."""
    counts = {}
    if permissions.can_moderate(user):
        counts["listings"] = permissions.moderatable(user).filter(status=Status.PENDING).count()
        counts["reports"] = Report.objects.filter(permissions.visible_to(user), resolved_at__isnull=True).count()
    if permissions.decides_rooms(user):
        counts["rooms"] = permissions.room_requests(user).filter(status=RoomRequestStatus.PENDING).count()
    return counts


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request, panels):
    counts = waiting_counts(request.user)
    if any(counts.values()):
        panels.append(WaitingPanel(counts))
