"""
Which offers answer a request, and which requests an offer answers.

A match is a listing of the **opposite direction** and the **same kind** (a housing
request meets housing offers, never job offers). Candidates are ranked by what the two
share, in this order: topics, district, languages spoken; among equals the newest
first. Nothing is required beyond direction and kind: a reader looking for a flat still
wants the flat in the next district.

Readers (the API's ``Listing.matches``) see only public candidates. Moderators deciding
on a pending listing see public candidates **and** the pending ones they may moderate
(``pending_within=permissions.moderatable(user)``): two people who wrote in the same week
are the best match there is, and the candidate's ``status`` tells the admin to mark it as
not yet public. A partner's editor is never shown another partner's unmoderated text.
Nothing unconfirmed, rejected or ended is ever suggested.

A whole batch (a page of a list) is matched with one query for the candidates (and one
per prefetched relation), then ranked in Python: the number of queries never grows with
the page. Candidates are bounded (``MAX_CANDIDATES``, the newest) so one kind with
thousands of listings cannot make a page slow.
"""

from django.db.models import Q
from django.utils import timezone

from offers.choices import Direction, Status
from offers.models import Listing
from offers.reading import best_listings, newest_first
from public_content import dependencies
from public_content.batches import adopt
from public_content.locales import Chain, source_chain

#: Candidates of one batch considered at most (the newest).
MAX_CANDIDATES = 500
#: Matches a reader may ask for per listing at most.
MAX_MATCHES = 20

OPPOSITE = {Direction.OFFER: Direction.REQUEST, Direction.REQUEST: Direction.OFFER}
#: What ranking and the candidates' own fields read, loaded with them.
PREFETCH = ("topics", "languages")


def matches(listing, limit=5, *, chain: Chain | None = None, pending_within=None) -> list[Listing]:
    """The best ``limit`` matches of one listing (see the module's docstring), in ``chain`` (default German)."""
    return batch_matches([listing], limit, chain=chain, pending_within=pending_within)[listing.pk]


def batch_matches(listings, limit=5, *, chain: Chain | None = None, pending_within=None) -> dict:
    """
    ``{listing pk: [matches]}`` for every listing of ``listings`` (whose ``topics`` and
    ``languages`` should be prefetched), with one query for all candidates. The
    candidates are adopted as one batch in ``chain``: their own fields load once for all.
    ``pending_within`` (listings a moderator may see) adds the pending ones among them.
    """
    chain = chain or source_chain()
    listings = list(listings)
    dependencies.read_list(Listing)
    wanted = {(OPPOSITE[item.direction], item.kind) for item in listings}
    if not wanted:
        return {}
    pool = _pool(pending_within)
    pairs = Q()
    for direction, kind in wanted:
        pairs |= Q(direction=direction, kind=kind)
    own_keys = {item.translation_key for item in listings}
    candidates = list(
        newest_first(best_listings(pool.filter(pairs).exclude(translation_key__in=own_keys), chain))
        .select_related("locale", "partner")
        .prefetch_related(*PREFETCH)[:MAX_CANDIDATES]
    )
    adopt(candidates, chain)
    return {item.pk: _ranked(item, candidates, limit) for item in listings}


def _pool(pending_within):
    public = Listing.objects.public()
    if pending_within is None:
        return public
    pending = Listing.objects.filter(
        status=Status.PENDING, translation_key__in=pending_within.values("translation_key")
    ).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )
    return Listing.objects.filter(Q(pk__in=public.values("pk")) | Q(pk__in=pending.values("pk")))


def _ranked(listing, candidates, limit):
    topics = {topic.translation_key for topic in listing.topics.all()}
    languages = {language.pk for language in listing.languages.all()}

    def score(candidate):
        return (
            len(topics & {topic.translation_key for topic in candidate.topics.all()}),
            bool(listing.district) and candidate.district == listing.district,
            len(languages & {language.pk for language in candidate.languages.all()}),
            candidate.approved_at or candidate.submitted_at,
            candidate.pk,
        )

    fitting = [
        candidate
        for candidate in candidates
        if candidate.direction == OPPOSITE[listing.direction] and candidate.kind == listing.kind
    ]
    return sorted(fitting, key=score, reverse=True)[:limit]
