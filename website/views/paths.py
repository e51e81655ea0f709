"""
Wagtail's page paths on the website: ``/<language><urlPath>``.

Every consumer of the API can link to the website without knowing its URL scheme: the
API answers each page's ``urlPath`` (``/ratgeber/anmeldung/``), and the kiosk's QR
codes, the widget's links and the calendar feeds point at ``/<language><urlPath>``. Here
such an address is looked up through the API (so a hidden page is not found) and
redirected to the page's own website address. The redirect is temporary: it follows
content, and an editor may change a slug or move a page tomorrow.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language

#: The website address of each page type the API answers by path: an item's page, or a section's list.
ROUTES = {
    "Guide": "website:guide",
    "Service": "website:service",
    "Partner": "website:partner",
    "Event": "website:event",
}
SECTIONS = {
    "GuideIndexPage": "website:home",
    "PartnerIndexPage": "website:services",
    "EventIndexPage": "website:events",
    "HomePage": "website:home",
}


@require_safe
@in_language
def by_url_path(request, url_path):
    found = api.run(request, "page_by_path", locale=request.language.code, urlPath=f"/{url_path}")["page"]
    if found is None:
        raise Http404("No such page.")
    if found["kind"] in SECTIONS:
        return redirect(SECTIONS[found["kind"]], lang=request.language.code)
    return redirect(ROUTES[found["kind"]], lang=request.language.code, slug=found["slug"])
