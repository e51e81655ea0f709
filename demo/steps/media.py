"""Images and documents drawn on the spot, kept in a "Demo" collection."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from demo.content.media import DOCUMENTS, IMAGES
from demo.content.partners import PARTNERS
from demo.drawing import draw_logo, draw_pdf, draw_tile
from demo.keys import demo_text

COLLECTION_NAME = "Demo-Inhalte"


def _collection():
    existing = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def _ensure_image(context, key, title, description, draw):
    Image = get_image_model()
    title = demo_text(title)
    image = Image.objects.filter(title=title, collection=context.collection).first()
    if image is not None:
        return image, False
    image = Image(
        title=title,
        description=description,
        collection=context.collection,
        file=ImageFile(io.BytesIO(draw()), name=f"demo-{key}.png"),
    )
    image.save()
    return image, True


def create_images(context):
    context.collection = _collection()
    made = 0
    for key, (title, description, colour, label) in IMAGES.items():
        context.images[key], created = _ensure_image(
            context, key, title, description, lambda: draw_tile(label, colour)
        )
        made += created
    for partner in PARTNERS:
        if partner["logo"]:
            initials, colour = partner["logo"]
            key = f"logo-{partner['key']}"
            context.images[key], created = _ensure_image(
                context, key, f"Logo {partner['title']}", f"Logo von {partner['title']}",
                lambda: draw_logo(initials, colour),
            )
            made += created
    return made


def create_documents(context):
    Document = get_document_model()
    made = 0
    for key, (title, filename, lines) in DOCUMENTS.items():
        title = demo_text(title)
        document = Document.objects.filter(title=title, collection=context.collection).first()
        if document is None:
            document = Document(title=title, collection=context.collection)
            document.file.save(filename, ContentFile(draw_pdf(lines)), save=False)
            document.save()
            made += 1
        context.documents[key] = document
    return made
