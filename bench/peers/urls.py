"""
BENCH ONLY: our URLs plus ``/api/v2/`` (Wagtail REST API v2, pages endpoint),
``/grapple/graphql/`` (wagtail-grapple, when installed) and ``/bench/floor/`` (the floor:
the bytes of ``PEERS_FLOOR_FILE`` from memory, no database, no cache).
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import handler500, urlpatterns as cms_urlpatterns  # noqa: F401

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

_floor = b""
if settings.PEERS_FLOOR_FILE:
    with open(settings.PEERS_FLOOR_FILE, "rb") as handle:
        _floor = handle.read()


def floor(request):
    return HttpResponse(_floor, content_type="application/json")


urlpatterns = [
    path("bench/floor/", floor),
    path("api/v2/", api_router.urls),
]
if settings.HAS_GRAPPLE:
    urlpatterns.append(path("grapple/", include("grapple.urls")))
# Last: cms.urls ends with Wagtail's catch-all page serving.
urlpatterns += cms_urlpatterns
