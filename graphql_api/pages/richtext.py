"""
Rich text as public HTML: internal links expanded, links to what the public may not see
dropped with their text kept (``public_content.richtext``), checked for a whole batch.
"""

from graphql_api.context import Info
from public_content.batches import batch_of


def to_html(item, attribute: str, info: Info) -> str:
    """The rich-text ``attribute`` of ``item``; its batch's texts are checked in the same queries."""
    batch = [getattr(each, attribute, None) for each in batch_of(item).items if each is not item]
    return info.context.reading.links.html(getattr(item, attribute), batch=batch)
