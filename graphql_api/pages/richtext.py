"""
Rich text as public HTML: internal links expanded, links to what the public may not see
dropped with their text kept (``public_content.richtext``), checked for a whole batch.
"""

from graphql_api.context import Info
from public_content.batches import batch_of
from public_content.richtext import source_of


def to_html(item, attribute: str, info: Info) -> str:
    """The rich-text ``attribute`` of ``item``; the texts of its whole batch are checked once, together."""
    links = info.context.reading.links
    links.prepare_batch(batch_of(item), attribute, lambda each: [source_of(getattr(each, attribute, None))])
    return links.html(getattr(item, attribute))
