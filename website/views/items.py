"""The page of one guide, service, partner or event: one pattern for the four."""

from django.http import Http404
from django.urls import reverse

from website import api
from website.rendering import absolute, render_page
from website.structured_data import json_ld


def item_page(request, kind, slug, *, structured_data=None):
    """
    Document ``website/queries/<kind>.graphql`` answers ``{kind: …}`` (404 when the API has
    no such public item); template ``website/<kind>.html`` gets it as ``kind``, and
    ``structured_data(item, url=…, request=…)`` (``website.structured_data``) makes its
    schema.org data when given.
    """
    item = api.run(request, kind, locale=request.language.code, slug=slug)[kind]
    if item is None:
        raise Http404(f"No such {kind}.")
    context = {kind: item}
    if structured_data is not None:
        url = absolute(request, reverse(f"website:{kind}", kwargs={"lang": request.language.code, "slug": slug}))
        context["json_ld"] = json_ld(structured_data(item, url=url, request=request))
    return render_page(
        request, f"website/{kind}.html", context,
        url_name=f"website:{kind}", url_kwargs={"slug": slug}, available=item["availableLocales"],
    )
