"""The events calendar, day by day, and an event's page."""

from datetime import date, datetime, time, timedelta

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from translation.labels import interface_labels
from website import api
from website.calendar import event_calendar
from website.languages import in_language
from website.rendering import absolute, render_page
from website.structured_data import event_data
from website.views.items import item_page

#: Days shown on one calendar page.
DAYS = 7
#: How far from today the calendar may be paged (the API's window is bounded too).
REACH = timedelta(days=2 * 366)


def first_day(request) -> date:
    """
    The ``day`` of the query string (``YYYY-MM-DD``), else today in Leipzig: a malformed
    day, or one more than two years away, is today.
    """
    today = timezone.localdate()
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return today
    return day if abs(day - today) <= REACH else today


@require_safe
@in_language
def calendar(request):
    start_day = first_day(request)
    start = timezone.make_aware(datetime.combine(start_day, time.min))
    end = start + timedelta(days=DAYS)
    variables = {"locale": request.language.code, "from": start.isoformat(), "to": end.isoformat()}
    if request.GET.get("topic"):
        variables["topic"] = request.GET["topic"][:100]
    data = api.run(request, "events", **variables)
    days = {start_day + timedelta(days=offset): [] for offset in range(DAYS)}
    for edge in data["events"]["edges"]:
        occurrence = edge["node"]
        day = timezone.localtime(datetime.fromisoformat(occurrence["start"])).date()
        days.setdefault(day, []).append(occurrence)
    return render_page(
        request,
        "website/events.html",
        {
            "topics": data["topics"],
            "days": sorted(days.items()),
            "previous_day": (start_day - timedelta(days=DAYS)).isoformat(),
            "next_day": (start_day + timedelta(days=DAYS)).isoformat(),
            "chosen": request.GET,
        },
        url_name="website:events",
    )


@require_safe
@in_language
def event(request, slug):
    return item_page(request, "event", slug, structured_data=event_data)


def occurrence_start(request):
    """``?start=`` as an aware moment (without an offset: Leipzig time); ``None`` when absent, ``ValueError`` when unreadable."""
    text = request.GET.get("start", "").strip()
    if not text:
        return None
    moment = datetime.fromisoformat(text[:40])
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@require_safe
@in_language
def calendar_file(request, slug):
    """The event as an ``.ics`` download: the series (RRULE, EXDATE), or one date of it with ``?start=``."""
    try:
        start = occurrence_start(request)
    except ValueError:
        message = interface_labels(request.language.code)["website.badDate"].text
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    variables = {"locale": request.language.code, "slug": slug, "single": start is not None}
    if start is not None:
        variables["from"] = start.isoformat()
    item = api.run(request, "event_calendar", **variables)["event"]
    if item is None:
        raise Http404("No such event.")
    occurrence = None
    if start is not None:
        occurrence = next(
            (each for each in item["occurrences"] if datetime.fromisoformat(each["start"]) == start), None
        )
        if occurrence is None:
            raise Http404("The event has no date at that time.")
    url = absolute(request, reverse("website:event", kwargs={"lang": request.language.code, "slug": slug}))
    body = event_calendar(item, url=url, uid_domain=request.get_host().split(":")[0], occurrence=occurrence)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = slug if occurrence is None else f"{slug}-{start.astimezone(timezone.get_current_timezone()):%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response
