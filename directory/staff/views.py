"""
The partner's "Staff" page in the admin (invite, resend, revoke: for who may publish the
partner page) and the public page where an invited person sets their password.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from directory.models import PartnerPage, StaffInvitation
from directory.staff import invitations, scope
from directory.staff.forms import InviteForm, WelcomeForm


def may_invite(user, partner):
    """The editorial team: who may publish the partner page may give its staff access."""
    return partner.permissions_for_user(user).can_publish()


def _partner_for(request, partner_id):
    partner = get_object_or_404(PartnerPage, pk=partner_id)
    if not may_invite(request.user, partner):
        raise PermissionDenied
    return partner


def staff(request, partner_id):
    partner = _partner_for(request, partner_id)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitations.invite(partner, invited_by=request.user, **form.cleaned_data)
        except invitations.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.user.email})
            return redirect("partner_staff:staff", partner.pk)
    rows = StaffInvitation.objects.filter(team__partner=partner).select_related("user", "invited_by")
    context = {"partner": partner, "form": form, "invitations": rows, "header_title": _("Staff")}
    return TemplateResponse(request, "directory/staff/staff.html", context)


def _invitation_for(request, invitation_id):
    invitation = get_object_or_404(StaffInvitation.objects.select_related("user", "team__partner"), pk=invitation_id)
    if not may_invite(request.user, invitation.team.partner):
        raise PermissionDenied
    return invitation


@require_POST
def resend(request, invitation_id):
    invitation = _invitation_for(request, invitation_id)
    partner = invitation.team.partner
    language = getattr(getattr(invitation.user, "wagtail_userprofile", None), "preferred_language", "") or "de"
    try:
        invitations.invite(partner, invitation.user.email, "", language, invited_by=request.user)
    except invitations.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Invitation sent again to %(email)s.") % {"email": invitation.user.email})
    return redirect("partner_staff:staff", partner.pk)


@require_POST
def revoke(request, invitation_id):
    invitation = _invitation_for(request, invitation_id)
    invitations.revoke(invitation)
    messages.success(request, _("%(email)s can no longer log in.") % {"email": invitation.user.email})
    return redirect("partner_staff:staff", invitation.team.partner.pk)


@never_cache
def welcome(request, token):
    """Public: set a password from the invitation link, be logged in, land on the partner's page."""
    try:
        invitation = invitations.read_token(token)
    except invitations.InvitationError as error:
        context = {"error": str(error), "expired": isinstance(error, invitations.LinkExpired)}
        status = 410 if context["expired"] else 404
        return TemplateResponse(request, "directory/staff/welcome.html", context, status=status)
    form = WelcomeForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = invitations.accept(invitation, form.cleaned_data["new_password1"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome! Your changes are checked by the editorial team before they are published.")
        )
        return redirect(reverse("wagtailadmin_explore", args=[invitation.team.partner_id]))
    context = {"form": form, "invitation": invitation, "partner": invitation.team.partner}
    return TemplateResponse(request, "directory/staff/welcome.html", context)


class PageTypesUsageReport(PageTypesUsageReportView):
    """Wagtail's report, closed to partner staff: it names each type's last edited page, drafts included."""

    def dispatch(self, request, *args, **kwargs):
        if scope.confined(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
