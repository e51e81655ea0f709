"""
Help offers and requests: the two lists (``/<lang>/offers/``, ``/<lang>/requests/``) and
the page of one listing of either direction (``/<lang>/offers/<id>/``).

What is shown is what the API answers (only approved listings before their end, no
contact details). A listing's text is the submitter's plain text, in its own language
(often neither the reader's nor German): the templates escape it and mark its ``lang``
and direction. Answering and reporting are forms of their own (``offer_forms``).
"""

from urllib.parse import urlencode

from django.http import Http404
from django.views.decorators.http import require_safe

from offers.choices import Direction, District, Kind
from website import api
from website.languages import in_language
from website.rendering import render_page

#: The list filters a reader may choose, each bounded before the API checks it.
FILTERS = {"kind": 20, "topic": 100, "district": 20, "language": 20}


def enum_name(value: str) -> str:
    """A choice's value as the API's enum name: ``alt-west`` → ``ALT_WEST``."""
    return value.upper().replace("-", "_")


def choice_value(name: str | None) -> str | None:
    """The API's enum name back to the choice's value."""
    return name.lower().replace("_", "-") if name else None


def labelled(node):
    """A listing of the API with its kind and district named in the reader's language."""
    kind, district = choice_value(node.get("kind")), choice_value(node.get("district"))
    return {
        **node,
        "kind_label": Kind(kind).label if kind in Kind.values else "",
        "district_label": District(district).label if district in District.values else "",
    }


def chosen_filters(request):
    """The filters the reader chose, only known kinds and districts, as the API's variables."""
    chosen = {name: request.GET[name][:limit] for name, limit in FILTERS.items() if request.GET.get(name)}
    variables = dict(chosen)
    if "kind" in chosen:
        variables["kind"] = enum_name(chosen["kind"]) if chosen["kind"] in Kind.values else None
    if "district" in chosen:
        variables["district"] = enum_name(chosen["district"]) if chosen["district"] in District.values else None
    return chosen, {name: value for name, value in variables.items() if value is not None}


def listing_list(request, direction: Direction):
    chosen, variables = chosen_filters(request)
    if request.GET.get("after"):
        variables["after"] = request.GET["after"][:200]
    name = "offers" if direction == Direction.OFFER else "requests"
    data = api.run(request, name, locale=request.language.code, **variables)
    listings = data["listings"]
    next_query = None
    if listings["pageInfo"]["hasNextPage"]:
        next_query = urlencode({**chosen, "after": listings["pageInfo"]["endCursor"]})
    return render_page(
        request,
        "website/listings.html",
        {
            "direction": str(direction),
            "chosen": chosen,
            "kinds": Kind.choices,
            "districts": District.choices,
            "topics": data["topics"],
            "spoken_languages": data["spokenLanguages"],
            "listings": [labelled(edge["node"]) for edge in listings["edges"]],
            "total": listings["totalCount"],
            "next_query": next_query,
        },
        url_name=f"website:{name}",
    )


@require_safe
@in_language
def offers(request):
    return listing_list(request, Direction.OFFER)


@require_safe
@in_language
def requests(request):
    return listing_list(request, Direction.REQUEST)


@require_safe
@in_language
def listing(request, listing_id):
    item = api.run(request, "listing", locale=request.language.code, id=str(listing_id))["listing"]
    if item is None:
        raise Http404("No such listing, or it has ended.")
    item = labelled(item)
    return render_page(
        request,
        "website/listing.html",
        {"listing": item, "matches": [labelled(match) for match in item["matches"]]},
        # Each translation has its own address: the canonical one is the row shown.
        url_name="website:listing",
        url_kwargs={"listing_id": item["id"]},
        available=item["availableLocales"],
    )
