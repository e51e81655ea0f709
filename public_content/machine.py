"""
Whether an item is machine-translated and not yet reviewed, loaded once per batch.

``translation.status.is_machine_translated`` answers for many pages in a fixed number of
queries; asking it item by item would cost that number per item. So this loads the flag
for the whole batch the item was loaded with and keeps it for the rest of the request.
Readers of a page in the source language (German) never see machine output.
"""

from wagtail.models import Page

from public_content.batches import batch_of
from public_content.locales import source_chain
from translation.status import is_machine_translated

#: What ``is_machine_translated`` reads from a page instance.
NEEDED = {"translation_key", "locale_id"}


def _loaded(item):
    """Only pages whose needed columns are loaded join a batch (no query per deferred field)."""
    return isinstance(item, Page) and not NEEDED & item.get_deferred_fields()


class MachineFlags:
    """Per request: ``{page id: machine-translated and not yet reviewed}``."""

    def __init__(self):
        self._flags = {}

    def of(self, page) -> bool:
        batch = batch_of(page)
        if batch.chain == source_chain():
            # A German reader only ever gets source pages.
            return False
        if page.pk not in self._flags:
            pending = {item.pk: item for item in batch.items if _loaded(item) and item.pk not in self._flags}
            pending[page.pk] = page
            self._flags.update(is_machine_translated(list(pending.values())))
        return self._flags.get(page.pk, False)
