"""The service directory, a service's page and a partner's profile."""

import math
from urllib.parse import urlencode

from django.utils import timezone
from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language
from website.rendering import minute, render_page
from website.structured_data import service_data
from website.views.items import item_page

#: The distances a reader may choose around their location, in km; ``NEAR_DEFAULT_KM`` first.
NEAR_CHOICES = (1, 2, 5, 10)
NEAR_DEFAULT_KM = 2
#: Decimals kept of a reader's coordinates: 3 is about 100 m, enough to sort by distance.
NEAR_DECIMALS = 3


class BadLocation(ValueError):
    """``?near=`` or ``?km=`` that is not a point on Earth or not one of the distances offered."""


def near_filter(request):
    """
    ``?near=<lat>,<lon>`` and ``?km=`` as the API's ``near`` input, the point rounded to
    about 100 m; ``None`` when the reader did not ask for it, ``BadLocation`` when the
    values are not a location and one of ``NEAR_CHOICES``.
    """
    text = request.GET.get("near", "").strip()
    if not text:
        return None
    try:
        lat, lon = (float(part) for part in text[:60].split(","))
        km = int(request.GET.get("km") or NEAR_DEFAULT_KM)
    except ValueError:
        raise BadLocation(text) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180) or km not in NEAR_CHOICES:
        raise BadLocation(text)
    return {"lat": round(lat, NEAR_DECIMALS), "lon": round(lon, NEAR_DECIMALS), "km": km}


def directory_filters(request):
    """The directory's filters from the query string: only what the reader chose, each as the API takes it."""
    chosen = {}
    if request.GET.get("topic"):
        chosen["topic"] = request.GET["topic"][:100]
    if request.GET.get("language"):
        chosen["language"] = request.GET["language"][:20]
    if request.GET.get("open") == "now":
        chosen["openAt"] = minute(timezone.now())
    if request.GET.get("after"):
        chosen["after"] = request.GET["after"][:200]
    return chosen


def query_string(request, **changes):
    """The directory's query string with ``changes`` (``None`` drops a parameter); ``after`` is always dropped."""
    kept = {name: request.GET[name] for name in ("topic", "language", "open", "near", "km") if request.GET.get(name)}
    kept.update(changes)
    return urlencode({name: value for name, value in kept.items() if value is not None})


@require_safe
@in_language
def services(request):
    chosen = directory_filters(request)
    page = {"chosen": request.GET, "near_choices": NEAR_CHOICES, "near": None, "refused": False}
    location = {"near": None, "km": None}
    try:
        near = near_filter(request)
    except BadLocation:
        # Said so (400), above the directory without the location.
        near, page["refused"] = None, True
    if near is not None:
        chosen["near"] = near
        location = {"near": f"{near['lat']:.{NEAR_DECIMALS}f},{near['lon']:.{NEAR_DECIMALS}f}", "km": near["km"]}
        page["near"] = {**location, "without": query_string(request, near=None, km=None)}
    variables = {"locale": request.language.code, **chosen}
    if near is None:
        data = api.run(request, "services", **variables)
    else:
        # The reader's location serves this answer only: past the response cache, so that
        # neither the point nor distances measured from it are kept.
        data, _context = api.execute(request, "services", variables)
    listing = data["services"]
    if listing["pageInfo"]["hasNextPage"]:
        page["next_query"] = query_string(request, after=listing["pageInfo"]["endCursor"], **location)
    return render_page(
        request,
        "website/services.html",
        {
            **page,
            "topics": data["topics"],
            "spoken_languages": data["spokenLanguages"],
            "services": [edge["node"] for edge in listing["edges"]],
            "total": listing["totalCount"],
        },
        url_name="website:services",
        status=400 if page["refused"] else 200,
    )


@require_safe
@in_language
def service(request, slug):
    return item_page(request, "service", slug, structured_data=service_data)


@require_safe
@in_language
def partner(request, slug):
    return item_page(request, "partner", slug)


