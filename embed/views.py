"""The widget script, served at a stable address partners put in their pages."""

import json
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from kiosk.views import public_site_url

from .strings import all_strings

WIDGET_FILE = Path(__file__).resolve().parent / "static" / "embed" / "widget.js"


@lru_cache(maxsize=4)
def _widget_source(site_url, language):
    """The script with the public site's address and the interface strings filled in."""
    source = WIDGET_FILE.read_text(encoding="utf-8")
    source = source.replace("__WELCOME_SITE_URL__", json.dumps(site_url))
    return source.replace("__WELCOME_STRINGS__", json.dumps(all_strings(), ensure_ascii=False)).encode("utf-8")


@require_GET
def widget_js(request):
    """
    Served by a view, not from STATIC_URL, so partners' pages keep working when static
    files move (to a CDN, a hashed name); the widget finds the API at the same origin.
    """
    response = HttpResponse(
        _widget_source(public_site_url(request), get_language()), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
