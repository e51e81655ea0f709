"""
Calendar feeds of public events, per partner and per topic: ``?locale=`` picks the
language, with the fallback chain every consumer uses, so a Farsi reader gets Farsi
titles where they exist and German ones otherwise.

Only what is public reaches a feed: ``public_content.Reading`` decides, as for the API.
"""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from directory.models import PartnerPage
from pages.models import EventPage
from public_content import InvalidRequest, Reading, events
from taxonomy.models import Topic

from .ical import calendar


def feed_response(request, name, events_queryset, filename, chain):
    with translation.override(chain[0]):
        body = calendar(
            str(name), events.for_feed(events_queryset), uid_domain=request.get_host().split(":")[0], language=chain[0]
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _reader(request):
    """The request's ``Reading`` and chain, or a 400 response for a locale we do not publish in."""
    reading = Reading()
    try:
        return reading, reading.chain(request.GET.get("locale") or None), None
    except InvalidRequest:
        return None, None, HttpResponseBadRequest(_("Unknown locale."), content_type="text/plain; charset=utf-8")


@require_safe
def partner_events(request, slug):
    reading, chain, error = _reader(request)
    if error:
        return error
    partner = reading.first(reading.candidates(PartnerPage, chain, slug=slug), chain)
    if partner is None:
        raise Http404
    organised = reading.pages(EventPage, chain).filter(organiser__translation_key=partner.translation_key)
    with translation.override(chain[0]):
        name = _("%(partner)s: events") % {"partner": partner.title}
    return feed_response(request, name, organised, f"partner-{slug}", chain)


@require_safe
def topic_events(request, slug):
    reading, chain, error = _reader(request)
    if error:
        return error
    topic = reading.terms(Topic, chain).filter(slug=slug).first()
    if topic is None:
        raise Http404
    tagged = reading.pages(EventPage, chain).filter(
        pk__in=EventPage.objects.filter(topics__translation_key=topic.translation_key).values("pk")
    )
    with translation.override(chain[0]):
        name = _("%(topic)s: events") % {"topic": topic.name}
    return feed_response(request, name, tagged, f"topic-{slug}", chain)
