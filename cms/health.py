"""``/health/``: a cheap endpoint monitoring can poll; checks the database and the cache."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = "error"
    try:
        cache.set("health", "ok", 5)
        checks["cache"] = "ok" if cache.get("health") == "ok" else "error"
    except Exception:  # noqa: BLE001
        checks["cache"] = "error"
    if checks["cache"] == "ok" and getattr(cache, "degraded", False):
        # Redis is down and this process answers from its own memory (cms/cache.py): it
        # works, so the load balancer keeps it, but someone should look.
        checks["cache"] = "fallback"
    if checks["database"] != "ok" or checks["cache"] == "error":
        status, code = "error", 503
    elif checks["cache"] == "fallback":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


urlpatterns = [path("", health, name="health")]
