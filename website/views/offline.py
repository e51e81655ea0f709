"""
Reading without a connection: the service worker, the web app manifest and the page shown
when a page was never visited and the network is away.

The worker (``templates/website/sw.js``) answers the website's pages network first and
keeps each page a reader opened, so it stays readable offline; static files come from its
cache first. It is served from ``/sw.js`` so that its scope covers every language, and it
leaves every other path (admin, API, kiosk) alone.
"""

import json

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from translation import locales
from translation.labels import interface_labels
from website.languages import in_language
from website.rendering import render_page

#: Pages kept for offline reading at most (the oldest go first).
KEPT_PAGES = 60


@require_safe
@cache_control(max_age=0, no_cache=True)
def service_worker(request):
    codes = [info.code for info in locales.all_locales()]
    precache = [static("website/site.css"), static("website/print.css"), static("website/site.js")] + [
        reverse("website:offline", kwargs={"lang": code}) for code in codes
    ]
    context = {
        "version": json.dumps(settings.RELEASE or "dev")[1:-1],
        "precache_json": json.dumps(precache),
        "languages_json": json.dumps(codes),
        "static_prefix_json": json.dumps(settings.STATIC_URL),
        "kept_pages": KEPT_PAGES,
    }
    return render(request, "website/sw.js", context, content_type="text/javascript; charset=utf-8")


@require_safe
@in_language
def manifest(request):
    language = request.language
    name = interface_labels(language.code)["website.siteName"].text
    manifest = {
        "name": name,
        "short_name": name,
        "lang": language.code,
        "dir": language.direction,
        "start_url": reverse("website:home", kwargs={"lang": language.code}),
        "scope": reverse("website:home", kwargs={"lang": language.code}),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#00508c",
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_safe
@in_language
def offline(request):
    return render_page(request, "website/offline.html", {}, url_name="website:offline")
