"""
Help offers and requests (Hilfsangebote und -gesuche), jobs, housing and rooms.

A listing is a model, not a page: the public writes it, moderators approve it, and it
ends by itself. It is translatable like every other content (``TranslatableMixin``): the
submitter's text is the source in their language, machine pre-translations into the
reader languages are flagged until a translator reviews them.

Only the title and the description are text; both are plain text (no markup is ever
rendered). Everything else is synchronised across translations, the status among it
(``set_status`` writes it to every translation at once), so one rule decides what is
public: ``Listing.objects.public()``.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from offers.choices import Direction, District, Kind, ReportReason, Status
from offers.signals import listing_changed

DESCRIPTION_MAX_LENGTH = 2000


class ListingQuerySet(models.QuerySet):
    def public(self, now=None):
        """Approved and not yet ended: the one visibility rule of listings."""
        now = now or timezone.now()
        return self.filter(status=Status.APPROVED, expires_at__gt=now)

    def offers(self):
        return self.filter(direction=Direction.OFFER)

    def requests(self):
        return self.filter(direction=Direction.REQUEST)

    def originals(self):
        """
        The submitted rows, without their translations: a listing's translations are made
        after it (at approval), so the original is the oldest row of its translation key.
        """
        older = Listing.objects.filter(translation_key=models.OuterRef("translation_key"), pk__lt=models.OuterRef("pk"))
        return self.filter(~models.Exists(older))


class Listing(TranslatableMixin, index.Indexed, models.Model):
    """A help offer or request, submitted by the public and approved by a moderator."""

    direction = models.CharField(_("offer or request"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(
        _("description"), validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)], help_text=_("Plain text.")
    )
    topics = models.ManyToManyField("taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    district = models.CharField(_("district"), max_length=20, choices=District.choices, blank=True)
    languages = models.ManyToManyField(
        "taxonomy.SpokenLanguage", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Left empty: the listing ends after the default lifetime.")
    )
    partner = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("addressed to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A partner organisation whose staff moderate this listing (submitted through their widget)."),
    )
    submitter = models.ForeignKey(
        "offers.Submitter",
        verbose_name=_("submitter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
    )
    channel = models.CharField(
        _("submitted through"), max_length=100, blank=True, help_text=_("The website, or the API key of a partner's site.")
    )

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    rejection_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Sent to the submitter when the listing is rejected.")
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    expires_at = models.DateTimeField(_("ends"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    extended_at = models.DateTimeField(_("extended"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    machine_translated = models.BooleanField(
        _("machine-translated"),
        default=False,
        editable=False,
        help_text=_("A machine's translation that no person has checked yet; readers are told so."),
    )

    objects = ListingQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        # Searches narrow the index by these (``public_content.search_backend.search_in`` by id).
        index.FilterField("id"),
        index.FilterField("locale"),
        index.FilterField("status"),
        index.FilterField("direction"),
    ]

    # Topics and languages are the same for every translation too, but wagtail-localize
    # synchronises many-to-many fields only on cluster models (ParentalManyToManyField) and
    # fails on plain ones: offers.translating copies them to each translation it makes.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("direction"),
        SynchronizedField("kind"),
        SynchronizedField("district"),
        SynchronizedField("valid_until"),
        SynchronizedField("partner"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-approved_at", "-submitted_at"]
        verbose_name = _("help offer or request")
        verbose_name_plural = _("help offers and requests")
        indexes = [models.Index(fields=["status", "expires_at"], name="offers_listing_public")]
        permissions = [("moderate_listing", _("Can moderate help offers and requests"))]

    def __str__(self):
        return self.title

    def set_status(self, status, **fields):
        """Write the status (and moderation fields) to this listing and every translation of it."""
        fields["status"] = status
        for name, value in fields.items():
            setattr(self, name, value)
        Listing.objects.filter(translation_key=self.translation_key).update(**fields)
        listing_changed.send(sender=Listing, instance=self)


class Report(models.Model):
    """A reader's report of a listing: spam, fraud, personal data; moderators resolve it."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    text = models.TextField(_("details"), blank=True, validators=[MaxLengthValidator(1000)])
    reporter = models.CharField(
        _("reporter"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the reporter's address, never the address: reports count once per person."),
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.listing}"
