"""
Answers to a listing, relayed by e-mail both ways.

Neither side ever sees the other's address: each side answers through a link with its
own token, and the platform forwards the message. The one who answers confirms their
own address first (the platform must not send mail to an address nobody confirmed).
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from offers.choices import Sender
from offers.models.submitters import new_token

MESSAGE_MAX_LENGTH = 2000


class Conversation(models.Model):
    """One reader answering one listing."""

    listing = models.ForeignKey("offers.Listing", on_delete=models.CASCADE, related_name="conversations")
    reader_email = models.EmailField(_("e-mail address of the one who answered"))
    reader_language = models.CharField(_("language"), max_length=12, default="de")
    reader_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    owner_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reader_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return f"{self.listing} ({self.created_at:%Y-%m-%d})"


class Message(models.Model):
    """One relayed message; the text is kept only until the retention job deletes the conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("from"), max_length=10, choices=Sender.choices)
    text = models.TextField(_("message"), validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)])
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    relayed_at = models.DateTimeField(_("forwarded"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
