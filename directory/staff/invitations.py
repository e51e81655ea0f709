"""
Inviting a partner's staff, resending, revoking, and the one-time link.

The account is made inactive and without a usable password; the e-mailed link lets its
owner set one within ``PARTNER_INVITATION_DAYS``. The link is signed (no token table) and
carries a check over the account's password, last login and the invitation's sending
time: setting the password or logging in uses it up, and resending replaces it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from directory.models import StaffInvitation
from directory.staff.teams import team_for

SALT = "directory.staff.invitation"


class InvitationError(Exception):
    """An invitation that cannot be made or a link that cannot be used, with the reason for the person."""


class LinkExpired(InvitationError):
    pass


# --- the one-time link -------------------------------------------------------------------


def _check(invitation):
    user = invitation.user
    state = f"{user.pk}:{user.password}:{user.last_login}:{invitation.sent_at.timestamp()}"
    return salted_hmac(SALT, state).hexdigest()[:24]


def make_token(invitation):
    return signing.TimestampSigner(salt=SALT).sign_object({"i": invitation.pk, "c": _check(invitation)})


def link(invitation):
    path = reverse("partner_staff_welcome", args=[make_token(invitation)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def read_token(token):
    """The invitation a link may still accept; ``InvitationError`` (or ``LinkExpired``) otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign_object(token, max_age=settings.PARTNER_INVITATION_DAYS * 86400)
        invitation = StaffInvitation.objects.select_related("user", "team__partner").get(pk=value["i"])
    except signing.SignatureExpired:
        raise LinkExpired(
            _("This invitation has expired. Please ask the Welcome Centre to send you a new one.")
        ) from None
    except (signing.BadSignature, StaffInvitation.DoesNotExist, KeyError, TypeError, ValueError):
        raise InvitationError(_("This link is not valid.")) from None
    if invitation.revoked_at:
        raise InvitationError(_("This invitation was withdrawn. Please contact the Welcome Centre."))
    if not constant_time_compare(value.get("c", ""), _check(invitation)):
        raise InvitationError(
            _("This link has already been used or a newer invitation was sent. Please use the latest e-mail or log in.")
        )
    return invitation


# --- inviting --------------------------------------------------------------------------


def _send(invitation, language):
    partner = invitation.team.partner
    context = {
        "invitation": invitation,
        "partner": partner,
        "link": link(invitation),
        "days": settings.PARTNER_INVITATION_DAYS,
    }
    with translation.override(language):
        text = render_to_string("directory/staff/email/invitation.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    # Queued for the background worker by the mail backend (cms.mail): a slow mail server
    # delays the worker, not the editor who pressed "Invite".
    EmailMessage(subject=" ".join(subject.split()), body=body.strip() + "\n", to=[invitation.user.email]).send()


def _existing_account(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()


@transaction.atomic
def invite(partner, email, name, language, invited_by):
    """
    Invite ``email`` to edit ``partner`` (or send the invitation again); returns the
    ``StaffInvitation``. Raises ``InvitationError`` for an address that belongs to someone
    else's account: this page gives no one access to an existing editor's account.
    """
    email = email.strip().lower()
    team = team_for(partner)
    user = _existing_account(email)
    invitation = getattr(user, "partner_invitation", None) if user else None
    if user and (invitation is None or invitation.team_id != team.pk):
        raise InvitationError(
            _("An account with this e-mail address exists already. An administrator can add it to the partner's group.")
        )
    if invitation and invitation.accepted_at and not invitation.revoked_at:
        raise InvitationError(_("This person has set their password already and can log in."))
    if user is None:
        first, _space, last = name.strip().partition(" ")
        user = get_user_model().objects.create_user(
            username=email, email=email, first_name=first[:150], last_name=last[:150], is_active=False
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        invitation = StaffInvitation(team=team, user=user)
    elif invitation.revoked_at:  # invited again after being revoked: a fresh start
        user.set_unusable_password()
        user.is_active = False
        user.save(update_fields=["password", "is_active"])
        invitation.revoked_at = invitation.accepted_at = None
    user.groups.add(team.group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    invitation.invited_by = invited_by
    invitation.sent_at = timezone.now()
    invitation.save()
    _send(invitation, language)
    return invitation


@transaction.atomic
def revoke(invitation):
    """Deactivate the account and take it out of the partner's group: no more access."""
    user = invitation.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.groups.remove(invitation.team.group)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def accept(invitation, password):
    """Set the password (already validated by the form) and activate the account."""
    user = invitation.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
