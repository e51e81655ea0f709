"""The service directory, a service's page and a partner's profile."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language
from website.rendering import absolute, render_page
from website.structured_data import json_ld, service_data


def directory_filters(request):
    """The directory's filters from the query string: only what the reader chose, each as the API takes it."""
    chosen = {}
    if request.GET.get("topic"):
        chosen["topic"] = request.GET["topic"][:100]
    if request.GET.get("language"):
        chosen["language"] = request.GET["language"][:20]
    if request.GET.get("open") == "now":
        chosen["openAt"] = timezone.now().isoformat()
    if request.GET.get("after"):
        chosen["after"] = request.GET["after"][:200]
    return chosen


@require_safe
@in_language
def services(request):
    chosen = directory_filters(request)
    data = api.run(request, "services", locale=request.language.code, **chosen)
    listing = data["services"]
    return render_page(
        request,
        "website/services.html",
        {
            "topics": data["topics"],
            "services": [edge["node"] for edge in listing["edges"]],
            "total": listing["totalCount"],
            "next_cursor": listing["pageInfo"]["endCursor"] if listing["pageInfo"]["hasNextPage"] else None,
            "chosen": request.GET,
        },
        url_name="website:services",
    )


@require_safe
@in_language
def service(request, slug):
    item = api.run(request, "service", locale=request.language.code, slug=slug)["service"]
    if item is None:
        raise Http404("No such service.")
    url = absolute(request, reverse("website:service", kwargs={"lang": request.language.code, "slug": slug}))
    return render_page(
        request, "website/service.html", {"service": item, "json_ld": json_ld(service_data(item, url=url, request=request))},
        url_name="website:service", url_kwargs={"slug": slug}, available=item["availableLocales"],
    )


@require_safe
@in_language
def partner(request, slug):
    item = api.run(request, "partner", locale=request.language.code, slug=slug)["partner"]
    if item is None:
        raise Http404("No such partner.")
    return render_page(
        request, "website/partner.html", {"partner": item},
        url_name="website:partner", url_kwargs={"slug": slug}, available=item["availableLocales"],
    )
