"""
Server errors as readers and clients should see them.

When the database is unreachable (a restart, a failover), the platform answers
``503 Service Unavailable`` with ``Retry-After``: a coded JSON error for the API and the
feeds (``SERVICE_UNAVAILABLE``, like every other API error), a plain page elsewhere.
Django reconnects on the next request (``CONN_HEALTH_CHECKS``), so it recovers without a
restart. Anything else is a plain 500 page; details only ever go to the server log.
"""

import sys

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from public_content.errors import RETRY_AFTER_SECONDS, database_unavailable

API_PREFIXES = ("/graphql/", "/feeds/")


def unavailable_response(request):
    message = _("The service is briefly unavailable. Please try again in a few seconds.")
    if request.path.startswith(API_PREFIXES):
        response = JsonResponse(
            {"data": None, "errors": [{"message": message, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]},
            status=503,
        )
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """``handler500``: a 503 while the database is away, else a plain 500 page."""
    error = sys.exc_info()[1]
    if error is not None and database_unavailable(error):
        return unavailable_response(request)
    response = HttpResponse(_("Server error. We have been notified."), status=500, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
