"""
A partner's own staff in the admin: the group and collection made for each partner, and
who was invited to it (directory.staff does the inviting).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerTeam(models.Model):
    """
    The Wagtail group and the media collection of one partner's staff, made on the first
    invitation. Kept as a row, not found by name, because a partner's title (and with it
    the group's name) may change.
    """

    partner = models.OneToOneField(
        "directory.PartnerPage", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="team"
    )
    group = models.OneToOneField("auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("partner team")
        verbose_name_plural = _("partner teams")

    def __str__(self):
        return self.group.name


class StaffInvitation(models.Model):
    """
    One person invited to edit a partner's pages: the account stays without a password
    until they set one through the e-mailed link. Revoking deactivates the account.
    """

    team = models.ForeignKey(PartnerTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="invitations")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="partner_invitation"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("last sent"))
    accepted_at = models.DateTimeField(_("password set"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.user.email

    @property
    def state(self):
        if self.revoked_at:
            return _("revoked")
        if self.accepted_at:
            return _("active")
        return _("invited")
