"""
The guide body (``pages/blocks.py``) as a union of typed blocks, one GraphQL type per
block, so front ends get data, not markup, and learn each block once.

Call-outs point at services and partners; a call-out whose target is not public in any
locale of the reader's chain is dropped, never shown (a draft service must not leak
through a published guide).
"""

from collections import defaultdict
from typing import Annotated

import strawberry
from django.db.models import prefetch_related_objects

from graphql_api.context import Info
from graphql_api.media.types import ImageType
from graphql_api.pages.interface import PageInterface
from pages.models import GuidePage
from public_content.batches import chain_of
from public_content.richtext import stored_texts


@strawberry.type(name="ParagraphBlock")
class ParagraphBlock:
    id: str
    html: str


@strawberry.type(name="HeadingBlock")
class HeadingBlock:
    id: str
    text: str
    level: int = strawberry.field(description="2 for a section, 3 for a subsection.")


@strawberry.type(name="Step")
class Step:
    title: str
    html: str


@strawberry.type(name="StepsBlock")
class StepsBlock:
    id: str
    title: str
    steps: list[Step]


@strawberry.type(name="ChecklistBlock")
class ChecklistBlock:
    id: str
    title: str
    items: list[str]


@strawberry.type(name="Question")
class Question:
    question: str
    answer_html: str


@strawberry.type(name="FaqBlock")
class FaqBlock:
    id: str
    title: str
    questions: list[Question]


@strawberry.type(name="CallOutBlock")
class CallOutBlock:
    id: str
    text: str
    target: PageInterface = strawberry.field(description="A public service or partner, in the reader's locale.")


@strawberry.type(name="DocumentBlock")
class DocumentBlock:
    id: str
    title: str
    url: str
    file_extension: str


@strawberry.type(name="ImageBlock")
class ImageBlock:
    id: str
    image: ImageType
    alt_text: str
    decorative: bool


@strawberry.type(name="ExternalLinkBlock")
class ExternalLinkBlock:
    id: str
    url: str
    title: str
    description: str


@strawberry.type(name="VideoBlock")
class VideoBlock:
    id: str
    url: str
    caption: str


GuideBlock = Annotated[
    ParagraphBlock
    | HeadingBlock
    | StepsBlock
    | ChecklistBlock
    | FaqBlock
    | CallOutBlock
    | DocumentBlock
    | ImageBlock
    | ExternalLinkBlock
    | VideoBlock,
    strawberry.union("GuideBlock"),
]


def _call_out(block, info: Info, chain):
    target = block.value.get("target")
    if target is None:
        return None
    model = target.specific_class
    if model is None:
        return None
    found = info.context.reading.relations.translated(model, {target.translation_key}, chain, pages=True)
    page = found.get(target.translation_key)
    if page is None:
        return None
    return CallOutBlock(id=block.id, text=block.value.get("text") or "", target=page)


def _image(block):
    image = block.value
    if image is None:
        return None
    alt = getattr(image, "contextual_alt_text", None) or image.default_alt_text
    return ImageBlock(id=block.id, image=image, alt_text=alt, decorative=bool(getattr(image, "decorative", False)))


def _document(block, links):
    document = block.value.get("document")
    if document is None or not links.is_public_document(document):
        # A document in a private collection is not shown at all: not its title, not its address.
        return None
    return DocumentBlock(
        id=block.id,
        title=block.value.get("title") or document.title,
        url=document.url,
        file_extension=document.file_extension,
    )


def convert_block(block, info: Info, chain):
    """One stream child to its GraphQL type, or ``None`` when it must not be shown."""
    kind, value = block.block_type, block.value
    links = info.context.reading.links
    to_html = links.html
    if kind == "paragraph":
        return ParagraphBlock(id=block.id, html=to_html(value))
    if kind == "heading":
        return HeadingBlock(id=block.id, text=value["text"], level=3 if value["level"] == "h3" else 2)
    if kind == "steps":
        return StepsBlock(
            id=block.id,
            title=value.get("title") or "",
            steps=[Step(title=step["title"], html=to_html(step["body"])) for step in value["steps"]],
        )
    if kind == "checklist":
        return ChecklistBlock(id=block.id, title=value.get("title") or "", items=list(value["items"]))
    if kind == "faq":
        return FaqBlock(
            id=block.id,
            title=value.get("title") or "",
            questions=[Question(question=q["question"], answer_html=to_html(q["answer"])) for q in value["questions"]],
        )
    if kind == "call_out":
        return _call_out(block, info, chain)
    if kind == "document":
        return _document(block, links)
    if kind == "image":
        return _image(block)
    if kind == "external_link":
        return ExternalLinkBlock(
            id=block.id, url=value["url"], title=value["title"], description=value.get("description") or ""
        )
    if kind == "video":
        return VideoBlock(id=block.id, url=getattr(value.get("video"), "url", "") or "", caption=value.get("caption") or "")
    return None


def document_ids(stream):
    """Ids of the documents of download blocks, from the stored data (choosers are read per batch)."""
    return [
        block["value"]["document"]
        for block in stream.raw_data
        if block["type"] == "document" and isinstance(block["value"], dict) and block["value"].get("document")
    ]


def prepare_links(batch, info: Info):
    """
    Check the link targets and documents of the guide bodies of a batch in one go, once per
    request (the batch may mix types, as search results do: only guides have a body).
    """
    info.context.reading.links.prepare_batch(
        batch,
        "body",
        lambda item: stored_texts(item.body) if isinstance(item, GuidePage) else [],
        lambda item: document_ids(item.body) if isinstance(item, GuidePage) else [],
    )


def body_of(guide, info: Info):
    """
    The guide's body, read with the bodies of its whole batch: one query per chooser (pages,
    images, documents), one per model of call-out targets, one for the images' renditions.
    """

    def prepare(streams):
        targets = defaultdict(set)
        images = []
        for stream in streams:
            for block in stream:
                if block.block_type == "call_out" and block.value.get("target") is not None:
                    target = block.value["target"]
                    if target.specific_class is not None:
                        targets[target.specific_class].add(target.translation_key)
                elif block.block_type == "image" and block.value is not None:
                    images.append(block.value)
        for model, keys in targets.items():
            info.context.reading.relations.translated(model, keys, chain_of(guide), pages=True)
        prefetch_related_objects(images, "renditions")

    return info.context.reading.relations.stream(guide, "body", prepare=prepare)


def convert_stream(stream, info: Info, chain):
    """The blocks of a guide body read in ``chain`` (call-out targets follow the guide's reader)."""
    return [converted for block in stream if (converted := convert_block(block, info, chain)) is not None]
