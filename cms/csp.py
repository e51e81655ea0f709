"""
The Content-Security-Policy of settings.CONTENT_SECURITY_POLICY for the public parts
(kiosk, GraphiQL, feeds, the future website: our own origin only), and additions for the
Wagtail admin, which still needs inline scripts and ``eval`` in some choosers
(wagtail/wagtail#7053).
"""

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

#: What the admin needs beyond the public policy.
ADMIN = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    # The preview panel shows the page in a frame of the admin's own origin.
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith(ADMIN_PREFIXES) and parts.replace is None:
            parts.replace = ADMIN
        return parts
