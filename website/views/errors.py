"""
The website's "page not found": in the reader's language and the website's layout, for
every path below a language (``/ar/…``), whether no URL matched or a page's content is
missing or hidden. Other paths (admin, API, kiosk) keep Django's page.

It is the project's ``handler404`` (``cms/urls.py``): Django asks only the root URLconf.
"""

from django.utils import translation
from django.views import defaults

from translation import locales
from website.rendering import render_page


def not_found(request, exception=None):
    code = request.path.split("/")[1] if request.path.count("/") > 1 else ""
    try:
        request.language = locales.get(code)
    except KeyError:
        return defaults.page_not_found(request, exception)
    with translation.override(code):
        return render_page(
            request,
            "website/not_found.html",
            # No canonical address or alternates: there is no page to point at.
            {"canonical": None, "alternates": [], "x_default": None},
            url_name="website:home",
            status=404,
        )
