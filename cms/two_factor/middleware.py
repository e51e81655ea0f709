"""
The second step of the admin login, enforced: after django-otp's ``OTPMiddleware`` (which
marks a session verified once a device accepted a code), a signed-in user who still owes
a code, or must first turn two-factor login on, reaches only the verify (or setup) page,
the login and logout views and what those pages load. Every other admin URL redirects
there. Outside the admin such a session counts as anonymous, so a password alone opens
no private document or preview either.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import devices

#: Admin views a user between the two steps may reach.
OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
#: The page that gives the missing step.
STEP_VIEWS = {"verify": "two_factor:verify", "setup": "two_factor:setup"}


def anonymous():
    user = AnonymousUser()
    user.otp_device = None  # as OTPMiddleware marks every user
    user.is_verified = lambda: False
    return user


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody signed in: leave the session unread, so public answers (the API, the
            # feeds) do not vary by cookie and caches keep one copy for everybody.
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        step = devices.missing_step(user)
        if step is None:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            request.user = anonymous()
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in OPEN or view_name == STEP_VIEWS[step]:
            return None
        target = reverse(STEP_VIEWS[step])
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
