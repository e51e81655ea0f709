"""
Items remember the locale chain they were asked in and the items loaded beside them.

A document may ask for Arabic guides and German partners side by side, so the chain is
not a property of the request: it belongs to each loaded item. When a root field, a
page of a list or a related-object lookup loads items, it ``adopt``s them as one
``Batch``; their nested fields then read the chain from the item itself and load their
own relations for the whole batch in one query. Nothing about the chain is kept on the
request, so the order in which fields are resolved cannot change an answer.
"""

from dataclasses import dataclass, field
from typing import Any

from public_content import dependencies
from public_content.locales import Chain, source_chain

ATTRIBUTE = "_reading_batch"


@dataclass(eq=False)
class Batch:
    chain: Chain
    items: list[Any] = field(default_factory=list)


def adopt(items, chain: Chain) -> list:
    """Mark ``items`` as loaded together, in ``chain``; returns them as a list."""
    items = [item for item in items if item is not None]
    batch = Batch(chain, items)
    dependencies.read_items(items)
    for item in items:
        setattr(item, ATTRIBUTE, batch)
    return items


def batch_of(item) -> Batch:
    """The batch ``item`` was loaded in; an item nobody adopted is a batch of one in the source chain."""
    if getattr(item, ATTRIBUTE, None) is None:
        adopt([item], source_chain())
    return getattr(item, ATTRIBUTE)


def chain_of(item) -> Chain:
    return batch_of(item).chain
