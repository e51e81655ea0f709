"""
A submitter's own pages, opened through the links in our e-mails: "my data" (see, export,
withdraw an entry, delete everything: GDPR art. 15, 17, 20) and the reminder's one-time
"keep it online" link.

The token in the address is the only key, so these pages are for one person: never
stored by a cache or the service worker (``private, no-store``), never indexed, never
sent on as a referrer. A wrong token is the ordinary "page not found" in the reader's
language, which says nothing about whether an address is known. Changes are POST forms
with CSRF protection: a mail scanner that opens every link changes nothing.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from offers import lifecycle, privacy
from offers.models import Submitter
from website.languages import in_language
from website.rendering import render_page

#: No canonical address or alternates: a personal page is not a page of the site.
PERSONAL = {"canonical": None, "alternates": [], "x_default": None}


def personal(view):
    """Headers of a page for one person only."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        # Links on it never tell another site the token-bearing address; "no-referrer"
        # would go further and make browsers send "Origin: null" with the page's own
        # forms, which Django's CSRF check rightly refuses.
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


def submitter_for(token):
    return get_object_or_404(Submitter, access_token=token)


@require_safe
@in_language
@personal
def my_data(request, token):
    submitter = submitter_for(token)
    return render_page(
        request,
        "website/my_data.html",
        {
            **PERSONAL,
            "data": privacy.what_we_hold(submitter),
            "token": token,
            "retention_days": settings.OFFERS_RETENTION_DAYS,
            "withdrawn": request.GET.get("done") == "withdrawn",
        },
        url_name="website:my_data",
        url_kwargs={"token": token},
    )


@require_safe
@in_language
@personal
def export(request, token):
    """Everything, machine-readable (GDPR art. 20)."""
    response = HttpResponse(privacy.export_json(submitter_for(token)), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data-welcome-centre-leipzig.json"'
    return response


@require_POST
@in_language
@personal
def withdraw(request, token, listing_id):
    submitter = submitter_for(token)
    listing = get_object_or_404(submitter.listings, pk=listing_id)
    privacy.withdraw(listing)
    return redirect(reverse("website:my_data", kwargs={"lang": request.language.code, "token": token}) + "?done=withdrawn")


@require_http_methods(["GET", "HEAD", "POST"])
@in_language
@personal
def delete(request, token):
    """A confirmation step first (GET), then everything is deleted (POST)."""
    submitter = submitter_for(token)
    if request.method == "POST":
        privacy.erase(submitter)
        return render_page(request, "website/my_data_deleted.html", PERSONAL, url_name="website:home")
    return render_page(
        request, "website/my_data_delete.html", {**PERSONAL, "token": token},
        url_name="website:my_data_delete", url_kwargs={"token": token},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@in_language
@personal
def extend(request, token):
    """The reminder's link: shows the entry and a button (GET); the button extends it, once (POST)."""
    listing = lifecycle.listing_for_token(token)
    if listing is None:
        raise Http404("No such entry.")
    context = {**PERSONAL, "listing": listing, "token": token, "days": settings.OFFERS_LIFETIME_DAYS,
               "refusal": lifecycle.refusal(listing), "extended": False}
    if request.method == "POST" and context["refusal"] is None:
        try:
            context["listing"] = lifecycle.extend(token)
            context["extended"] = True
        except lifecycle.ExtendRefused as refused:  # a second click got there first
            context["refusal"] = refused.code
    return render_page(
        request, "website/extend.html", context, url_name="website:offer_extend", url_kwargs={"token": token}
    )
