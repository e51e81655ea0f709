"""
Which addresses the content uses, and where.

Found generically from each live page's own fields, so a new page type or block is
covered without touching this module: URL fields, rich text fields (links and document
links) and StreamFields (rich text, URL and document blocks, at any depth). Wagtail's
reference index knows documents but not external addresses, hence the walk.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db import models, transaction
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models

from freshness.choices import LinkKind
from freshness.models import CheckedLink, LinkUse

#: Schemes worth checking; ``mailto:``, ``tel:`` and anchors are not web addresses.
WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class DocumentRef:
    """A link to a Wagtail document, by id (its address is known only once it is loaded)."""

    id: int


class _Anchors(HTMLParser):
    """Collects the targets of ``<a>`` in rich text's database format."""

    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        attrs = dict(attrs)
        if attrs.get("linktype") == "document" and (attrs.get("id") or "").isdigit():
            self.targets.append(DocumentRef(int(attrs["id"])))
        elif (attrs.get("href") or "").lower().startswith(WEB_SCHEMES):
            self.targets.append(attrs["href"].strip())


def in_rich_text(html):
    parser = _Anchors()
    parser.feed(html or "")
    return parser.targets


def in_block(block, value):
    """The link targets in a block's value, at any depth."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from in_rich_text(value.source)
    elif isinstance(block, blocks.URLBlock):
        if value.lower().startswith(WEB_SCHEMES):
            yield value.strip()
    elif isinstance(block, DocumentChooserBlock):
        yield DocumentRef(value.pk)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from in_block(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from in_block(block.child_block, item)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, Mapping):
        # Not every StructBlock's value is a mapping: Wagtail's ImageBlock gives the image, without links.
        for name, child_block in block.child_blocks.items():
            yield from in_block(child_block, value.get(name))


def link_fields(model):
    """The fields of a page model that can hold links (Wagtail's own page fields hold none)."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, (models.URLField, RichTextField, StreamField)) and field.model is not Page
    ]


def in_page(page, fields):
    """``(target, field name)`` for every link of one page."""
    for field in fields:
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            targets = in_block(field.stream_block, value)
        elif isinstance(field, RichTextField):
            targets = in_rich_text(value)
        else:
            targets = [value.strip()] if value and value.lower().startswith(WEB_SCHEMES) else []
        for target in targets:
            yield target, field.name


def found():
    """
    ``{target: {(page id, field name), …}}`` over every live page: what readers can see,
    and so what must work.
    """
    uses = defaultdict(set)
    for model in get_page_models():
        fields = link_fields(model)
        if not fields or model._meta.abstract:
            continue
        for page in model.objects.live().exact_type(model).iterator(chunk_size=200):
            for target, field_name in in_page(page, fields):
                uses[target].add((page.pk, field_name))
    return uses


@transaction.atomic
def record(uses):
    """
    Make the stored links and their uses what ``uses`` says: new addresses are added
    (unchecked), unused ones deleted with their history, each use listed once.
    """
    documents = get_document_model().objects.in_bulk(
        [target.id for target in uses if isinstance(target, DocumentRef)]
    )
    by_url = {}
    for target, places in uses.items():
        if isinstance(target, DocumentRef):
            document = documents.get(target.id)
            url = document.url if document else f"/documents/{target.id}/"
            defaults = {"kind": LinkKind.DOCUMENT, "document": document}
        else:
            url, defaults = target[:2000], {"kind": LinkKind.WEB}
        by_url.setdefault(url, (defaults, set()))[1].update(places)

    CheckedLink.objects.exclude(url__in=by_url).delete()
    existing = {link.url: link for link in CheckedLink.objects.all()}
    for url, (defaults, _places) in by_url.items():
        if url not in existing:
            existing[url] = CheckedLink.objects.create(url=url, **defaults)
    LinkUse.objects.all().delete()
    LinkUse.objects.bulk_create(
        LinkUse(link=existing[url], page_id=page_id, field=field)
        for url, (_defaults, places) in by_url.items()
        for page_id, field in places
    )
    return list(existing.values())
