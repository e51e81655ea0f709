"""
Event dates, not event pages: a weekly course is one page but many dates, and a reader
asking for next week wants each date, in start order. Dates are expanded in Leipzig time
(``EventPage.occurrences``) with cancelled dates removed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.models import EventCancellation
from pages.models.events import occurrences_of
from public_content import dependencies, filters
from public_content.errors import InvalidRequest
from public_content.moments import moment

DEFAULT_WINDOW = timedelta(days=31)
MAX_WINDOW = timedelta(days=92)
#: Single events that ended longer ago than this are left out of feeds; series are kept.
FEED_PAST_DAYS = 90
#: Upper bound on events per feed, so a feed stays one cheap query and a small file.
FEED_MAX_EVENTS = 500


@dataclass
class Occurrence:
    """One date of an event; the full event is loaded only for the dates shown."""

    start: datetime
    end: datetime
    event_id: int
    title: str


def window(start=None, end=None):
    """The window asked for, or the next 31 days; at most 92 days long, between 1970 and 2199."""
    start = moment(start, "from") if start is not None else dependencies.now()
    end = moment(end, "to") if end is not None else moment(start + DEFAULT_WINDOW, "from")
    if end <= start or end - start > MAX_WINDOW:
        raise InvalidRequest(
            _("'to' must be after 'from' and at most %(days)d days later.") % {"days": MAX_WINDOW.days}
        )
    return start, end


def occurrences(events, start, end, *, topic=None, partner=None):
    """
    Every date of the public ``events`` queryset in ``[start, end)``, sorted by start,
    title and id. Only the columns the expansion needs are read.
    """
    events = filters.tagged(events.filter(start__lt=end).filter(~Q(recurrence_rule="") | Q(end__gt=start)), topic=topic)
    if partner is not None:
        events = filters.of_partner(events, "organiser", partner)
    rows = list(events.values_list("pk", "title", "start", "end", "recurrence_rule"))
    cancelled = defaultdict(set)
    for page_id, day in EventCancellation.objects.filter(page_id__in=[row[0] for row in rows]).values_list(
        "page_id", "date"
    ):
        cancelled[page_id].add(day)
    found = []
    local_zone = timezone.get_current_timezone()
    for pk, title, event_start, event_end, rule in rows:
        # The rule is expanded from the columns: a page instance per event costs more than its dates.
        for occurrence_start, occurrence_end in occurrences_of(event_start, event_end, rule, start, end, cancelled[pk]):
            found.append(
                Occurrence(
                    start=occurrence_start.astimezone(local_zone),
                    end=occurrence_end.astimezone(local_zone),
                    event_id=pk,
                    title=title,
                )
            )
    found.sort(key=lambda item: (item.start, item.title, item.event_id))
    return found


def for_feed(events):
    """Public ``events`` for a calendar feed: series and recent or coming single events."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return (
        events.exclude(recurrence_rule="", end__lt=since)
        .select_related("place", "locale")
        .prefetch_related("cancellations")
        .order_by("start", "pk")[:FEED_MAX_EVENTS]
    )
