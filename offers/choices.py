"""The fixed choices of what the public submits."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class Kind(models.TextChoices):
    """What is offered or sought; one list for both directions, so requests meet offers."""

    DONATION = "donation", _("Donation in kind")
    VOLUNTEERING = "volunteering", _("Volunteering")
    MENTORING = "mentoring", _("Mentoring")
    TANDEM = "tandem", _("Language tandem")
    HOUSING = "housing", _("Housing")
    JOB = "job", _("Job")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    INTERNSHIP = "internship", _("Internship")
    ROOM = "room", _("Room for an event")


class Status(models.TextChoices):
    """
    Where a submission is in its life. Only ``APPROVED`` items before their end are public;
    every other state is for the submitter (through their link) and the moderators.
    """

    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn by the submitter")


class RoomRequestStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    PENDING = "pending", _("Waiting for a decision")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the group")


class District(models.TextChoices):
    """Leipzig's ten city districts (Stadtbezirke)."""

    MITTE = "mitte", "Mitte"
    NORDOST = "nordost", "Nordost"
    OST = "ost", "Ost"
    SUEDOST = "suedost", "Südost"
    SUED = "sued", "Süd"
    SUEDWEST = "suedwest", "Südwest"
    WEST = "west", "West"
    ALT_WEST = "alt-west", "Alt-West"
    NORDWEST = "nordwest", "Nordwest"
    NORD = "nord", "Nord"


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or discriminating")
    FRAUD = "fraud", _("Fraud or exploitation")
    PERSONAL_DATA = "personal-data", _("Shows personal data")
    OUTDATED = "outdated", _("No longer available")
    OTHER = "other", _("Something else")


class Sender(models.TextChoices):
    """Who wrote a relayed message: the one who answered, or the submitter of the listing."""

    READER = "reader", _("The one who answered")
    OWNER = "owner", _("The submitter")
