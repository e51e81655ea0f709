"""The kiosk page shell, its heartbeat, and QR codes for the items it shows."""

import io
import json
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST, require_safe
from wagtail.models import Site

from public_content.links import public_site_url
from translation import locales as locale_info
from translation.labels import front_end_strings

from .models import KioskScreen

#: The kiosk's own static files: the modules and the stylesheet are the shell its service worker keeps.
STATIC_DIR = Path(__file__).resolve().parent / "static" / "kiosk"
SERVICE_WORKER_FILE = STATIC_DIR / "sw.js"

#: QR codes are made only for URLs this long or shorter (a kiosk item's link is short).
MAX_QR_URL_LENGTH = 500

#: The header a display sends its secret in (kiosk/static/kiosk/main.js).
SECRET_HEADER = "X-Kiosk-Secret"
#: A heartbeat body is ``{"status": "…"}`` (200 characters are kept): anything longer is refused.
MAX_HEARTBEAT_BYTES = 4096
#: A display sends one heartbeat a minute and one each time the page loads.
HEARTBEATS_PER_MINUTE = 6
RATE_WINDOW_SECONDS = 60


def announcement_data(screen):
    if not screen.announcement:
        return None
    return {
        "text": screen.announcement,
        "start": screen.announcement_start.isoformat() if screen.announcement_start else None,
        "end": screen.announcement_end.isoformat() if screen.announcement_end else None,
    }


def screen_config(request, screen):
    locales = screen.offered_locales()
    return {
        "slug": screen.slug,
        "name": screen.name,
        "graphqlUrl": reverse("graphql"),
        "heartbeatUrl": reverse("kiosk:heartbeat", args=[screen.slug]),
        "serviceWorkerUrl": reverse("kiosk:service_worker", args=[screen.slug]),
        "scope": reverse("kiosk:screen", args=[screen.slug]),
        "qrUrl": reverse("kiosk:qr"),
        "siteUrl": public_site_url(request),
        "place": {
            "name": screen.place.name,
            "lat": float(screen.place.latitude),
            "lon": float(screen.place.longitude),
            "km": float(screen.nearby_km),
        },
        "locales": [{"code": e["code"], "name": e["name"], "direction": e["direction"]} for e in locales],
        # The direction of every content locale, not only the offered ones: an item shown in
        # a fallback (German in an Arabic screen) is laid out in its own direction.
        "directions": {info.code: info.direction for info in locale_info.all_locales()},
        "defaultLocale": screen.default_locale,
        "topics": [topic.slug for topic in screen.featured_topics.all()],
        "guideIds": [str(guide.pk) for guide in screen.featured_guides.all()],
        "announcement": announcement_data(screen),
        "idleTimeoutSeconds": screen.idle_timeout_seconds,
        "heartbeatSeconds": 60,
        "refreshSeconds": 300,
        # Every offered language at once: switching needs no request and works offline.
        "strings": front_end_strings([entry["code"] for entry in locales], "kiosk"),
        "mistakeText": mistake_text(screen),
    }


def mistake_text(screen):
    """
    What the "Something here is wrong" button reports (a kiosk has no keyboard): written
    for the editorial team who read it, in the site's language, naming the screen.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Reported at the kiosk screen '%(screen)s': something on this page is wrong (no details).") % {
            "screen": screen.name
        }


@require_GET
def screen(request, slug):
    kiosk = get_object_or_404(KioskScreen.objects.select_related("place"), slug=slug)
    config = screen_config(request, kiosk)
    default = next((e for e in config["locales"] if e["code"] == kiosk.default_locale), config["locales"][0])
    return render(request, "kiosk/screen.html", {"screen": kiosk, "config": config, "default": default})


@lru_cache(maxsize=1)
def _service_worker_template():
    return SERVICE_WORKER_FILE.read_text(encoding="utf-8")


def shell_files():
    """The modules and the stylesheet of the kiosk (not the worker itself), by their static names."""
    return sorted(
        f"kiosk/{path.name}" for path in STATIC_DIR.iterdir() if path.suffix in {".js", ".css"} and path != SERVICE_WORKER_FILE
    )


@require_safe
def service_worker(request, slug):
    """
    The screen's service worker (kiosk/static/kiosk/sw.js), at /kiosk/<slug>/sw.js so that
    its scope is the screen's path without a ``Service-Worker-Allowed`` header. Filled in
    here: the shell's addresses as ``{% static %}`` makes them (hashed names in production,
    the names the hashed modules import) and a cache per screen and release, so a new
    release replaces the shell. Browsers look for a new worker on every load (no-cache).
    """
    screen = get_object_or_404(KioskScreen, slug=slug)
    page = reverse("kiosk:screen", args=[screen.slug])
    prefix = f"welcome-kiosk:{screen.slug}:"
    values = {
        "__KIOSK_CACHE__": prefix + (settings.RELEASE or "dev"),
        "__KIOSK_CACHE_PREFIX__": prefix,
        "__KIOSK_PAGE__": page,
        "__KIOSK_SHELL__": [page, *(static(name) for name in shell_files())],
        "__KIOSK_KEPT__": [settings.STATIC_URL, settings.MEDIA_URL, reverse("kiosk:qr")],
    }
    source = _service_worker_template()
    for placeholder, value in values.items():
        source = source.replace(placeholder, json.dumps(value))
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def heartbeat_error(code, message, status):
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def count_heartbeat(screen_pk, limit, now=None):
    """
    One heartbeat of a screen in a fixed one-minute window of the shared cache; returns
    ``(allowed, seconds_until_the_window_resets)``. The same counter as embed/ratelimit.py
    (a consumer app does not import another, docs/architecture.md): the cache's
    ``count_in_window`` (cms/cache.py), one atomic round trip in Redis.
    """
    now = time.time() if now is None else now
    window = int(now // RATE_WINDOW_SECONDS)
    count = cache.count_in_window(f"kiosk:heartbeat:{screen_pk}:{window}", RATE_WINDOW_SECONDS + 5)
    retry_after = max(1, int((window + 1) * RATE_WINDOW_SECONDS - now + 0.999))
    return count <= limit, retry_after


def declared_length(request):
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


@csrf_exempt
@never_cache
@require_POST
def heartbeat(request, slug):
    """
    A screen says it is alive (and how its content is doing); the answer carries the
    current announcement, so a closure notice reaches every screen within a minute.

    Only the screen itself may: the request must carry its secret in ``X-Kiosk-Secret``
    (403 without, with a wrong one, or for a screen that has no secret yet), a body of at
    most ``MAX_HEARTBEAT_BYTES`` (413), and at most ``HEARTBEATS_PER_MINUTE`` a minute
    (429 with ``Retry-After``). Only heartbeats with the right secret are counted, so
    nobody can use up a screen's allowance and make it look offline.
    """
    if declared_length(request) > MAX_HEARTBEAT_BYTES:
        return heartbeat_error("BODY_TOO_LARGE", "A heartbeat body is at most %d bytes." % MAX_HEARTBEAT_BYTES, 413)
    body = request.read(MAX_HEARTBEAT_BYTES + 1)
    if len(body) > MAX_HEARTBEAT_BYTES:
        return heartbeat_error("BODY_TOO_LARGE", "A heartbeat body is at most %d bytes." % MAX_HEARTBEAT_BYTES, 413)

    kiosk = get_object_or_404(KioskScreen, slug=slug)
    if not kiosk.has_secret:
        return heartbeat_error(
            "NO_SECRET", "This screen has no secret yet: make one in the admin and open the address shown.", 403
        )
    sent = request.headers.get(SECRET_HEADER)
    if not sent:
        return heartbeat_error("SECRET_MISSING", f"A heartbeat needs the screen's secret in {SECRET_HEADER}.", 403)
    if not kiosk.secret_matches(sent):
        return heartbeat_error("SECRET_INVALID", "This is not the screen's secret.", 403)

    allowed, retry_after = count_heartbeat(kiosk.pk, HEARTBEATS_PER_MINUTE)
    if not allowed:
        response = heartbeat_error(
            "RATE_LIMITED", f"Too many heartbeats. Try again in {retry_after} seconds.", 429
        )
        response["Retry-After"] = str(retry_after)
        return response

    try:
        payload = json.loads(body or b"{}")
    except ValueError:
        payload = {}
    status = str(payload.get("status", "") if isinstance(payload, dict) else "")[:200]
    KioskScreen.objects.filter(pk=kiosk.pk).update(last_seen=timezone.now(), last_status=status)
    return JsonResponse({"announcement": announcement_data(kiosk)})


def allowed_qr_hosts(request):
    hosts = {request.get_host().split(":")[0]}
    hosts.update(Site.objects.values_list("hostname", flat=True))
    for url in (getattr(settings, "KIOSK_PUBLIC_SITE_URL", ""), settings.WAGTAILADMIN_BASE_URL):
        if url:
            hosts.add(urlsplit(url).hostname)
    return {host for host in hosts if host}


@require_GET
@cache_control(public=True, max_age=86400)
def qr_code(request):
    """
    A QR code as SVG, made on the server with segno: no JavaScript library to vendor into
    the kiosk, the SVG is small and cacheable, and it renders crisply at any size. Only
    links to our own sites are encoded, so this is no open QR service for anyone's URLs.
    """
    url = request.GET.get("url", "")
    parts = urlsplit(url)
    if (
        len(url) > MAX_QR_URL_LENGTH
        or parts.scheme not in {"http", "https"}
        or parts.hostname not in allowed_qr_hosts(request)
    ):
        return HttpResponseBadRequest("Only links to this site are encoded.", content_type="text/plain")
    qr = segno.make(url, error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=6, border=2, dark="#000", light="#fff", xmldecl=False, title=url)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
