"""
WeasyPrint for the hand-outs: HTML laid out as A4 pages and written as PDF.

Imported only when a PDF is made (``website.views.handouts``): WeasyPrint loads Pango from
the system when imported, and every other page of the website works without it.
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

#: Folders of the media storage a hand-out may show images from (as ``cms.media`` serves).
IMAGE_FOLDERS = ("images/", "original_images/")
#: Images are printed at this resolution at most (smaller files, still sharp on paper).
IMAGE_DPI = 150


class MediaFetcher(URLFetcher):
    """
    A hand-out's resources: images of the site's media storage and ``data:`` URLs, nothing
    else. No request goes to our own server (a worker waiting for itself) or anyone else's.
    """

    def __init__(self, site_url):
        super().__init__(allowed_protocols={"data"})
        self.media_prefixes = (site_url + settings.MEDIA_URL, settings.MEDIA_URL)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        for prefix in self.media_prefixes:
            name = url.removeprefix(prefix).split("?")[0]
            if name != url and name.startswith(IMAGE_FOLDERS) and ".." not in name.split("/"):
                with default_storage.open(name) as image:
                    body = image.read()
                content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        raise ValueError(f"A hand-out fetches no {url!r}.")


def layout(html: str, site_url: str) -> Document:
    """``html`` laid out in pages; relative links and images resolve against the public website."""
    return HTML(string=html, base_url=site_url + "/", url_fetcher=MediaFetcher(site_url)).render()


def write(document: Document) -> bytes:
    """The PDF, tagged (headings, lists, reading order for screen readers; it costs no measurable time)."""
    return document.write_pdf(pdf_tags=True, optimize_images=True, dpi=IMAGE_DPI, jpeg_quality=85)
