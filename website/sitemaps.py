"""
What the sitemaps list: for one language, its home page and topic pages (they exist in
every language) and every guide, service, partner, event and help offer or request that is public *in that
language*, with its translations as ``hreflang`` alternates and ``lastmod`` from its last
publication. A German guide shown to Arabic readers as the fallback is listed in the
German sitemap only, so a search engine sees each text once, at its own address.

Public means what it means for the API and the feeds (``public_content``'s visibility
rule: live, not expired, not restricted, in the site). The API's lists give at most 100
items a page, so a sitemap built from them would run one document per 100 items; the
rule is applied here directly instead, one query per section, whatever the number of
items (tests/website/test_sitemap.py counts them).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from directory.models import PartnerPage, ServicePage
from offers.models import Listing
from pages.models import EventPage, GuidePage
from public_content import Reading
from public_content.links import public_site_url
from taxonomy.models import Topic
from translation import locales

#: Item pages of the website: model and the name of its page's URL.
SECTIONS = [
    (GuidePage, "website:guide"),
    (ServicePage, "website:service"),
    (PartnerPage, "website:partner"),
    (EventPage, "website:event"),
]


#: Stands for the slug in a reversed URL, replaced by each item's slug.
SLUG_MARK = "SLUGMARK"
#: Stands for a listing's id in a reversed URL.
ID_MARK = 987654321


@dataclass
class Entry:
    url: str
    lastmod: datetime | None = None
    #: ``(hreflang, url)`` of every language version, this one included, and ``x-default``.
    alternates: list = field(default_factory=list)


def public_items(reading, model):
    """The public translations of ``model``; of events, the series and single events still to come."""
    public = reading.visibility.public(model.objects.all())
    if model is EventPage:
        public = public.exclude(recurrence_rule="", end__lt=timezone.now())
    return public


def entries(request, code) -> list[Entry]:
    """Everything the sitemap of language ``code`` lists, in a constant number of queries."""
    reading = Reading()
    codes = [info.code for info in locales.all_locales()]
    base = public_site_url(request)
    patterns = {}

    def url(name, language, slug=None):
        # One reverse() per URL name and language, not per item: a sitemap has thousands.
        if (name, language) not in patterns:
            kwargs = {"lang": language} if slug is None else {"lang": language, "slug": SLUG_MARK}
            patterns[name, language] = base + reverse(name, kwargs=kwargs)
        pattern = patterns[name, language]
        return pattern if slug is None else pattern.replace(SLUG_MARK, slug)

    def in_every_language(name, **kwargs):
        alternates = [(each, url(name, each, **kwargs)) for each in codes]
        alternates.append(("x-default", url(name, locales.source_code(), **kwargs)))
        return Entry(url(name, code, **kwargs), alternates=alternates)

    found = [in_every_language("website:home")]
    topics = reading.terms(Topic, reading.chain(code)).order_by("slug").values_list("slug", flat=True)
    found += [in_every_language("website:topic", slug=slug) for slug in topics]
    for model, name in SECTIONS:
        public = public_items(reading, model)
        rows = public.filter(
            translation_key__in=public.filter(locale__language_code=code).values("translation_key")
        ).values_list("translation_key", "locale__language_code", "slug", "last_published_at")
        versions = defaultdict(dict)
        for key, language, slug, published in rows:
            versions[key][language] = (slug, published)
        section = []
        for translations in versions.values():
            alternates = [(language, url(name, language, slug=slug)) for language, (slug, _) in sorted(translations.items())]
            if locales.source_code() in translations:
                alternates.append(("x-default", url(name, locales.source_code(), slug=translations[locales.source_code()][0])))
            slug, published = translations[code]
            section.append(Entry(url(name, code, slug=slug), published, alternates))
        found += sorted(section, key=lambda entry: entry.url)
    found += listing_entries(code, base)
    return found


def listing_entries(code, base) -> list[Entry]:
    """
    Help offers and requests written or translated into ``code``, each at the address of
    its own row (``/<code>/offers/<id>/``), in one query. They end by themselves, so the
    sitemap, made per request, drops them at their end; ``lastmod`` is their approval or
    extension.
    """
    rows = Listing.objects.public().filter(
        translation_key__in=Listing.objects.public().filter(locale__language_code=code).values("translation_key")
    ).values_list("translation_key", "locale__language_code", "pk", "approved_at", "extended_at")
    versions = defaultdict(dict)
    for key, language, pk, approved, extended in rows:
        versions[key][language] = (pk, max(filter(None, (approved, extended)), default=None))

    patterns = {}

    def address(language, pk):
        if language not in patterns:
            patterns[language] = base + reverse("website:listing", kwargs={"lang": language, "listing_id": ID_MARK})
        return patterns[language].replace(str(ID_MARK), str(pk))

    section = []
    for translations in versions.values():
        alternates = [(language, address(language, pk)) for language, (pk, _) in sorted(translations.items())]
        pk, changed = translations[code]
        section.append(Entry(address(code, pk), changed, alternates))
    return sorted(section, key=lambda entry: entry.url)


def latest_changes(request) -> dict:
    """``{language code: last publication of anything public in it}``: two queries (pages, listings)."""
    rows = (
        Reading().visibility.public(Page.objects.all())
        .values("locale__language_code")
        .annotate(latest=Max("last_published_at"))
        .values_list("locale__language_code", "latest")
    )
    latest = dict(rows)
    listings = (
        Listing.objects.public()
        .values("locale__language_code")
        .annotate(approved=Max("approved_at"), extended=Max("extended_at"))
        .values_list("locale__language_code", "approved", "extended")
    )
    for code, *moments in listings:
        latest[code] = max(filter(None, (latest.get(code), *moments)), default=None)
    return latest
