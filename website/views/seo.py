"""
Findable: the sitemap index (``/sitemap.xml``) and one sitemap per language
(``/<language>/sitemap.xml``) with ``hreflang`` alternates; what they list is decided in
``website.sitemaps``.
"""

from xml.sax.saxutils import escape, quoteattr

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from public_content.links import public_site_url
from translation import locales
from website import sitemaps
from website.languages import in_language

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
XHTML_NS = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def xml_response(lines):
    body = '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(lines) + "\n"
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


def lastmod(moment):
    return f"<lastmod>{moment.isoformat(timespec='seconds')}</lastmod>" if moment else ""


@require_safe
def sitemap_index(request):
    base = public_site_url(request)
    latest = sitemaps.latest_changes(request)
    lines = [f"<sitemapindex {SITEMAP_NS}>"]
    for info in locales.all_locales():
        location = base + reverse("website:sitemap", kwargs={"lang": info.code})
        lines.append(f"<sitemap><loc>{escape(location)}</loc>{lastmod(latest.get(info.code))}</sitemap>")
    lines.append("</sitemapindex>")
    return xml_response(lines)


@require_safe
@in_language
def sitemap(request):
    lines = [f"<urlset {SITEMAP_NS} {XHTML_NS}>"]
    for entry in sitemaps.entries(request, request.language.code):
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(url)}/>'
            for code, url in entry.alternates
        )
        lines.append(f"<url><loc>{escape(entry.url)}</loc>{lastmod(entry.lastmod)}{links}</url>")
    lines.append("</urlset>")
    return xml_response(lines)
