"""The API's own records: the documents registered for persisted queries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisteredDocument(models.Model):
    """
    A GraphQL document the platform vouches for, by its SHA-256.

    With ``GRAPHQL_ANONYMOUS_DOCUMENTS = "registered"`` anonymous readers may run only these
    (``graphql_api.persisted``): the documents of our own consumers, registered at deploy
    time (``manage.py register_documents``), and those a partner with an API key sent.
    """

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    document = models.TextField(_("document"))
    name = models.CharField(_("name"), max_length=255, blank=True, help_text=_("Where the document comes from, e.g. kiosk/start."))
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registered GraphQL document")
        verbose_name_plural = _("registered GraphQL documents")
        ordering = ["name", "sha256"]

    def __str__(self):
        return self.name or self.sha256[:12]
