"""
Room requests: a group asks for a room of the Stadthaus for its event.

Moderators decide beside the room's existing events; a confirmed request becomes an
event page (``RoomRequest.event``), so the booking appears in the calendar like any
other event. The group's name is public then; the person who asked is not.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers.choices import RoomRequestStatus


class RoomRequest(models.Model):
    """A request for one room at one time."""

    room = models.ForeignKey("directory.Room", verbose_name=_("room"), on_delete=models.CASCADE, related_name="+")
    group_name = models.CharField(
        _("group"), max_length=200, help_text=_("Shown as the organiser once the event is published.")
    )
    partner = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the group is one of our partners."),
    )
    title = models.CharField(_("event title"), max_length=200)
    description = models.TextField(_("about the event"), blank=True, validators=[MaxLengthValidator(2000)])
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    attendees = models.PositiveIntegerField(_("expected people"))
    language = models.CharField(_("language"), max_length=12, default="de")
    submitter = models.ForeignKey(
        "offers.Submitter", null=True, blank=True, on_delete=models.SET_NULL, related_name="room_requests"
    )

    status = models.CharField(
        _("status"), max_length=12, choices=RoomRequestStatus.choices, default=RoomRequestStatus.UNCONFIRMED
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(_("decided"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    event = models.ForeignKey(
        "pages.EventPage", verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["start"]
        verbose_name = _("room request")
        verbose_name_plural = _("room requests")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="room_request_ends_after_start"),
        ]
        permissions = [("moderate_roomrequest", _("Can confirm or decline room requests"))]

    def __str__(self):
        return f"{self.title} ({self.room}, {timezone.localtime(self.start):%Y-%m-%d %H:%M})"
