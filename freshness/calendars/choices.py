"""Choice lists of the calendar import."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedResult(models.TextChoices):
    """How the last import of a feed went."""

    NEVER = "never", _("Not imported yet")
    OK = "ok", _("Imported")
    NOT_MODIFIED = "unchanged", _("Unchanged since the last import")
    FAILED = "failed", _("Failed")


class FeedError(models.TextChoices):
    """Why a feed could not be imported; its events stay as the last good import left them."""

    TIMEOUT = "timeout", _("No answer in time")
    REFUSED = "refused", _("Address not allowed (not http/https, or a private network)")
    CONNECTION = "connection", _("Connection failed")
    STATUS = "status", _("The server answered with an error")
    TOO_LARGE = "too_large", _("The calendar is larger than allowed")
    MALFORMED = "malformed", _("Not a valid iCalendar file")
    INTERNAL = "internal", _("The import failed on our side (the server log has the details)")


class EventState(models.TextChoices):
    """Where an imported event stands in its feed."""

    ACTIVE = "active", _("In the feed")
    CANCELLED = "cancelled", _("Cancelled in the feed")
    REMOVED = "removed", _("No longer in the feed")


class Note(models.TextChoices):
    """What an editor should know about how an event was read (kept per event as [code, detail])."""

    NO_END = "no_end", _("The feed gives no end: one hour was assumed.")
    ALL_DAY = "all_day", _("An all-day event: it runs from midnight to midnight.")
    RULE = "rule", _("The feed's repeat rule could not be used")
    CHANGED_DATE = "changed_date", _("A changed single date of the series was not imported.")
    NO_PLACE = "no_place", _("No place has the feed's location as its name: choose the place")
