"""
The people who submit: the only place where contact details are kept.

Listings, room requests and conversations point here; no public type reads this model,
and the retention job (``offers.lifecycle``) deletes a submitter once nothing of theirs is
running any more.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class Submitter(models.Model):
    """One person (or organisation) by e-mail address; their link shows, exports and deletes it all."""

    email = models.EmailField(_("e-mail address"), unique=True, help_text=_("Stored in lower case."))
    name = models.CharField(_("name"), max_length=100, blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("For the moderators only, never shown to anyone else.")
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("An employer, a landlord, a group.")
    )
    language = models.CharField(
        _("language"), max_length=12, default="de", help_text=_("The locale in which e-mails reach them.")
    )
    access_token = models.CharField(_("access token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("submitter")
        verbose_name_plural = _("submitters")

    def __str__(self):
        return self.name or self.email.split("@")[0]

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def new_access_token(self):
        """Invalidate the old link (after a deletion request or a leaked e-mail)."""
        self.access_token = new_token()
        self.save(update_fields=["access_token"])
