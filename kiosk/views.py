"""The kiosk page shell, its heartbeat, and QR codes for the items it shows."""

import io
import json
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from public_content.links import public_site_url
from translation.labels import front_end_strings

from .models import KioskScreen

#: QR codes are made only for URLs this long or shorter (a kiosk item's link is short).
MAX_QR_URL_LENGTH = 500


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
        "qrUrl": reverse("kiosk:qr"),
        "siteUrl": public_site_url(request),
        "place": {
            "name": screen.place.name,
            "lat": float(screen.place.latitude),
            "lon": float(screen.place.longitude),
            "km": float(screen.nearby_km),
        },
        "locales": [{"code": e["code"], "name": e["name"], "direction": e["direction"]} for e in locales],
        "defaultLocale": screen.default_locale,
        "topics": [topic.slug for topic in screen.featured_topics.all()],
        "guideIds": [str(guide.pk) for guide in screen.featured_guides.all()],
        "announcement": announcement_data(screen),
        "idleTimeoutSeconds": screen.idle_timeout_seconds,
        "heartbeatSeconds": 60,
        "refreshSeconds": 300,
        # Every offered language at once: switching needs no request and works offline.
        "strings": front_end_strings([entry["code"] for entry in locales], "kiosk"),
    }


@require_GET
def screen(request, slug):
    kiosk = get_object_or_404(KioskScreen.objects.select_related("place"), slug=slug)
    config = screen_config(request, kiosk)
    default = next((e for e in config["locales"] if e["code"] == kiosk.default_locale), config["locales"][0])
    return render(request, "kiosk/screen.html", {"screen": kiosk, "config": config, "default": default})


@csrf_exempt
@require_POST
def heartbeat(request, slug):
    """
    A screen says it is alive (and how its content is doing); the answer carries the
    current announcement, so a closure notice reaches every screen within a minute.
    """
    kiosk = get_object_or_404(KioskScreen, slug=slug)
    try:
        payload = json.loads(request.body or b"{}")
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
