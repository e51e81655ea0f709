"""
Which listings a reader sees, and in which translation: the read side every consumer
(the API, and through it the website, the widget and the kiosk) shares.

Visibility is ``Listing.objects.public()`` and nothing else. The translation follows the
pages' rule (``public_content.locales``: the first locale of the reader's chain), with
one addition: a listing is written in its submitter's language, which is often neither
the reader's nor German, and a moderator may not have had it translated into either. A
page always exists in German, a listing need not; so when no translation lies in the
chain, the reader gets the **source** row, the submitter's own text, rather than nothing.
The source row is ``Listing.objects.originals()``: the first row of its translation key,
as translations are copies made from it later (machine pre-translation at approval).

All of it is SQL (an anti-join per fallback locale, as in ``best_translations``), so
lists page, count and order in the database.
"""

from django.db.models import Case, F, IntegerField, Q, Subquery, Value, When
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from offers.choices import Direction, Status
from offers.models import Listing
from public_content import dependencies, filters
from public_content.locales import Chain, in_locales, locale_id
from public_content.search import MAX_LIST_MATCHES, words
from public_content.search_backend import search_in


def rank(chain: Chain):
    """0 for the requested locale, 1 for the first fallback …, ``len(chain)`` for a source row outside the chain."""
    return Case(
        *[When(locale_id=locale_id(code), then=Value(position)) for position, code in enumerate(chain)],
        default=Value(len(chain)),
        output_field=IntegerField(),
    )


def best_listings(queryset, chain: Chain):
    """
    One row per listing of ``queryset`` (already public): the best locale of ``chain``,
    else the listing's source row, annotated with ``locale_rank``.
    """
    keep = Q(locale_id=locale_id(chain[0]))
    for position in range(1, len(chain)):
        better = queryset.filter(in_locales(chain[:position])).values("translation_key")
        keep |= Q(locale_id=locale_id(chain[position])) & ~Q(translation_key__in=better)
    in_chain = queryset.filter(in_locales(chain)).values("translation_key")
    keep |= Q(pk__in=Listing.objects.originals().values("pk")) & ~Q(translation_key__in=in_chain)
    return queryset.filter(keep).annotate(locale_rank=rank(chain))


def newest_first(queryset):
    return queryset.order_by(F("approved_at").desc(nulls_last=True), "-pk")


def listings(direction: Direction, chain: Chain, *, kind=None, topic=None, district=None, language=None, partner=None):
    """
    Public listings of one direction (offers or requests), each once in the reader's best
    translation, newest first; narrowed by kind, topic (slug), district, spoken language
    (code) and the partner they are addressed to (any translation's id).
    """
    dependencies.read_list(Listing)
    queryset = Listing.objects.public().filter(direction=direction)
    if kind:
        queryset = queryset.filter(kind=kind)
    if district:
        queryset = queryset.filter(district=district)
    queryset = filters.tagged(queryset, topic=topic, language=language)
    if partner is not None:
        queryset = filters.of_partner(queryset, "partner", partner)
    return newest_first(best_listings(queryset, chain))


def one(listing_id, chain: Chain):
    """The public listing with id ``listing_id`` (of any of its translations), best translation first."""
    keys = Listing.objects.filter(pk=listing_id).values("translation_key")
    found = best_listings(Listing.objects.public(), chain).filter(translation_key__in=Subquery(keys))
    return found.order_by("locale_rank", "pk")


def matching(queryset, chain: Chain, text):
    """
    Narrow listings to those whose title or description matches ``text`` in any of
    their public translations (the reader's chain first, then the submitters' own
    languages). Visibility stays with ``queryset``: the index only names candidates.
    """
    if text is None or text == "":
        return queryset
    text = words(text)
    dependencies.read_search_index()
    backend = get_search_backend()
    # The index filters only on its filter fields (locale, status, direction); the end date
    # is checked by ``queryset``, which holds the whole rule.
    approved = Listing.objects.filter(status=Status.APPROVED)
    locales = dict(Locale.objects.filter(pk__in=approved.values("locale_id")).values_list("language_code", "pk"))
    keys = set()
    for code in [*[code for code in chain if code in locales], *sorted(set(locales) - set(chain))]:
        candidates = approved.filter(locale_id=locales[code]).only("translation_key")
        keys.update(item.translation_key for item, _score in search_in(backend, code, text, candidates, MAX_LIST_MATCHES))
    return queryset.filter(translation_key__in=keys)


def available_locales(items) -> dict:
    """``{translation_key: [locale codes]}``: where each listing of ``items`` is public, in one query."""
    keys = {item.translation_key for item in items}
    found = {key: [] for key in keys}
    rows = (
        Listing.objects.public()
        .filter(translation_key__in=keys)
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code")
    )
    for key, code in rows:
        found[key].append(code)
    return found
