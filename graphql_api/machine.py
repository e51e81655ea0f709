"""
The ``machineTranslated`` flag of content pages, loaded once per batch of nodes.

``translation.status.is_machine_translated`` answers for many pages in a fixed number of
queries; asking it page by page from each node's resolver would cost that number per
item. So, like ``Localizer``, this loads the flag for the whole batch the node was
resolved with (a page of a connection, the services of a partner …) and caches it for
the rest of the request.
"""

from wagtail.models import Page

from graphql_api.localization import DEFAULT_LOCALE
from translation.status import is_machine_translated

#: What ``is_machine_translated`` reads from a page instance.
NEEDED = {"translation_key", "locale_id"}


def _loaded(item):
    """Only pages whose needed columns are loaded join a batch (no query per deferred field)."""
    return isinstance(item, Page) and not NEEDED & item.get_deferred_fields()


class MachineFlags:
    """Per request: ``{page id: machine-translated and not yet reviewed}``."""

    def __init__(self, context):
        self.context = context
        self._flags = {}

    def of(self, page) -> bool:
        if self.context.chain == (DEFAULT_LOCALE,) and not self.context.served_preview:
            # A German reader only ever gets source pages (a preview may show any locale).
            return False
        if page.pk not in self._flags:
            batch = {item.pk: item for item in self.context.batch_of(page) if _loaded(item)}
            batch[page.pk] = page
            pending = [item for pk, item in batch.items() if pk not in self._flags]
            self._flags.update(is_machine_translated(pending))
        return self._flags.get(page.pk, False)
