"""The widget script, served at a stable address partners put in their pages."""

from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_GET

WIDGET_FILE = Path(__file__).resolve().parent / "static" / "embed" / "widget.js"


@lru_cache(maxsize=1)
def _widget_source():
    return WIDGET_FILE.read_bytes()


@require_GET
def widget_js(request):
    """
    Served by a view, not from STATIC_URL, so partners' pages keep working when static
    files move (to a CDN, a hashed name); the widget finds the API at the same origin.
    """
    response = HttpResponse(_widget_source(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
