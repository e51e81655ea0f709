"""
Escalation: an item overdue in two digests in a row, with no review since the earlier one,
goes to the editorial lead with its owner.

The earlier digest is the item's latest reminder before this week (within
``LOOKBACK_WEEKS``, so an item reminded long ago and then forgotten by a paused worker
starts counting again). A review since (``last_reviewed`` in or after that digest's week)
resets the count; so does a digest in which the item was only due.
"""

import datetime

from freshness.choices import ReminderKind
from freshness.models import Reminder

LOOKBACK_WEEKS = 5


def escalated(overdue, week):
    """The items of ``overdue`` (``(item, content type id)``) to escalate in ``week``."""
    if not overdue:
        return []
    type_ids = {type_id for _item, type_id in overdue}
    ids = {item.pk for item, _type_id in overdue}
    latest = {}
    earlier = Reminder.objects.filter(
        kind=ReminderKind.ITEM,
        content_type_id__in=type_ids,
        object_id__in=ids,
        week__lt=week,
        week__gte=week - datetime.timedelta(weeks=LOOKBACK_WEEKS),
    ).order_by("week")
    for reminder in earlier:
        latest[(reminder.content_type_id, reminder.object_id)] = reminder
    found = []
    for item, type_id in overdue:
        before = latest.get((type_id, item.pk))
        if before is None or not before.overdue:
            continue
        if item.last_reviewed is not None and item.last_reviewed >= before.week:
            continue
        found.append((item, type_id))
    return found
