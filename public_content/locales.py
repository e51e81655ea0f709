"""
Which translation of an item a reader gets.

A reader asks for one locale; ``translation.locales`` gives its fallback chain
(``prs → fa → de``). Every item is returned in the first locale of the chain in which it
exists (publicly, for pages), and says which one that is. Lists never hold two
translations of one item.

This is done in SQL, not per item: the candidate rows are those in the chain's locales;
each gets its rank in the chain, and a row is dropped when a better-ranked row with the
same ``translation_key`` exists (an anti-join, ``NOT IN`` the keys of the better
locales). That keeps pagination, counts and ordering in the database (docs/decisions/0002).

That one condition ranks every candidate of the chain before a list can take its first
20; ``public_content.paging`` finds a page of such a list locale by locale instead, and
recognises the condition by its class, ``Preferred``.
"""

from functools import reduce
from operator import or_

from django.db.models import BooleanField, Case, ExpressionWrapper, IntegerField, Q, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from public_content.errors import InvalidRequest, Problem
from translation import locales

Chain = tuple[str, ...]


def chain_for(code: str | None) -> Chain:
    """The requested locale followed by its fallbacks; the source language when none is asked for."""
    code = locales.source_code() if code is None else code
    try:
        return locales.fallback_chain(code)
    except KeyError:
        raise InvalidRequest(
            _("Unknown locale '%(code)s'. The locales field lists the available ones.") % {"code": code},
            Problem.UNKNOWN_LOCALE,
        ) from None


def source_chain() -> Chain:
    return chain_for(None)


def locale_id(code: str, ids=None):
    """
    The id of a locale: the number itself when the caller knows it (``ids``, the
    ``Visibility.locale_ids`` read with the visibility scope), else a scalar subquery,
    ``locale_id = (SELECT id … WHERE language_code = 'de')``. Either way the database knows
    the one value before it plans the scan, and walks the ``(locale_id, title, id)`` index in
    list order instead of joining every row of the locale and sorting them
    (pages/migrations/0005); the number also spares compiling a subquery per locale.
    """
    known = None if ids is None else ids.get(code)
    if known is not None:
        return known
    return Subquery(Locale.objects.filter(language_code=code).values("pk")[:1])


def rank_in_chain(chain: Chain, ids=None):
    """An SQL expression: 0 for the requested locale, 1 for the first fallback …"""
    if len(chain) == 1:
        return Value(0, output_field=IntegerField())
    return Case(
        *[When(locale_id=locale_id(code, ids), then=Value(rank)) for rank, code in enumerate(chain)],
        default=Value(len(chain)),
        output_field=IntegerField(),
    )


def best_translations(queryset, chain: Chain, ids=None):
    """
    Keep, for each ``translation_key`` in ``queryset``, only the row in the best-ranked
    locale of ``chain``. For pages, ``queryset`` must already be public: a draft
    translation must not hide a public fallback.

    A row in the chain's first locale is always kept; a row in a fallback locale is kept
    when its ``translation_key`` is not among the keys of the better locales (one
    uncorrelated ``NOT IN`` per fallback, which the database evaluates once, as a hash,
    instead of probing for a better row once per candidate). With a chain of one locale
    nothing can be better: ``(translation_key, locale)`` is unique. ``ids``: see ``locale_id``.
    """
    candidates = queryset.filter(in_locales(chain, ids)).annotate(locale_rank=rank_in_chain(chain, ids))
    if len(chain) == 1:
        return candidates
    keep = Q(locale_id=locale_id(chain[0], ids))
    for rank in range(1, len(chain)):
        better = queryset.filter(in_locales(chain[:rank], ids)).values("translation_key")
        keep |= Q(locale_id=locale_id(chain[rank], ids)) & ~Q(translation_key__in=better)
    return candidates.filter(Preferred(keep, rows=queryset, chain=chain, ids=ids))


class Preferred(ExpressionWrapper):
    """
    The condition of ``best_translations`` (SQL as written above), with what it was made
    of: the rows that may be better (``rows``), the chain and the known locale ids. So
    ``public_content.paging`` can find it in a list's query and ask the same question one
    locale at a time.
    """

    def __init__(self, condition, *, rows, chain: Chain, ids=None):
        super().__init__(condition, output_field=BooleanField())
        self.rows, self.chain, self.ids = rows, chain, ids


def in_locales(codes, ids=None) -> Q:
    return reduce(or_, (Q(locale_id=locale_id(code, ids)) for code in codes))
