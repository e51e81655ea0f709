"""
Calendar feeds of public events, per partner and per topic: ``?locale=`` picks the
language, with the API's fallback chain, so a Farsi reader gets Farsi titles where they
exist and German ones otherwise.

Only what the public API shows reaches a feed: the API's own visibility helper decides
(live, not expired, not view-restricted, in the site's tree).
"""

import datetime

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directory.models import PartnerPage
from graphql_api.localization import best_translations
from graphql_api.visibility import Visibility
from pages.models import EventPage
from taxonomy.models import Topic
from translation import locales

from .ical import calendar

#: Single events that ended longer ago than this are left out; series are always kept.
PAST_DAYS = 90
#: Upper bound on events per feed, so a feed stays one cheap query and a small file.
MAX_EVENTS = 500


def chain_for(code):
    """The locale's fallback chain, or ``None`` for a locale we do not publish in."""
    try:
        return locales.fallback_chain(code)
    except KeyError:
        return None


def public_events(queryset, chain):
    visibility = Visibility()
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    queryset = visibility.public(queryset).exclude(recurrence_rule="", end__lt=since)
    return (
        best_translations(queryset, chain)
        .select_related("place", "locale")
        .prefetch_related("cancellations")
        .order_by("start", "pk")[:MAX_EVENTS]
    )


def feed_response(request, name, queryset, filename, chain):
    with translation.override(chain[0]):
        body = calendar(str(name), public_events(queryset, chain), uid_domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _chain_or_400(request):
    chain = chain_for(request.GET.get("locale", "de"))
    if chain is None:
        return None, HttpResponseBadRequest(_("Unknown locale."), content_type="text/plain; charset=utf-8")
    return chain, None


@require_GET
def partner_events(request, slug):
    chain, error = _chain_or_400(request)
    if error:
        return error
    partners = Visibility().public(PartnerPage.objects.filter(slug=slug))
    partner = best_translations(partners, chain).first() or partners.first()
    if partner is None:
        raise Http404
    events = EventPage.objects.filter(organiser__translation_key=partner.translation_key)
    with translation.override(chain[0]):
        name = _("%(partner)s: events") % {"partner": partner.title}
    return feed_response(request, name, events, f"partner-{slug}", chain)


@require_GET
def topic_events(request, slug):
    chain, error = _chain_or_400(request)
    if error:
        return error
    topics = Topic.objects.filter(slug=slug)
    topic = best_translations(topics, chain).first()
    if topic is None:
        raise Http404
    events = EventPage.objects.filter(topics__translation_key=topic.translation_key).distinct()
    with translation.override(chain[0]):
        name = _("%(topic)s: events") % {"topic": topic.name}
    return feed_response(request, name, events, f"topic-{slug}", chain)
