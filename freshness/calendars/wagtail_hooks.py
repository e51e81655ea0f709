"""
Admin wiring of the calendar import: the feeds' snippet list, the page history's words, a
dashboard count, and a button on the partner's profile.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from directory.models import PartnerPage
from freshness.calendars.admin import CalendarFeedViewSet, attention
from freshness.calendars import views
from freshness.calendars.models import CalendarFeed, ImportedEvent
from freshness.calendars.run import FLAGGED_ACTION, IMPORTED_ACTION, UPDATED_ACTION

register_snippet(CalendarFeedViewSet)


@hooks.register("register_admin_urls")
def register_calendar_urls():
    return [path("calendars/events/<int:pk>/keep/", views.keep_cms_values, name="calendars_keep_cms_values")]


@hooks.register("register_log_actions")
def register_import_actions(actions):
    actions.register_action(IMPORTED_ACTION, _("Imported"), _("Imported from the partner's calendar"))
    actions.register_action(UPDATED_ACTION, _("Updated from the calendar"), _("Changed by the partner's calendar"))
    actions.register_action(
        FLAGGED_ACTION, _("Cancelled or removed in the calendar"), _("Cancelled or removed in the partner's calendar")
    )


class CalendarAttentionSummaryItem(SummaryItem):
    """How many imported events need an editor (conflicts, cancelled, removed); nothing while none does."""

    order = 460
    template_name = "calendars/summary_item.html"

    def __init__(self, request):
        super().__init__(request)
        user = request.user
        self.count = (
            ImportedEvent.objects.filter(attention()).count()
            if user.has_perm("calendars.change_calendarfeed")
            else 0
        )

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse(CalendarFeed.snippet_viewset.get_url_name("list"))}

    def is_shown(self):
        return self.count > 0


@hooks.register("construct_homepage_summary_items")
def add_calendar_summary_item(request, items):
    items.append(CalendarAttentionSummaryItem(request))



@hooks.register("register_page_header_buttons")
def calendar_feed_button(page, user, view_name=None, next_url=None):
    """On a partner's profile, its calendar feed and how its last import went, for those who manage feeds."""
    if page.specific_class is not PartnerPage or not user.has_perm("calendars.view_calendarfeed"):
        return
    for feed in CalendarFeed.objects.filter(partner_id=page.pk):
        url = reverse(CalendarFeed.snippet_viewset.get_url_name("inspect"), args=[feed.pk])
        label = _("Calendar feed: %(result)s") % {"result": feed.get_result_display()}
        yield Button(label, url, priority=70, icon_name="date")
