"""
The reader's language on the website: the first segment of every path (``/ar/…``).

A view decorated with ``in_language`` gets ``request.language`` (``translation.locales``'
``LocaleInfo``: code, native name, direction, fallback chain) and runs with Django's
translation activated for it, so dates and numbers are formatted for the reader. An
unknown code is a 404, not a German page under a wrong address; what the API refuses of
the reader's input (a filter, a page cursor) is a 400 page in the reader's language that
says why, not Django's bare one.
"""

from functools import wraps

from django.http import Http404
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from translation import locales
from website.api import ReaderError
from website.rendering import render_page


def in_language(view):
    @wraps(view)
    def wrapped(request, lang, *args, **kwargs):
        try:
            request.language = locales.get(lang)
        except KeyError:
            raise Http404(f"No website in {lang!r}.") from None
        with translation.override(lang):
            try:
                return view(request, *args, **kwargs)
            except ReaderError as error:
                return render_page(
                    request, "website/refused.html", {"reason": error.args[0] if error.args else "",
                                                      "canonical": None, "alternates": [], "x_default": None},
                    url_name="website:home", status=400,
                )

    return wrapped


def preferred(request) -> str:
    """The content locale a reader's browser asks for most (Accept-Language, by weight), else German."""
    offered = {info.code.lower(): info.code for info in locales.all_locales()}
    for tag, weight in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if weight <= 0:
            continue
        for candidate in (tag.lower(), tag.lower().split("-")[0]):
            if candidate in offered:
                return offered[candidate]
    return locales.source_code()
