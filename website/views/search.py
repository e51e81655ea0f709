"""Search across guides, services, partners and events."""

from urllib.parse import urlencode

from django.views.decorators.http import require_safe

from website import api
from website.languages import in_language
from website.rendering import render_page

#: The reader's words are checked by the API (length, characters); this only bounds the URL.
MAX_QUERY = 200


@require_safe
@in_language
def search(request):
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    hits, total, refused, next_query = [], None, None, None
    if text:
        page = {"after": request.GET["after"][:200]} if request.GET.get("after") else {}
        try:
            data = api.run(request, "search", locale=request.language.code, query=text, **page)
        except api.ReaderError as error:
            refused = str(error)
        else:
            hits = [edge["node"] for edge in data["search"]["edges"]]
            total = data["search"]["totalCount"]
            if data["search"]["pageInfo"]["hasNextPage"]:
                next_query = urlencode({"q": text, "after": data["search"]["pageInfo"]["endCursor"]})
    return render_page(
        request,
        "website/search.html",
        {"query": text, "hits": hits, "total": total, "refused": refused, "next_query": next_query},
        url_name="website:search",
        status=400 if refused else 200,
    )
