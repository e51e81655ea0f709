"""
Hand-outs: a guide as an A4 PDF in the reader's language, for the Welcome Centre's
"Handreichungen" to schools, kitas and sports clubs.

The PDF is the guide page's content, read with the same document (``queries/guide.graphql``)
through the API in-process, so a guide the API hides is not found here either. It is laid
out by WeasyPrint from an HTML page of its own (``templates/website/handout/``) that
reuses the guide page's block template, so every block type prints as it shows. A QR
code and the printed address lead back to the guide on the website.

WeasyPrint fetches nothing over the network: images come from the media storage, the
QR code is inline SVG, the stylesheet is inline. Rendering costs a few hundred
milliseconds, so a finished PDF is kept in the cache under a hash of the HTML it was made
from: any change of content, translation, label or template makes a new key, and a
cached PDF is never stale.
"""

import functools
import hashlib
from dataclasses import dataclass
from importlib.metadata import version

import segno
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from public_content.links import public_site_url
from translation.labels import interface_labels
from website import api
from website.languages import in_language
from website.rendering import absolute

#: A finished PDF is kept this long (seconds); its key changes whenever its content does.
CACHE_SECONDS = 24 * 3600
#: Larger PDFs (many big images) are made again rather than kept in the cache.
CACHE_MAX_BYTES = 4 * 1024 * 1024


@functools.cache
def renderer():
    """WeasyPrint's version: part of a PDF's key, as a new version lays pages out anew."""
    return f"weasyprint {version('weasyprint')}"


def qr_svg(url):
    """The QR code of ``url`` as inline SVG, sized by the stylesheet."""
    return segno.make(url, error="m").svg_inline(omitsize=True, border=2, dark="#000", light="#fff")


@dataclass
class Handout:
    """The hand-out of one guide: the HTML it is made from, and the PDF."""

    html: str
    site_url: str

    @functools.cached_property
    def key(self):
        """A hash of what the PDF is made from: its cache key and ETag."""
        return hashlib.sha256(f"{renderer()}\n{self.html}".encode()).hexdigest()

    def document(self):
        """WeasyPrint's laid-out document (pages and boxes), before it is written as PDF."""
        from website import pdf  # loads Pango: only when a PDF is made

        return pdf.layout(self.html, self.site_url)

    def pdf(self) -> bytes:
        from website import pdf

        return pdf.write(self.document())


def handout_for(request, slug) -> Handout:
    """The hand-out of guide ``slug`` in ``request.language``; ``Http404`` when the API has no such guide."""
    language = request.language
    item = api.run(request, "guide", locale=language.code, slug=slug)["guide"]
    if item is None:
        raise Http404("No such guide.")
    page_url = absolute(request, reverse("website:guide", kwargs={"lang": language.code, "slug": slug}))
    html = render_to_string(
        "website/handout/guide.html",
        {
            "language": language,
            "labels": interface_labels(language.code),
            "guide": item,
            "page_url": page_url,
            "qr_code": qr_svg(page_url),
        },
        request=request,
    )
    return Handout(html=html, site_url=public_site_url(request))


@require_safe
@in_language
def guide_handout(request, slug):
    handout = handout_for(request, slug)
    etag = f'"{handout.key}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    cache_key = f"website:handout:{handout.key}"
    pdf = cache.get(cache_key)
    if pdf is None:
        pdf = handout.pdf()
        if len(pdf) <= CACHE_MAX_BYTES:
            cache.set(cache_key, pdf, CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"{slug}-{request.language.code}.pdf")
    response["ETag"] = etag
    # As long as a CDN may keep the API's own answer that the PDF prints.
    response["Cache-Control"] = f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"
    return response
