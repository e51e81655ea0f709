"""
API keys for partner sites and their daily usage.

Partners embed our content from their own sites; a key ties their traffic to them, limits
it, and restricts which web origins may read the API in a browser (CORS). A key is issued
in the admin (shown once), can be revoked there, and is never stored in the clear.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from directory.widgets import PartnerChooser

from .forms import ApiKeyForm
from .keys import generate_key

#: How long a key's settings are cached by the middleware; saving or deleting a key clears it.
KEY_CACHE_SECONDS = 60


def forget_cached_key(prefix):
    """
    Drop the middleware's cached copy of a key now, and again when the transaction commits:
    a request in between may have read the old row and cached it for another minute.
    """
    cache_key = ApiKey.cache_key(prefix)
    cache.delete(cache_key)
    transaction.on_commit(lambda: cache.delete(cache_key))


def normalise_origin(value):
    return value.strip().rstrip("/").lower()


def validate_origins(value):
    for origin in value.split():
        origin = normalise_origin(origin)
        scheme, _sep, host = origin.partition("://")
        if scheme not in {"http", "https"} or not host or "/" in host:
            raise ValidationError(
                _("%(origin)s is not an origin such as https://verein.example.org"),
                params={"origin": origin},
            )


class ApiKey(models.Model):
    """A partner site's key to the public API: origins it may be used from, and its rate."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Whose site, e.g. 'Verein X website'."))
    partner = models.ForeignKey(
        "directory.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)

    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_(
            "One per line, e.g. https://verein.example.org. Browsers on other sites cannot use the key."
        ),
    )
    rate_limit_per_minute = models.PositiveIntegerField(_("requests per minute"), default=120)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("partner", widget=PartnerChooser),
        FieldPanel("allowed_origins"),
        FieldPanel("rate_limit_per_minute"),
        FieldPanel("revoke"),
    ]
    base_form_class = ApiKeyForm

    class Meta:
        ordering = ["name"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    def origins(self):
        return {normalise_origin(origin) for origin in self.allowed_origins.split()}

    def set_new_key(self):
        """Give the key a fresh secret and return it: the only time it is ever readable."""
        raw_key, self.prefix, self.key_hash = generate_key()
        return raw_key

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget_cached_key(self.prefix)

    @staticmethod
    def cache_key(prefix):
        return f"embed:key:{prefix}"


@receiver(post_delete, sender=ApiKey, dispatch_uid="embed.forget_deleted_api_key")
def forget_deleted_key(sender, instance, **kwargs):
    """A deleted key is refused at once, as a revoked one is (also for bulk and queryset deletes)."""
    forget_cached_key(instance.prefix)


class ApiKeyUsage(models.Model):
    """Requests made with a key on one day (Europe/Berlin), added up in bulk."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="usage")
    date = models.DateField(_("date"))
    count = models.PositiveBigIntegerField(_("requests"), default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("API key usage")
        verbose_name_plural = _("API key usage")
        constraints = [models.UniqueConstraint(fields=["key", "date"], name="unique_usage_per_key_and_day")]
