"""Guides, and the topics that group guides, services and events."""

from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language
from website.rendering import minute, render_page
from website.views.items import item_page


@require_safe
@in_language
def topic(request, slug):
    data = api.run(request, "topic", locale=request.language.code, topic=slug, now=minute(timezone.now()))
    current = next((each for each in data["topics"] if each["slug"] == slug), None)
    if current is None:
        raise Http404("No such topic.")
    return render_page(
        request,
        "website/topic.html",
        {
            "topic": current,
            "guides": [edge["node"] for edge in data["guides"]["edges"]],
            "services": [edge["node"] for edge in data["services"]["edges"]],
            "events": [edge["node"] for edge in data["events"]["edges"]],
        },
        url_name="website:topic",
        url_kwargs={"slug": slug},
    )


@require_safe
@in_language
def guide(request, slug):
    return item_page(request, "guide", slug)


