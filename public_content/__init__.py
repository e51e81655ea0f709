"""
The content rules every reader-facing part of the platform shares.

What is public (live, not expired, not view-restricted, every ancestor live, inside the
site's tree) and which translation a reader gets (the first locale of the reader's
fallback chain in which an item is public) are decided here, once, for the GraphQL API,
the calendar feeds, the kiosk, the widget and the website. Consumers call this package;
it never imports any of them.

- ``visibility``: the public-page rule, as a queryset filter and for one page in memory;
- ``locales``: fallback chains and "best translation per item" in SQL;
- ``paging``: a page of such a list found locale by locale, not by ranking the whole list;
- ``batches``: which chain a loaded item was asked in, and the items loaded beside it;
- ``relations``: related objects (topics, places, providers …) mapped to the reader's
  locale for a whole batch at once;
- ``reading``: one ``Reading`` per request, the entry point that ties them together;
- ``filters``, ``search``, ``events``: the shared ways of narrowing, finding and
  expanding public content.
"""

from public_content.errors import InvalidRequest
from public_content.reading import Reading

__all__ = ["InvalidRequest", "Reading"]
