"""
The reader's language on the website: the first segment of every path (``/ar/…``).

A view decorated with ``in_language`` gets ``request.language`` (``translation.locales``'
``LocaleInfo``: code, native name, direction, fallback chain) and runs with Django's
translation activated for it, so dates and numbers are formatted for the reader. An
unknown code is a 404, not a German page under a wrong address.
"""

from functools import wraps

from django.http import Http404
from django.utils import translation

from translation import locales


def in_language(view):
    @wraps(view)
    def wrapped(request, lang, *args, **kwargs):
        try:
            request.language = locales.get(lang)
        except KeyError:
            raise Http404(f"No website in {lang!r}.") from None
        with translation.override(lang):
            return view(request, *args, **kwargs)

    return wrapped


def preferred(request) -> str:
    """The content locale a reader's browser asks for first (Accept-Language), else German."""
    offered = {info.code.lower(): info.code for info in locales.all_locales()}
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        for candidate in (tag, tag.split("-")[0]):
            if candidate in offered:
                return offered[candidate]
    return locales.source_code()
