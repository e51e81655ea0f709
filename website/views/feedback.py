"""
"Was this helpful?" and "Report a mistake" under every guide, service, partner and event.

The item page carries two small POST forms that come here; this view runs
the API's own mutations in-process (``website.api.mutate``, documents in
``website/queries/``), so the website accepts exactly what the API accepts. Without
JavaScript a reader gets a thank-you page with a link back (POST-redirect-GET), or, when
the report is refused, the form again with the message and what was typed. With
``website/feedback.js`` the forms post in the background (``Accept: application/json``)
and the answer is a small JSON object, so the reader stays where they were.

The forms carry no CSRF token and the view is exempt: CSRF protects what a visitor's
cookies would authorise, and rating an item uses none (no login, no session; the limits
count the client address, as for any API client). A token would set a cookie on every
guide, service, partner and event page and make them vary by it, for readers who
otherwise get no cookie from the site at all. What CSRF would also have stopped, another
site's page posting here through its visitors' browsers (each with its own address, so
the limits would not hold), is refused by the browser's own word: ``Sec-Fetch-Site``, or
the ``Origin`` of the post.
"""

from urllib.parse import urlencode, urlsplit

from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from website import api
from website.languages import in_language
from website.rendering import render_page
from website.views.my_data import PERSONAL, personal

CHOICES = {"yes", "no", "mistake"}


def back_to(request, value):
    """Where "back" leads: a path on this site (the item page the reader came from), else the home page."""
    if value and value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return reverse("website:home", kwargs={"lang": request.language.code})


def from_another_site(request):
    """Whether a browser says this post comes from another site's page (no cookie needed to tell)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@csrf_exempt
@require_POST
@in_language
@personal
def feedback(request, page_id):
    if from_another_site(request):
        return HttpResponseForbidden()
    choice = request.POST.get("feedback", "")
    back = back_to(request, request.POST.get("back", ""))
    language = request.language.code
    try:
        if choice not in CHOICES:
            raise api.Refused("INVALID_INPUT", gettext("Please choose one of the offered values."), {})
        if choice == "mistake":
            api.mutate(request, "report_mistake", id=str(page_id), text=request.POST.get("text", ""), language=language)
        else:
            api.mutate(request, "rate_item", id=str(page_id), helpful=choice == "yes", language=language)
    except api.Refused as error:
        if wants_json(request):
            return JsonResponse({"ok": False, "code": error.code, "message": error.message, "fields": error.fields}, status=400)
        return render_page(
            request, "website/feedback.html",
            {**PERSONAL, "refused": error, "page_id": page_id, "back": back, "text": request.POST.get("text", ""),
             "mistake": choice == "mistake"},
            url_name="website:home", status=400,
        )
    if wants_json(request):
        return JsonResponse({"ok": True})
    return redirect(reverse("website:feedback_thanks", kwargs={"lang": language}) + "?" + urlencode({"back": back}))


@require_safe
@in_language
def thanks(request):
    back = back_to(request, request.GET.get("back", ""))
    return render_page(request, "website/feedback.html", {**PERSONAL, "thanked": True, "back": back}, url_name="website:feedback_thanks")
