"""The start page of each language, and the address without a language."""

from datetime import timedelta

from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language, preferred
from website.rendering import minute, render_page
from website.views.listings import labelled


@require_safe
def choose_language(request):
    """``/``: the reader's browser language when we have it, else German."""
    response = redirect("website:home", lang=preferred(request))
    response["Vary"] = "Accept-Language"
    return response


@require_safe
@in_language
def home(request):
    now = timezone.now()
    data = api.run(
        request, "home", locale=request.language.code, now=minute(now), weekEnd=minute(now + timedelta(days=7))
    )
    return render_page(
        request,
        "website/home.html",
        {
            # The home page's own text: what the editors announce (opening times at holidays …).
            "home_page": data["page"],
            "topics": data["topics"],
            "guides": [edge["node"] for edge in data["guides"]["edges"]],
            "events": [edge["node"] for edge in data["events"]["edges"]],
            "open_services": [edge["node"] for edge in data["services"]["edges"]],
            "offers": [labelled(edge["node"]) for edge in data["offers"]["edges"]],
            "requests": [labelled(edge["node"]) for edge in data["requests"]["edges"]],
        },
        url_name="website:home",
    )
