"""
Set up, verify, turn off. Every view lives below /admin/ (``wagtail_hooks``), so Wagtail
requires a signed-in user with admin access and speaks the user's admin language.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import devices
from .forms import CodeForm, ConfirmAuthenticatorForm


def next_url(request):
    """Where to go after the second step: ``next`` if it is ours, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def passed_second_step(request, device):
    """Mark this session as verified by ``device`` and give it a new key."""
    otp_login(request, device)
    request.session.cycle_key()


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    if request.user.is_verified() or not devices.is_enabled(request.user):
        return redirect(next_url(request))
    form = CodeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        passed_second_step(request, form.device)
        if isinstance(form.device, StaticDevice):
            left = devices.remaining_recovery_codes(request.user)
            messages.warning(
                request,
                ngettext(
                    "You used a recovery code; %(count)d is left. Make new ones on your account page.",
                    "You used a recovery code; %(count)d are left. Make new ones on your account page.",
                    left,
                )
                % {"count": left},
            )
        return redirect(next_url(request))
    return TemplateResponse(request, "two_factor/verify.html", {"form": form, "next": next_url(request)})


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if devices.is_enabled(user):
        return redirect("two_factor:manage")
    device = devices.pending_authenticator(user)
    form = ConfirmAuthenticatorForm(user, device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = devices.confirm(device)
        passed_second_step(request, device)
        # Shown in this response only: never stored anywhere else in readable form.
        return TemplateResponse(request, "two_factor/recovery_codes.html", {"codes": codes, "first_time": True})
    return TemplateResponse(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "qr_code": mark_safe(devices.qr_code_svg(device)),  # segno's SVG of our own device URL
            "secret": devices.secret_text(device),
            "required": devices.is_required(user),
        },
    )


@never_cache
@sensitive_post_parameters("code")
def manage(request):
    """Turn it off, or replace the recovery codes: both ask for a current code."""
    user = request.user
    if not devices.is_enabled(user):
        return redirect("two_factor:setup")
    form = CodeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "recovery-codes":
            codes = devices.new_recovery_codes(user)
            return TemplateResponse(request, "two_factor/recovery_codes.html", {"codes": codes, "first_time": False})
        devices.turn_off(user)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        messages.success(request, _("Two-factor login is off."))
        return redirect("wagtailadmin_account")
    return TemplateResponse(
        request,
        "two_factor/manage.html",
        {"form": form, "recovery_codes_left": devices.remaining_recovery_codes(user), "required": devices.is_required(user)},
    )
