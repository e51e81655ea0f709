"""
Relay connections with a default and a maximum page size.

Every list of the API is a ``Connection`` (``edges { node cursor }``, ``pageInfo``,
``totalCount``). Without ``first`` a client gets ``DEFAULT_PAGE_SIZE`` items, never the
whole table; ``first`` above ``MAX_PAGE_SIZE`` is refused by ``limits.QueryCostLimiter``
before execution starts, and again here as a second line of defence.

The nodes of one page are read in the chain of the field's ``locale`` argument and form
one batch: their nested fields (topics, places …) load once for the whole page. A list
read through a fallback chain finds its page locale by locale (``public_content.paging``).
"""

from typing import Any

import strawberry
from django.utils.translation import gettext_lazy as _
from strawberry import relay
from strawberry.relay.types import PREFIX
from strawberry.relay.utils import from_base64
from strawberry_django.queryset import get_queryset_config
from strawberry_django.relay import DjangoListConnection

from graphql_api.errors import ApiError, ErrorCode
from public_content import paging
from public_content.batches import adopt

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def check_page_size(first):
    if first is not None and (first < 0 or first > MAX_PAGE_SIZE):
        raise ApiError(
            _("'first' must be between 0 and %(max)d.") % {"max": MAX_PAGE_SIZE},
            ErrorCode.PAGE_SIZE_EXCEEDED,
        )


#: Offsets a cursor may carry; anything beyond is not a cursor this API gave out.
MAX_OFFSET = 2**31 - 1


def check_cursor(name, cursor):
    """A cursor is what ``endCursor``/``cursor`` returned; anything else is the client's mistake."""
    if cursor is None:
        return
    try:
        kind, offset = from_base64(cursor)
        valid = kind == PREFIX and offset.isdigit() and int(offset) <= MAX_OFFSET
    except (ValueError, UnicodeError):
        valid = False
    if not valid:
        raise ApiError(
            _("'%(name)s' is not a cursor of this list; pass an endCursor or cursor it returned.") % {"name": name},
            ErrorCode.BAD_USER_INPUT,
        )


def public(queryset):
    """
    Hand a queryset built by ``public_content.Reading`` to strawberry-django: it is
    already public, so the node type's ``get_queryset`` (the same rule, for querysets
    reached any other way) must not filter it a second time.
    """
    get_queryset_config(queryset).type_get_queryset_did_run = True
    return queryset


@strawberry.type(name="Connection", description="A page of a list, with cursors and the total count.")
class Connection(DjangoListConnection[relay.NodeType]):
    @classmethod
    def resolve_connection(
        cls, nodes, *, info, before=None, after=None, first=None, last=None, locale=None, **kwargs: Any
    ):
        check_page_size(first)
        check_page_size(last)
        check_cursor("after", after)
        check_cursor("before", before)
        if first is None and last is None:
            first = DEFAULT_PAGE_SIZE
        connection = super().resolve_connection(
            paging.by_locale(nodes), info=info, before=before, after=after, first=first, last=last, **kwargs
        )
        adopt((edge.node for edge in connection.edges), info.context.reading.chain(locale))
        return connection
