"""
A page of a list read through a fallback chain, found without ranking the whole list.

``best_translations`` keeps one translation per item with one condition over every
candidate of the chain. The database cannot walk the ``(locale_id, title, id)`` index of
several locales in one order, so for an Arabic reader (``ar → de``) it reads and sorts
every candidate before it hands out the first 20: the page costs time in proportion to
the catalogue (docs/decisions/0002).

``by_locale`` asks for the same page the other way round, in two queries:

1. the ids of the page: one branch per locale of the chain, each walking that locale in
   list order and stopping after ``stop`` rows; a fallback branch skips an item that a
   better locale has (``NOT EXISTS``, one probe of the unique ``(translation_key,
   locale_id)`` per row walked). The branches are merged, ``UNION ALL … ORDER BY …
   LIMIT … OFFSET``, in the list's own order (SQL of ours around the list's own, compiled
   by Django: the ORM cannot order and limit the branches of a union on every database);
2. the rows of those ids, with everything the list's queryset asks for (the optimizer's
   joins, columns and prefetches), in the list's order.

Same items, same order, same offsets as the queryset itself: the cursors of the API do not
change with the plan. It needs an order of field or annotation names ending with ``pk`` (the
tie-breaker every list has, so the order is total); anything it does not cover (a chain of
one locale, an ordering by expression, an open-ended slice, a database other than
PostgreSQL) goes to the queryset unchanged.
"""

import sys
from collections.abc import Sequence

from django.db import connections
from django.db.models import F, QuerySet
from django.db.models.lookups import Exact

from public_content.locales import Preferred


def by_locale(nodes):
    """``nodes`` as a sequence whose slices are found locale by locale, when the plan applies."""
    if not isinstance(nodes, QuerySet):
        return nodes
    query = nodes.query
    found = _preferred(query.where)
    if (
        found is None
        or not all(code in (found.lhs.ids or {}) for code in found.lhs.chain)
        or connections[nodes.db].vendor != "postgresql"
        or query.is_sliced
        or query.combinator
        or query.distinct
        or query.extra_order_by
        or not query.order_by
        or not all(isinstance(term, str) and term != "?" for term in query.order_by)
        or query.order_by[-1].lstrip("-") != "pk"
    ):
        return nodes
    return ChainList(nodes, found)


def _preferred(where):
    """The ``Preferred`` condition among the top-level conditions of ``where`` (an AND)."""
    if where.connector != "AND" or where.negated:
        return None
    for child in where.children:
        if isinstance(child, Exact) and isinstance(child.lhs, Preferred) and child.rhs is True:
            return child
    return None


class ChainList(Sequence):
    """
    A list's queryset whose slices ``[start:stop]`` are read by ids found locale by locale
    (the module's docstring). Lazy: a slice reads nothing until it is iterated, so a
    connection that only counts never asks for the page. Its length is the queryset's count.
    """

    def __init__(self, queryset, condition):
        self.queryset = queryset
        rows = queryset.all()
        rows.query.where.children = [child for child in rows.query.where.children if child is not condition]
        #: The list without the chain's condition: each branch, and the page's rows by id, add their own.
        self._rows = rows
        self._preferred = condition.lhs
        self._order = queryset.query.order_by
        self._columns = [f"o{position}" for position in range(len(self._order))]

    def __len__(self):
        return self.queryset.count()

    def __iter__(self):
        return iter(self.queryset)

    def __getitem__(self, index):
        if isinstance(index, slice) and index.step in (None, 1) and index.stop is not None:
            start, stop = index.start or 0, index.stop
            if 0 <= start and stop < sys.maxsize:
                return self._page(start, stop)
        return self.queryset[index]

    def _page(self, start, stop):
        ids = self.ids(start, stop) if stop > start else []
        if ids:
            yield from self._rows.filter(pk__in=ids)

    def ids(self, start, stop):
        """
        The ids of ``queryset[start:stop]``, in its order, in one statement composed of two
        compiled subqueries: the list's own rows (its conditions compiled once, not once per
        locale of the chain) and the rows that may be better (the ``Preferred`` condition's).
        PostgreSQL flattens both into each branch, so every branch still walks its index.
        """
        preferred = self._preferred
        listed, listed_params = self._compiled(self._listed())
        better, better_params = self._compiled(preferred.rows.order_by().values_list("translation_key", "locale_id"))
        columns = ", ".join(self._columns)
        in_order = ", ".join(
            f"{column} {'DESC' if term.startswith('-') else 'ASC'}"
            for column, term in zip(self._columns, self._order, strict=True)
        )
        locale_ids = [preferred.ids[code] for code in preferred.chain]
        branches, params = [], []
        for rank, locale in enumerate(locale_ids):
            branch = f"SELECT {columns} FROM ({listed}) AS listed ({columns}, item_key, item_locale) WHERE item_locale = %s"
            params += [*listed_params, locale]
            if rank:
                branch += (
                    f" AND NOT EXISTS (SELECT 1 FROM ({better}) AS better (item_key, item_locale)"
                    f" WHERE better.item_key = listed.item_key AND better.item_locale IN ({', '.join(['%s'] * rank)}))"
                )
                params += [*better_params, *locale_ids[:rank]]
            branches.append(f"({branch} ORDER BY {in_order} LIMIT %s)")
            params.append(stop)
        with connections[self._rows.db].cursor() as cursor:
            cursor.execute(
                f"{' UNION ALL '.join(branches)} ORDER BY {in_order} LIMIT %s OFFSET %s", [*params, stop - start, start]
            )
            return [row[-1] for row in cursor.fetchall()]

    def _listed(self):
        """The list's rows as the columns of its order (``o0`` …, the id last), key and locale."""
        return (
            self._rows.prefetch_related(None)
            .order_by()
            .annotate(
                **{column: F(term.lstrip("-")) for column, term in zip(self._columns, self._order, strict=True)},
                item_key=F("translation_key"),
                item_locale=F("locale_id"),
            )
            .values_list(*self._columns, "item_key", "item_locale")
        )

    def _compiled(self, queryset):
        return queryset.query.get_compiler(using=self._rows.db).as_sql()
