"""Read-only panels of the page editor."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.panels import Panel

#: How far ahead and how many dates the event editor lists.
NEXT_DATES_WINDOW = timedelta(days=366)
NEXT_DATES_SHOWN = 6


class NextDatesPanel(Panel):
    """
    The dates an event will publish, as readers will see them: the start and the rule's
    next dates without the cancelled ones, computed by ``EventPage.occurrences`` like the
    API, the feeds, the kiosk and the widget. Shown for the saved state of the page.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/panels/next_dates.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            dates = []
            if event.pk and event.start and event.end:
                now = timezone.now()
                until = max(now, event.start) + NEXT_DATES_WINDOW
                dates = [timezone.localtime(moment) for moment, _end in event.occurrences(now, until)]
                dates = dates[:NEXT_DATES_SHOWN]
            context.update({"dates": dates, "saved": bool(event.pk)})
            return context
