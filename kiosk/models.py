"""
Kiosk screens: touch displays in the Stadthaus and other places.

Each screen is configured here (where it stands, which languages it offers, what it
features, a banner for closures or emergencies) and reports a heartbeat, so staff see in
the admin which screen has gone dark before a visitor tells them.

A heartbeat must carry the screen's secret (``X-Kiosk-Secret``), so nobody else can keep a
dead screen "online". The secret is made when a screen is created in the admin, or by its
"New secret" action, and shown once there as the address to open on the display
(``/kiosk/<slug>/#secret=…``); only its SHA-256 hash is stored. Screens from before the
secrets (and screens made outside the admin) have none: their heartbeat is refused until
staff make one, and the admin's list of screens says so.
"""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from translation.locales import choices as locale_choices

from .forms import KioskScreenForm

#: A screen's secret reads ``ks_<32 characters>`` (192 random bits): safe in a URL fragment
#: and a header, and long enough that a fast hash (no password stretching) is enough.
SECRET_SCHEME = "ks"


def hash_secret(raw_secret):
    return hashlib.sha256(raw_secret.encode("utf-8")).hexdigest()


def generate_secret():
    """A new secret as ``(raw_secret, secret_hash)``; the raw secret is shown once, never stored."""
    raw_secret = f"{SECRET_SCHEME}_{secrets.token_urlsafe(24)}"
    return raw_secret, hash_secret(raw_secret)


class KioskScreen(models.Model):
    """One touch screen, at one place, with what it offers and when it last reported."""

    name = models.CharField(_("name"), max_length=120, help_text=_("E.g. 'Stadthaus, entrance hall'."))
    slug = models.SlugField(_("slug"), unique=True, help_text=_("The screen opens /kiosk/<slug>/."))
    place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the screen stands: services open now are shown nearest first."),
    )
    nearby_km = models.DecimalField(
        _("nearby (km)"),
        max_digits=4,
        decimal_places=1,
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text=_("Services open now within this distance of the place are shown."),
    )
    locales = models.JSONField(
        _("languages offered"),
        default=list,
        blank=True,
        help_text=_("Leave empty to offer every language."),
    )
    default_locale = models.CharField(_("default language"), max_length=12, default="de", choices=locale_choices)
    featured_topics = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("featured topics"), blank=True, related_name="+"
    )
    featured_guides = models.ManyToManyField(
        "pages.GuidePage", verbose_name=_("featured guides"), blank=True, related_name="+"
    )
    announcement = models.TextField(
        _("announcement"),
        blank=True,
        max_length=300,
        help_text=_("A banner across the screen, e.g. for a closure or an emergency."),
    )
    announcement_start = models.DateTimeField(_("show from"), null=True, blank=True)
    announcement_end = models.DateTimeField(_("show until"), null=True, blank=True)
    idle_timeout_seconds = models.PositiveIntegerField(
        _("idle timeout (seconds)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(3600)],
        help_text=_("Without a touch for this long the screen returns to the start and its default language."),
    )
    last_seen = models.DateTimeField(_("last heartbeat"), null=True, blank=True, editable=False)
    last_status = models.CharField(_("last reported status"), max_length=200, blank=True, editable=False)
    secret_hash = models.CharField(
        _("secret (hash)"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the secret the screen sends with its heartbeat; empty: no secret, heartbeats refused."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("nearby_km")], heading=_("Where")),
        MultiFieldPanel([FieldPanel("locales"), FieldPanel("default_locale")], heading=_("Languages")),
        FieldPanel("featured_topics"),
        FieldPanel("featured_guides"),
        MultiFieldPanel(
            [
                FieldPanel("announcement"),
                FieldRowPanel([FieldPanel("announcement_start"), FieldPanel("announcement_end")]),
            ],
            heading=_("Announcement"),
        ),
        FieldPanel("idle_timeout_seconds"),
    ]
    base_form_class = KioskScreenForm

    class Meta:
        ordering = ["name"]
        verbose_name = _("kiosk screen")
        verbose_name_plural = _("kiosk screens")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        codes = {code for code, _name in locale_choices()}
        errors = {}
        unknown = [code for code in self.locales or [] if code not in codes]
        if unknown:
            errors["locales"] = _("Unknown language codes: %(codes)s") % {"codes": ", ".join(unknown)}
        if self.default_locale not in codes:
            errors["default_locale"] = _("Unknown language code.")
        elif self.locales and self.default_locale not in self.locales:
            errors["default_locale"] = _("The default language must be one of the languages offered.")
        if self.announcement_start and self.announcement_end and self.announcement_end <= self.announcement_start:
            errors["announcement_end"] = _("The announcement must end after it starts.")
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def offline_after():
        return datetime.timedelta(seconds=settings.KIOSK_OFFLINE_AFTER_SECONDS)

    @property
    def is_online(self):
        return self.last_seen is not None and timezone.now() - self.last_seen < self.offline_after()

    @property
    def connection_label(self):
        return _("online") if self.is_online else _("offline")

    @property
    def has_secret(self):
        return bool(self.secret_hash)

    @property
    def secret_label(self):
        return pgettext_lazy("kiosk screen secret", "set") if self.has_secret else _("none: heartbeat refused")

    def set_new_secret(self):
        """Give the screen a fresh secret and return it: the only time it is ever readable."""
        raw_secret, self.secret_hash = generate_secret()
        return raw_secret

    def secret_matches(self, raw_secret):
        """Does ``raw_secret`` (as sent by a display) match? Never for a screen without a secret."""
        if not self.secret_hash or not raw_secret:
            return False
        return hmac.compare_digest(hash_secret(raw_secret), self.secret_hash)

    @classmethod
    def offline(cls):
        """Screens that have not reported within the offline interval (or never)."""
        cutoff = timezone.now() - cls.offline_after()
        return cls.objects.filter(models.Q(last_seen__isnull=True) | models.Q(last_seen__lt=cutoff))

    def offered_locales(self):
        """The locale entries of settings.WELCOME_LOCALES this screen offers, in that order."""
        wanted = set(self.locales or [])
        return [entry for entry in settings.WELCOME_LOCALES if not wanted or entry["code"] in wanted]

    def announcement_is_active(self, now=None):
        now = now or timezone.now()
        return bool(self.announcement) and (
            (self.announcement_start is None or self.announcement_start <= now)
            and (self.announcement_end is None or now < self.announcement_end)
        )
