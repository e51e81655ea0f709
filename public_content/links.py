"""
Where readers open public content: the public website's address, for links that leave
the platform (kiosk QR codes, the widget's "more" links, calendar feeds), and a page's
address on it.
"""

from django.conf import settings
from wagtail.models import Site


def public_site_url(request=None) -> str:
    """
    ``KIOSK_PUBLIC_SITE_URL`` when set, else the default Wagtail site's root URL, without a
    trailing slash; read once per ``request`` when one is given.
    """
    known = getattr(request, "_public_site_url", None)
    if known is not None:
        return known
    configured = getattr(settings, "KIOSK_PUBLIC_SITE_URL", "")
    if configured:
        url = configured.rstrip("/")
    else:
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            url = site.root_url.rstrip("/")
        else:
            url = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    if request is not None:
        request._public_site_url = url
    return url


def website_url(site_url, page, language) -> str:
    """
    ``page`` on the public website at ``site_url`` (``public_site_url()``, read once per
    answer), in ``language``: ``/<language><urlPath>``, which the website answers with the
    page's own address (``website/views/paths.py``).
    """
    return f"{site_url}/{language}{reader_path(page.url_path)}"


def reader_path(url_path: str) -> str:
    """Wagtail's ``url_path`` without the locale root's slug: ``/home/ratgeber/x/`` → ``/ratgeber/x/``."""
    parts = url_path.strip("/").split("/")
    return "/" + "".join(f"{part}/" for part in parts[1:])
