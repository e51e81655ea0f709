"""
The devices of one user: an authenticator app (django-otp's ``TOTPDevice``) and a set of
recovery codes (``StaticDevice``, each code works once). Two-factor login is *on* when the
user has a confirmed authenticator; the recovery codes only ever stand in for it.
"""

import logging
import math
from base64 import b32encode
from dataclasses import dataclass

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

#: Recovery codes made at once; each works once.
RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator app"
RECOVERY_NAME = "recovery codes"


def is_enabled(user):
    """Whether ``user`` has turned on two-factor login (one query)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user):
    """Whether ``user`` may not use the admin without it (WELCOME_2FA_REQUIRED_FOR_SUPERUSERS)."""
    return bool(settings.WELCOME_2FA_REQUIRED_FOR_SUPERUSERS and user.is_superuser)


def missing_step(user):
    """
    What a signed-in user who has not passed a second step in this session still owes:
    ``"verify"`` (a code), ``"setup"`` (two-factor login must be turned on first) or ``None``.
    """
    if is_enabled(user):
        return "verify"
    if is_required(user):
        return "setup"
    return None


def pending_authenticator(user):
    """The unconfirmed authenticator of a setup in progress: the same secret on every reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret key as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device):
    """
    The ``otpauth://`` address of ``device`` as inline SVG (segno, made on the server: no
    script, nothing for the Content-Security-Policy to allow). Black on white, also in the
    admin's dark theme, so every phone reads it.
    """
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=4, dark="#000", light="#fff")


def confirm(device):
    """The first right code was given: the authenticator counts from now on; fresh recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(device.user)
    logger.info("Two-factor login turned on for user %s", device.user_id)
    return codes


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones and return them (shown once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def turn_off(user):
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    logger.info("Two-factor login turned off for user %s", user.pk)


@dataclass(frozen=True)
class Verification:
    device: Device | None = None
    #: Seconds to wait before the next try (django-otp's throttling), else 0.
    wait_seconds: int = 0


def verify(user, code, devices=None):
    """
    Check ``code`` against the user's confirmed authenticator (a code of its length in
    digits) or their recovery codes (anything else), never both: a recovery code must not
    count as a wrong authenticator code and slow down the next one.

    Every wrong code makes django-otp's throttling wait longer before the next try on that
    device (1, 2, 4, 8 … seconds); a try while waiting is refused without checking.
    """
    code = "".join(code.split()).lower()
    if devices is None:
        authenticator = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if authenticator and code.isdigit() and len(code) == authenticator.digits:
            devices = [authenticator]
        else:
            devices = list(StaticDevice.objects.filter(user=user, confirmed=True))
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            locked_until = (details or {}).get("locked_until")
            wait = (locked_until - timezone.now()).total_seconds() if locked_until else 1
            return Verification(wait_seconds=max(1, math.ceil(wait)))
        # django-otp's own check: the device row locked, so a recovery code works only once.
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return Verification(device=verified)
    return Verification()
