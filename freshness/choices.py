"""Choice lists of the link checker."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkKind(models.TextChoices):
    WEB = "web", _("Web address")
    DOCUMENT = "document", _("Document")


class LinkState(models.TextChoices):
    UNCHECKED = "unchecked", _("Not checked yet")
    OK = "ok", _("Works")
    MOVED = "moved", _("Moved")
    BROKEN = "broken", _("Broken")


class LinkError(models.TextChoices):
    """Why a link could not be followed; empty when it answered (the status code says the rest)."""

    TIMEOUT = "timeout", _("No answer in time")
    DNS = "dns", _("Host name not found")
    TLS = "tls", _("Certificate or encryption error")
    CONNECTION = "connection", _("Connection failed")
    REDIRECTS = "redirects", _("Too many redirects")
    REFUSED = "refused", _("Address not allowed (not http/https, or a private network)")
    INVALID = "invalid", _("Not a valid address")
    MISSING = "missing", _("File missing in storage")


class ReminderKind(models.TextChoices):
    """What a digest reminded someone of (``freshness.models.Reminder``)."""

    ITEM = "item", _("Due for review")
    LINK = "link", _("Broken link")
    TRANSLATION = "translation", _("Translation")


class FeedbackKind(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")
    NOT_HELPFUL = "not_helpful", _("Not helpful")
    MISTAKE = "mistake", _("Mistake reported")
