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
from django.core.files.storage import FileSystemStorage
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from public_content.relations import LISTED_PREFIX, listed

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


#: One parsed filter per size, made once (Wagtail parses the spec on every call otherwise).
FILTERS = {size: Filter(spec=size.value) for size in ImageSize}


def _rendition(image, size: ImageSize) -> RenditionType:
    rendition = _prefetched(image, size) or image.get_rendition(FILTERS[size])
    return RenditionType(url=_url(rendition.file), width=rendition.width, height=rendition.height)


#: (MEDIA_URL, file name) -> address, for files in the file system; bounded by ``MAX_URLS``.
_urls = {}
MAX_URLS = 10_000


def _url(file):
    """
    The address of a rendition's file. ``FileSystemStorage.url`` quotes the name and joins
    it to ``MEDIA_URL`` with ``urljoin`` on every call, a fifth of a list's image work; the
    same name always gives the same address there, so it is kept per name. Other storages
    may answer differently each time (signed addresses that expire) and are asked each time.
    """
    storage = file.storage
    if storage.__class__ is not FileSystemStorage:  # default_storage is a lazy proxy of it
        return file.url
    key = (storage.base_url, file.name)
    url = _urls.get(key)
    if url is None:
        if len(_urls) >= MAX_URLS:
            _urls.clear()
        url = _urls[key] = file.url
    return url


def _prefetched(image, size):
    """
    The rendition among those prefetched with the image, or ``None``: Wagtail's
    ``get_rendition`` finds it too, but then writes it to the renditions cache on every
    call, which for a list of 20 images cost more than reading them.
    """
    renditions = getattr(image, LISTED_PREFIX + "renditions", None)
    if renditions is None:
        renditions = getattr(image, "_prefetched_objects_cache", {}).get("renditions")
    if renditions is None:
        return None
    key = FILTERS[size].get_cache_key(image)
    for rendition in renditions:
        if rendition.filter_spec == size.value and rendition.focal_point_key == key:
            return rendition
    return None


def renditions(info):
    """
    The prefetch hint of the rendition fields, made anew for each query: strawberry-django's
    optimizer merges two hints for one path into the queryset of the first, in place.
    """
    return listed("renditions", Image.get_rendition_model().objects.all())


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
        prefetch_related=[renditions],
        only=["file", "file_hash", "width", "height", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"],
    )
    def rendition(self, size: ImageSize) -> RenditionType:
        return _rendition(self, size)

    @strawberry_django.field(
        prefetch_related=[renditions],
        only=["file", "file_hash", "width", "height", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"],
        description="An HTML srcset value (url and width descriptor) for the given sizes.",
    )
    def srcset(self, sizes: list[ImageSize]) -> str:
        seen = []
        for size in sizes:
            if size not in seen:
                seen.append(size)
        return ", ".join(f"{r.url} {r.width}w" for r in (_rendition(self, size) for size in seen[:5]))
