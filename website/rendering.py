"""
What every website page shares: the reader's language, the interface labels in it, the
language switcher, ``hreflang`` alternates and the canonical address.
"""

from django.shortcuts import render
from django.urls import reverse

from public_content.links import public_site_url
from translation import locales
from translation.labels import interface_labels


def absolute(request, path):
    """``path`` on the public website's address (``KIOSK_PUBLIC_SITE_URL`` or the default site)."""
    return public_site_url(request) + path


def minute(moment):
    """``moment`` to the minute, in ISO format: the API's answers for it are then reused for a minute."""
    return moment.replace(second=0, microsecond=0).isoformat()


def render_page(request, template, context, *, url_name, url_kwargs=None, available=None, status=200):
    """
    Render ``template`` for ``request.language``. ``url_name`` and ``url_kwargs`` (without
    ``lang``) name this page in every language: the switcher and the alternates point at
    the same page in another language, limited to ``available`` locales when the content
    exists only in some (a guide's ``availableLocales``); a reader choosing a language the
    item is not translated into still gets it, in the fallback, so the switcher offers all.
    """
    language = request.language
    url_kwargs = url_kwargs or {}
    site = public_site_url(request)  # the public website's address (KIOSK_PUBLIC_SITE_URL or the default site)

    def url_in(code):
        return reverse(url_name, kwargs={"lang": code, **url_kwargs})

    all_codes = [info.code for info in locales.all_locales()]
    alternate_codes = [code for code in all_codes if available is None or code in available]
    page = {
        "language": language,
        "labels": interface_labels(language.code),
        "switcher": [
            {"code": info.code, "name": info.name, "direction": info.direction, "url": url_in(info.code),
             "current": info.code == language.code}
            for info in locales.all_locales()
        ],
        "alternates": [{"code": code, "url": site + url_in(code)} for code in alternate_codes],
        "canonical": site + url_in(language.code),
        "x_default": site + url_in(locales.source_code()),
        "home_url": reverse("website:home", kwargs={"lang": language.code}),
    }
    return render(request, template, {**page, **context}, status=status)
