"""
Between the feed's values and an event page: reading a page's values in the fingerprint's
form, writing the feed's values onto it, and telling whether two values are the same to a
reader (rich text is compared by its text, so the editor's round trip through the rich
text editor does not look like an edit).
"""

from django.utils.dateparse import parse_date, parse_datetime

from freshness.calendars.parse import FIELDS, instant, plain
from pages.models import EventPage
from pages.models.events import EventCancellation


def values_of(page):
    """The page's values of the fields a feed sets (``parse.FIELDS``)."""
    return {
        "title": page.title,
        "summary": page.summary,
        "description": page.description,
        "start": instant(page.start) if page.start else None,
        "end": instant(page.end) if page.end else None,
        "recurrence_rule": page.recurrence_rule,
        "cancelled_dates": sorted({cancellation.date.isoformat() for cancellation in page.cancellations.all()}),
        "place": page.place_id,
        "online_url": page.online_url,
        "registration_url": page.registration_url,
    }


def same(name, a, b):
    if name == "description":
        return plain(a) == plain(b)
    if name in ("start", "end") and a and b:
        return parse_datetime(a) == parse_datetime(b)
    return a == b


def write(page, values, names=FIELDS):
    """Set ``names`` of ``values`` on ``page`` (an unsaved revision's object, or a new page)."""
    for name in names:
        value = values[name]
        if name == "title":
            page.title = page.draft_title = value
        elif name in ("start", "end"):
            setattr(page, name, parse_datetime(value))
        elif name == "cancelled_dates":
            page.cancellations = [EventCancellation(date=parse_date(day)) for day in value]
        elif name == "place":
            page.place_id = value
        else:
            setattr(page, name, value)


def new_page(values, slug, partner):
    """A draft below ``partner``, organised by it and kept by whoever keeps the partner's profile."""
    page = EventPage(
        slug=slug, live=False, has_unpublished_changes=True, organiser_id=partner.pk,
        content_owner_id=partner.content_owner_id,
    )
    write(page, values)
    return page
