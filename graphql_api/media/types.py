"""
Images: alt text, dimensions and renditions from a fixed list of sizes.

``ImageSize`` is an enum, so a size outside the list is a GraphQL validation error and
never reaches Wagtail's rendition code (unbounded filter specs were a denial-of-service
advisory in Wagtail). Renditions of an image are prefetched with the image, so a list of
images costs one query for all their renditions.
"""

from enum import Enum

import strawberry
import strawberry_django
from wagtail.images import get_image_model

Image = get_image_model()


@strawberry.enum(name="ImageSize", description="The rendition sizes the API offers; no others exist.")
class ImageSize(Enum):
    THUMBNAIL = "fill-160x160"
    SMALL = "max-480x480"
    MEDIUM = "max-960x960"
    LARGE = "max-1600x1600"
    KIOSK = "max-1920x1080"


@strawberry.type(name="Rendition")
class RenditionType:
    url: str
    width: int
    height: int


def _rendition(image, size: ImageSize) -> RenditionType:
    rendition = image.get_rendition(size.value)
    return RenditionType(url=rendition.url, width=rendition.width, height=rendition.height)


@strawberry_django.type(Image, name="Image")
class ImageType:
    id: strawberry.ID
    title: str
    width: int
    height: int

    @strawberry_django.field(only=["title", "description"], description="Alternative text for screen readers.")
    def alt(self) -> str:
        return self.default_alt_text

    @strawberry_django.field(
        prefetch_related=["renditions"],
        only=["file", "file_hash", "width", "height", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"],
    )
    def rendition(self, size: ImageSize) -> RenditionType:
        return _rendition(self, size)

    @strawberry_django.field(
        prefetch_related=["renditions"],
        only=["file", "file_hash", "width", "height", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"],
        description="An HTML srcset value (url and width descriptor) for the given sizes.",
    )
    def srcset(self, sizes: list[ImageSize]) -> str:
        seen = []
        for size in sizes:
            if size not in seen:
                seen.append(size)
        return ", ".join(f"{r.url} {r.width}w" for r in (_rendition(self, size) for size in seen[:5]))
