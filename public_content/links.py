"""
Where readers open public content: the public website's address, for links that leave
the platform (kiosk QR codes, the widget's "more" links, calendar feeds).
"""

from django.conf import settings
from wagtail.models import Site


def public_site_url(request=None) -> str:
    """``KIOSK_PUBLIC_SITE_URL`` when set, else the default Wagtail site's root URL, without a trailing slash."""
    configured = getattr(settings, "KIOSK_PUBLIC_SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""
