"""
How root fields find one item: by id or slug (or path, for any page), in the reader's
locale or its fallback, through ``public_content.Reading``; ``None`` when it is not public.
"""

from strawberry_django.optimizer import optimize
from wagtail.models import Page

from graphql_api.context import Info


#: The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(value):
    """Ids are database ids; anything else (text, an id beyond 64 bits) finds nothing, like a missing item."""
    if value is None:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return -1
    return number if 0 < number <= MAX_ID else -1


def find(model, info: Info, locale: str | None, *, id=None, slug=None, url_path=None):
    """One public item of ``model`` in the best locale of ``locale``'s chain, or ``None``."""
    reading = info.context.reading
    chain = reading.chain(locale)
    candidates = reading.candidates(model, chain, id=parse_id(id), slug=slug, url_path=url_path)
    if model is Page:
        # Any page type: the specific page is loaded on its own (one query more).
        return reading.first(candidates, chain, specific=True)
    return reading.first(optimize(candidates, info), chain)
