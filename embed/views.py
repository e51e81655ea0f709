"""The widget script, served at a stable address partners put in their pages."""

import json
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from public_content.links import public_site_url
from translation import locales as locale_info
from translation.labels import front_end_strings

WIDGET_FILE = Path(__file__).resolve().parent / "static" / "embed" / "widget.js"

#: How long browsers and CDNs keep the script, and so the longest a label edit takes to show.
MAX_AGE = 3600


@lru_cache(maxsize=1)
def _widget_template():
    return WIDGET_FILE.read_text(encoding="utf-8")


def widget_source(site_url):
    """
    The script with the public site's address and the interface strings of every locale
    filled in. Built per request (one SQL query), so a translator's label edit reaches
    partners' pages as soon as their cached copy expires.
    """
    strings = front_end_strings([info.code for info in locale_info.all_locales()], "widget")
    source = _widget_template().replace("__WELCOME_SITE_URL__", json.dumps(site_url))
    rtl = [info.code for info in locale_info.all_locales() if info.is_rtl]
    source = source.replace("__WELCOME_RTL__", json.dumps(rtl))
    return source.replace("__WELCOME_STRINGS__", json.dumps(strings, ensure_ascii=False)).encode("utf-8")


@require_safe  # GET and HEAD (link checkers and CDNs ask with HEAD)
def widget_js(request):
    """
    Served by a view, not from STATIC_URL, so partners' pages keep working when static
    files move (to a CDN, a hashed name); the widget finds the API at the same origin.
    """
    response = HttpResponse(widget_source(public_site_url(request)), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
