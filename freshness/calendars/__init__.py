"""
Calendar import: where events come from when a partner keeps its own calendar.

A partner gives an iCalendar address (``CalendarFeed``); the worker fetches it every hour
(``cms.schedule``), and ``manage.py import_calendars`` does it now. Each VEVENT becomes an
``EventPage`` below that partner, known by the feed's UID (``ImportedEvent``), as a draft
submitted to the page's workflow: nothing goes live without an editor. What the feed said
last time is kept per event, so a later import changes only the fields no editor touched;
the others are kept and shown as conflicts. See docs/freshness.md, "Calendar import".
"""
