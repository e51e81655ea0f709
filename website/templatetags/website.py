"""
Template tags of the website: interface labels, and the language and direction of each
piece of content.

Every text on a page says which language it is in. An Arabic page may show a German guide
(the fallback) or a German interface label (no Arabic translation yet): such a piece gets
its own ``lang`` and ``dir``, so its full stop stays at its end and screen readers
pronounce it as German (bidirectional isolation, ``dir`` on an element isolates it).
"""

from django import template
from django.template.defaultfilters import stringfilter
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from translation import locales

register = template.Library()


def direction_of(code):
    try:
        return locales.direction(code)
    except KeyError:
        return "ltr"


def resolved(context, key, values):
    """The label ``website.<key>`` (else ``common.<key>``) and its text with ``values`` filled in."""
    labels = context["labels"]
    found = labels.get(f"website.{key}") or labels[f"common.{key}"]
    return found, (found.text % values if values else found.text)


@register.simple_tag(takes_context=True)
def label(context, key, **values):
    """
    The interface string ``website.<key>`` (or ``common.<key>``) in the reader's language,
    in a ``<span lang dir>`` when it is really in another one (a fallback).
    """
    found, text = resolved(context, key, values)
    if found.locale == context["language"].code:
        return text
    return format_html('<span lang="{}" dir="{}">{}</span>', found.locale, direction_of(found.locale), text)


@register.simple_tag(takes_context=True)
def label_text(context, key, **values):
    """The same, as plain text (for attributes such as ``aria-label`` and ``placeholder``)."""
    return resolved(context, key, values)[1]


@register.simple_tag(takes_context=True)
def lang_attrs(context, code, within=None):
    """
    ``lang="…" dir="…"`` for content in locale ``code`` when it differs from the language
    around it: the page's, or ``within`` inside an element of another language (a link in
    the reader's language inside a German fallback text).
    """
    if not code or code == (within or context["language"].code):
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction_of(code))


@register.filter
@stringfilter
def direction(code):
    return direction_of(code)


@register.filter
def trusted_html(html):
    """
    Rich text the API produced: editors' rich text, which Wagtail's editor keeps to its
    allowed features when saved, with links expanded by ``public_content.richtext``; never
    a reader's input.
    """
    return mark_safe(html)  # noqa: S308 (editors' rich text, filtered by Wagtail's editor on save)


@register.filter
def as_datetime(value):
    """An ISO date-time or date from the API as an aware ``datetime`` / ``date`` in Leipzig's time."""
    from datetime import date, datetime

    from django.utils import timezone

    if not value:
        return None
    if len(value) == 10:
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value)
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


@register.filter
def weekday_name(iso_weekday):
    """An ISO weekday (1 = Monday) as the day's name in the active language."""
    from django.utils.dates import WEEKDAYS

    return WEEKDAYS[(int(iso_weekday) - 1) % 7]


@register.filter
def getlist(values, key):
    """Every value of ``key`` in a form's POST data (checkboxes), or nothing on a fresh form."""
    return values.getlist(key) if hasattr(values, "getlist") else []
